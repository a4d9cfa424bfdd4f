// `npm run country:check -- <code>`: checks a country pack (shape, cross references, every string in every
// language, routing totality) and names the file, the JSON path and the problem. Exit status 0 = pass.
import { resolve } from 'node:path';
import { PackFileError, loadCountryPack } from '../functions/adapters/countryPackFiles.js';
import { checkCountryPack } from '../functions/core/countryPackCheck.js';

const code = process.argv[2] ?? process.env.COUNTRY ?? 'kr';
const packsDir = resolve('countries');
try {
  const pack = loadCountryPack(packsDir, code);
  const problems = checkCountryPack(pack);
  for (const p of problems) console.error(`countries/${code}/${p.file} ${p.path}: ${p.message}`);
  if (problems.length > 0) {
    console.error(`✗ country pack "${code}": ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`✓ country pack "${code}": ${pack.organizations.length} organizations, ${pack.categories.length} categories, ${pack.routing.length} routing rules, languages ${pack.country.languages.join(', ')}`);
} catch (error) {
  if (!(error instanceof PackFileError)) throw error;
  console.error(error.message);
  console.error(`✗ country pack "${code}" could not be read`);
  process.exit(1);
}
