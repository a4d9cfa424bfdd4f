import { describe, expect, it } from 'vitest';
import { barredFromCase, isWithinOrganization } from '#core/headReport.js';

const organizations = new Map<string, { parentId?: string }>([
  ['ministry', {}],
  ['agency', { parentId: 'ministry' }],
  ['office', { parentId: 'agency' }],
  ['other', {}],
  // A loop the pack checker refuses; the walk must still end.
  ['loop-a', { parentId: 'loop-b' }],
  ['loop-b', { parentId: 'loop-a' }],
]);

describe('isWithinOrganization', () => {
  it('holds for the organization itself and everything under it, at any depth', () => {
    expect(['ministry', 'agency', 'office'].map((id) => isWithinOrganization(organizations, id, 'ministry'))).toEqual([true, true, true]);
  });

  it('does not hold for a parent, a sibling or an unknown organization', () => {
    expect(isWithinOrganization(organizations, 'ministry', 'agency')).toBe(false);
    expect(isWithinOrganization(organizations, 'other', 'ministry')).toBe(false);
    expect(isWithinOrganization(organizations, 'nowhere', 'ministry')).toBe(false);
  });

  it('ends on a loop of parents', () => {
    expect(isWithinOrganization(organizations, 'loop-a', 'ministry')).toBe(false);
  });
});

describe('barredFromCase', () => {
  const aboutHeadOf = (reportedOrganizationId: string) => ({ subjectIsHead: true, reportedOrganizationId });

  it('bars the head’s organization and those under it from a head report', () => {
    expect(barredFromCase(organizations, aboutHeadOf('ministry'), 'office')).toBe(true);
    expect(barredFromCase(organizations, aboutHeadOf('agency'), 'ministry')).toBe(false);
  });

  it('bars nobody from a report that is not about a head', () => {
    expect(barredFromCase(organizations, { subjectIsHead: false, reportedOrganizationId: 'ministry' }, 'ministry')).toBe(false);
  });
});
