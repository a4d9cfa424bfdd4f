// Reads a country pack from countries/<code>/: each file on its own, so that one missing or malformed file hides
// no other. A file that is not JSON is named with its line and column; the schemas and every other check are
// core's (countryPackAssembly.ts, countryPackCheck.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACK_JSON_FILES, type PackSources, assembleCountryPack, packLanguages, parsePageText } from '#core/countryPackAssembly.js';
import type { PackProblem } from '#core/countryPackCheck.js';
import { placeJsonSyntaxError } from '#core/jsonSyntaxError.js';
import { type CountryPack, PAGE_IDS } from '#schemas/countryPack.js';

export class PackFileError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}${path ? ` at ${path}` : ''}: ${reason}`);
    this.name = 'PackFileError';
  }
}

/** A JSON file's content, or the problem that kept it from being read (missing; not JSON, with line and column). */
function readJson(dir: string, file: string, problems: PackProblem[]): unknown {
  const full = join(dir, file);
  if (!existsSync(full)) {
    problems.push({ file, path: '$', message: 'file is missing' });
    return undefined;
  }
  // Notepad saves UTF-8 with a byte order mark; JSON.parse would call it an unexpected token.
  const text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const place = placeJsonSyntaxError(text, (error as Error).message);
    problems.push({
      file,
      path: '$',
      message: `not valid JSON: ${place.reason}`,
      at: { line: place.line, column: place.column, excerpt: place.excerpt },
    });
    return undefined;
  }
}

/** Every file of the pack, read; the problems name each file that is missing or not valid JSON. */
export function readCountryPackSources(packsDir: string, code: string): { sources: PackSources; problems: PackProblem[] } {
  const dir = join(packsDir, code);
  const problems: PackProblem[] = [];
  const sources: PackSources = { code, json: {}, strings: {}, pages: {} };
  for (const file of PACK_JSON_FILES) sources.json[file] = readJson(dir, file, problems);
  for (const language of packLanguages(sources.json['country.json'])) {
    sources.strings[language] = readJson(dir, `i18n/${language}.json`, problems);
    const pageDir = join(dir, 'pages', language);
    const found = existsSync(pageDir) ? readdirSync(pageDir) : [];
    const pages: PackSources['pages'][string] = {};
    for (const id of PAGE_IDS) {
      if (found.includes(`${id}.md`)) pages[id] = readFileSync(join(pageDir, `${id}.md`), 'utf8').replace(/^\uFEFF/, '');
      else problems.push({ file: `pages/${language}/${id}.md`, path: '$', message: 'page is missing' });
    }
    sources.pages[language] = pages;
  }
  return { sources, problems };
}

/** Splits a page into its title (the first "# " line) and the rest. */
export function parsePage(file: string, text: string): { title: string; markdown: string } {
  const page = parsePageText(text);
  if (!page) throw new PackFileError(file, '', 'a page must start with a "# Title" line');
  return page;
}

/** The pack, or a PackFileError naming the first file, path and reason that keep it from loading. */
export function loadCountryPack(packsDir: string, code: string): CountryPack {
  const dir = join(packsDir, code);
  if (!existsSync(dir)) throw new PackFileError(dir, '', `no country pack "${code}"`);
  const { sources, problems } = readCountryPackSources(packsDir, code);
  const assembled = assembleCountryPack(sources);
  const first = problems[0] ?? assembled.problems[0];
  if (first) {
    const where = first.at ? `line ${first.at.line}, column ${first.at.column}: ` : '';
    const reason = first.at ? first.message.replace(/^not valid JSON: /, `not valid JSON: ${where}`) : first.message;
    throw new PackFileError(join(dir, first.file), first.path === '$' || first.path.startsWith('line ') ? '' : first.path, reason);
  }
  return assembled.pack;
}
