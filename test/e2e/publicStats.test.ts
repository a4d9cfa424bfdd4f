// The public statistics in the citizen app: reached from the home page, loaded on demand under the strict CSP, the
// table in the reader's language, suppressed rows saying only "fewer than 5", and no serious axe finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { chooseLanguage } from './support/citizen.js';
import { categoryName, organizationName, wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
  const file = async (organizationId: string) => {
    const answer = await e2e.portal.api('POST', '/reports', {
      category: 'code-of-conduct',
      organizationId,
      language: 'en',
      title: 'Hiring favours',
      description: 'A relative was hired.',
      subjectIsHead: false,
      anonymity: 'anonymous',
      contact: null,
      uploadIds: [],
    });
    expect(answer.status).toBe(201);
  };
  for (let i = 0; i < 5; i++) await file('kr-molit');
  for (let i = 0; i < 2; i++) await file('kr-moef');
  expect(await e2e.portal.publishStats()).toMatchObject({ cases: 7, outcome: 'saved' });
});
afterAll(() => e2e?.stop());

describe('the statistics view', () => {
  it('shows counts for a row of five and only "fewer than 5" for a row of two, in English and Korean', { timeout: 120_000 }, async () => {
    const en = wordsIn('en');
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: en('nav.stats') })
      .click();
    await page.getByRole('heading', { level: 1, name: en('nav.stats') }).waitFor();

    const molit = page.getByRole('region', { name: organizationName('kr-molit', 'en') }).first();
    const row = molit.getByRole('row', { name: new RegExp(categoryName('code-of-conduct', 'en')) });
    await row.waitFor();
    // Reports, then received … closed (no "transferred" column), then the median: none yet.
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['5', '5', '0', '0', '0', '0', en('stats.noMedian')]);
    const moef = page.getByRole('region', { name: organizationName('kr-moef', 'en') }).first();
    expect(await moef.getByRole('cell').allInnerTexts()).toEqual([en('stats.suppressed', { count: 5 }), en('stats.totalHidden')]);
    expect(await page.locator('main').innerText()).not.toContain('Hiring favours');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(en('stats.search')).fill(organizationName('kr-moef', 'en'));
    await page.getByRole('heading', { level: 2, name: organizationName('kr-molit', 'en') }).waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([organizationName('kr-moef', 'en')]);

    const ko = wordsIn('ko');
    await chooseLanguage(page, en, 'ko');
    await page.getByRole('heading', { level: 1, name: ko('nav.stats') }).waitFor();
    await page.getByLabel(ko('stats.search')).fill('');
    const molitKo = page.getByRole('region', { name: organizationName('kr-molit', 'ko') }).first();
    await molitKo.getByRole('rowheader', { name: categoryName('code-of-conduct', 'ko') }).waitFor();
    await page
      .getByText(ko('stats.suppressed', { count: 5 }))
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
