// Every pack in countries/ passes the checker, as `npm run country:check -- <code>` would report it.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCountryPackDirectory } from '#local/cli/countryCheckReport.js';

const PACKS = readdirSync(resolve('countries')).filter((name) => /^[a-z]{2}$/.test(name));

describe('shipped country packs', () => {
  it('include Korea, Mongolia, Kosovo and Uzbekistan', () => {
    expect(PACKS.sort()).toEqual(['kr', 'mn', 'uz', 'xk']);
  });

  it.each(PACKS)('%s passes country:check', (code) => {
    const { pack, problems } = checkCountryPackDirectory(resolve('countries'), code);
    expect(problems).toEqual([]);
    expect(pack!.country.code).toBe(code);
  });
});
