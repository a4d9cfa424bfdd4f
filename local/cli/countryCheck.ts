// `npm run country:check -- <code>`: checks a country pack (shape, cross references, every string and page in
// every language, unfinished TODO text, routing totality, unreachable or ambiguous rules) and names the file,
// the JSON path (or, for a file that is not JSON, the line and column) and the problem, every problem at once.
// Exit status 0 = pass, 1 = problems, 2 = no such pack.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { problemLines } from '#core/countryPackProblemText.js';
import { checkCountryPackDirectory } from './countryCheckReport.js';

const code = process.argv[2] ?? process.env.COUNTRY ?? 'kr';
const packsDir = resolve(process.env.COUNTRY_PACKS_DIR ?? 'countries');
if (!existsSync(join(packsDir, code))) {
  console.error(`✗ there is no country pack "${code}" in ${packsDir} (create one with npm run country:new -- ${code})`);
  process.exit(2);
}
const { pack, problems } = checkCountryPackDirectory(packsDir, code);
for (const p of problems) for (const line of problemLines(code, p)) console.error(line);
if (!pack || problems.length > 0) {
  console.error(`✗ country pack "${code}": ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  `✓ country pack "${code}": ${pack.organizations.length} organizations, ${pack.categories.length} categories, ${pack.routing.length} routing rules, languages ${pack.country.languages.join(', ')}`,
);
