import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, searchOrganizations } from '../../../web/src/citizen/report/organizationSearch.js';

const ORGS = [
  { id: 'kr-moef', name: 'Ministry of Economy and Finance', otherNames: ['기획재정부'] },
  { id: 'kr-molit', name: 'Ministry of Land, Infrastructure and Transport', otherNames: ['국토교통부'] },
  { id: 'xk-prishtina', name: 'Komuna e Prishtinës', otherNames: ['Opština Priština', 'Municipality of Pristina'] },
  { id: 'kr-nts', name: 'National Tax Service', otherNames: ['국세청'] },
];

describe('searchOrganizations', () => {
  it('finds an organization by any part of its name in any language', () => {
    expect(searchOrganizations(ORGS, 'economy finance', 10).matches.map((o) => o.id)).toEqual(['kr-moef']);
    expect(searchOrganizations(ORGS, '국토', 10).matches.map((o) => o.id)).toEqual(['kr-molit']);
    expect(searchOrganizations(ORGS, 'pristina', 10).matches.map((o) => o.id)).toEqual(['xk-prishtina']);
  });

  it('ignores case, accents and punctuation', () => {
    expect(searchOrganizations(ORGS, 'PRISHTINES', 10).matches.map((o) => o.id)).toEqual(['xk-prishtina']);
    expect(searchOrganizations(ORGS, 'land,  infrastructure', 10).matches.map((o) => o.id)).toEqual(['kr-molit']);
    expect(foldForSearch('Opština  Priština!')).toBe('opstina pristina');
  });

  it('puts names that start with the query first, and counts every match beyond the limit', () => {
    const result = searchOrganizations(ORGS, 'ministry', 1);
    expect(result.total).toBe(2);
    expect(result.matches).toHaveLength(1);
    expect(searchOrganizations(ORGS, 'tax', 10).matches[0]!.id).toBe('kr-nts');
  });

  it('forgives a typo or two in longer words, after the exact matches', () => {
    expect(searchOrganizations(ORGS, 'finanse', 10).matches.map((o) => o.id)).toEqual(['kr-moef']);
    expect(
      searchOrganizations(ORGS, 'ministy', 10)
        .matches.map((o) => o.id)
        .sort(),
    ).toEqual(['kr-moef', 'kr-molit']);
    expect(searchOrganizations(ORGS, 'infrastrcutrue', 10).matches.map((o) => o.id)).toEqual(['kr-molit']);
    expect(searchOrganizations(ORGS, 'natoinal tax', 10).matches.map((o) => o.id)).toEqual(['kr-nts']);
    // Short words must be exact: "tix" is not "tax".
    expect(searchOrganizations(ORGS, 'tix', 10).total).toBe(0);
    // Nor is a short word of the name misspelt: "land" does not find "and" in the Ministry of Economy and Finance.
    expect(searchOrganizations(ORGS, 'ministry of land', 10).matches.map((o) => o.id)).toEqual(['kr-molit']);
  });

  it('answers nothing for an empty query', () => {
    expect(searchOrganizations(ORGS, '  ', 10)).toEqual({ matches: [], total: 0 });
  });

  it('finds every organization by its own full name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORGS), (org) => searchOrganizations(ORGS, org.name, ORGS.length).matches.some((m) => m.id === org.id)),
    );
  });
});
