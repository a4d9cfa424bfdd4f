// `npm run country:new -- <code> [sq,sr,en]` (or `--languages sq,sr,en`): starts a country pack from countries/_template. Every
// place that needs this country's facts or a translation says TODO, and `npm run country:check` lists them all.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldCountryPack } from './countryNewScaffold.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { languages: { type: 'string', default: 'en' } } });
const code = positionals[0];
// The languages also as a plain word: PowerShell drops the `--` before a `--flag` given to npm run.
const languageList = positionals[1] ?? values.languages;
if (!code) {
  console.error('usage: npm run country:new -- <two-letter code> [languages, such as ka,en]');
  process.exit(2);
}
try {
  const languages = languageList
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const dir = scaffoldCountryPack(resolve('countries'), code, languages);
  console.log(`Created ${dir} (languages ${languages.join(', ')}).`);
  console.log(`Next: replace every TODO (npm run country:check -- ${code} lists them, with file and place), then`);
  console.log(`      npm start -- ${code} demo to try it. docs/trainers.md walks through each file.`);
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
