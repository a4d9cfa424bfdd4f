// `npm run country:texts -- <code> export <language> [csv|xliff|xliff2] [<file>]` writes every text
// the language needs, with the default language's as the source, to a file a translator opens in a spreadsheet
// (CSV, UTF-8) or a translation tool (XLIFF 1.2 or 2.0); `... import <language> <file>` writes the translations
// back into countries/<code>/i18n/<language>.json, or names each mistake by line and writes nothing.
// Exit status 0 = done, 1 = the file was refused, 2 = wrong use or no such pack or language.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readCountryPackSources } from '#adapters/countryPackFiles.js';
import { assembleCountryPack } from '#core/countryPackAssembly.js';
import { type TextFileFormat, mergeTranslations, readTextFile, textsToTranslate, writeTextFile } from '#core/translation/textExchange.js';

const USAGE = `usage: npm run country:texts -- <code> export <language> [csv|xliff|xliff2] [<file>]
       npm run country:texts -- <code> import <language> <file>`;
const FORMATS: Record<TextFileFormat, string> = { csv: 'csv', xliff: 'xlf', xliff2: 'xlf' };

function fail(message: string, status: number): never {
  console.error(message);
  process.exit(status);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' } },
});
const [code, command, language, ...rest] = positionals;
// The format and the file also as plain words (PowerShell drops the `--` before a `--flag` given to npm run); a
// file named .xlf or .xliff is XLIFF.
const named = rest.find((word) => word in FORMATS);
const file = rest.find((word) => !(word in FORMATS)) ?? values.out;
const chosen = named ?? (values.format !== 'csv' ? values.format : file && /\.xli?ff?$/i.test(file) ? 'xliff' : 'csv');
if (!code || !language || (command !== 'export' && command !== 'import') || (command === 'import' && !file)) fail(USAGE, 2);
if (!(chosen in FORMATS)) fail(`✗ format ${chosen}: csv, xliff (1.2) or xliff2 (2.0)\n${USAGE}`, 2);
const format = chosen as TextFileFormat;

const packsDir = resolve(process.env.COUNTRY_PACKS_DIR ?? 'countries');
if (!existsSync(join(packsDir, code))) fail(`✗ there is no country pack "${code}" in ${packsDir}`, 2);
const { sources } = readCountryPackSources(packsDir, code);
const { pack } = assembleCountryPack(sources);
const { languages, defaultLanguage } = pack.country;
if (!languages.includes(language))
  fail(
    `✗ "${language}" is not a language of pack "${code}" (its languages: ${languages.join(', ') || 'none readable in country.json'})`,
    2,
  );

if (command === 'export') {
  const rows = textsToTranslate(pack, language);
  const out = resolve(file ?? `texts-${code}-${language}.${FORMATS[format]}`);
  writeFileSync(out, writeTextFile(rows, defaultLanguage, language, format));
  const open = rows.filter((r) => !r.translation).length;
  console.log(`✓ ${rows.length} texts of ${language} (${open} still to translate), the ${defaultLanguage} text beside each, in ${out}`);
  console.log(`  When translated: npm run country:texts -- ${code} import ${language} "${out}"`);
} else {
  const path = resolve(file!);
  if (!existsSync(path)) fail(`✗ there is no file ${path}`, 2);
  const read = readTextFile(readFileSync(path, 'utf8'), language);
  const merged = 'rows' in read ? mergeTranslations(pack, language, read.rows) : read;
  if ('problems' in merged) {
    for (const problem of merged.problems) console.error(`${file}: ${problem}`);
    fail(`✗ nothing written: ${merged.problems.length} problem(s) in ${file}`, 1);
  }
  const target = join(packsDir, code, 'i18n', `${language}.json`);
  writeFileSync(target, `${JSON.stringify(merged.strings, null, 2)}\n`);
  console.log(`✓ ${Object.keys(merged.strings).length} texts of ${language} written to countries/${code}/i18n/${language}.json`);
  console.log(`  Next: npm run country:check -- ${code}`);
}
