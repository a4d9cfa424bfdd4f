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

describe('applications for protection and rewards in the shipped packs (docs/applications.md)', () => {
  const offers = Object.fromEntries(
    PACKS.map((code) => {
      const applications = checkCountryPackDirectory(resolve('countries'), code).pack!.country.applications!;
      return [code, { decidedBy: applications.decidedBy, kinds: Object.keys(applications.kinds).sort() }];
    }),
  );

  it('name the anti-corruption body that decides them, and the kinds each country’s law offers', () => {
    expect(offers).toEqual({
      kr: { decidedBy: 'kr-acrc', kinds: ['protection', 'reward'] },
      mn: { decidedBy: 'mn-iaac', kinds: ['protection', 'reward'] },
      uz: { decidedBy: 'uz-aca', kinds: ['protection', 'reward'] },
      // Kosovo's law protects whistleblowers but pays no reward (countries/xk/pages/en/rewards.md).
      xk: { decidedBy: 'xk-apk', kinds: ['protection'] },
    });
  });
});
