// Every language of a pack reads right, on the Kosovo pack (Albanian, Serbian in Latin script, English): the
// switcher names each language in itself, counts take the language's plural form, dates follow the pack (Latin
// Serbian, Albanian by the pack's pattern where Chromium has no Albanian dates) and times a 24-hour clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { chooseLanguage, trackWithCode } from './support/citizen.js';
import { categoryName, wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';
import { factText, fileThroughApi } from './support/statusPage.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E({ country: 'xk' });
});
afterAll(() => e2e?.stop());

const en = wordsIn('en', 'xk');
const sq = wordsIn('sq', 'xk');
const sr = wordsIn('sr', 'xk');
const CYRILLIC = /[\u0400-\u04ff]/;

describe('Kosovo, in each of its languages', () => {
  it('names each language in itself in the switcher', async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await page.getByLabel(en('lang.label')).locator('option').allInnerTexts()).toEqual(['shqip', 'srpski', 'English']);
    await chooseLanguage(page, en, 'sq');
    expect(await page.getByLabel(sq('lang.label')).locator('option').allInnerTexts()).toEqual(['shqip', 'srpski', 'English']);
    expect(problems).toEqual([]);
  });

  it('counts organizations with the plural form of each language', { timeout: 60_000 }, async () => {
    // Each search in a fresh window: the wizard keeps its draft for the tab.
    const search = async (words: typeof en, language: string, query: string) => {
      const { page, problems } = await e2e.newPage();
      await page.goto('/');
      await chooseLanguage(page, en, language);
      await page
        .getByRole('link', { name: words('nav.report') })
        .first()
        .click();
      await page.getByLabel(categoryName('procurement', language, 'xk')).check();
      await page.getByRole('button', { name: words('wizard.next') }).click();
      await page.getByLabel(words('report.organizationSearch')).fill(query);
      return { page, problems };
    };
    // One match: singular in English ("1 institution matches", not "1 institutions match").
    const english = await search(en, 'en', 'prizren');
    await english.page.getByText('1 institution matches', { exact: true }).waitFor({ timeout: 5_000 });
    // Two matches: Serbian's "few" form.
    const serbian = await search(sr, 'sr', 'komisija');
    await serbian.page.getByText('2 institucije odgovaraju', { exact: true }).waitFor({ timeout: 5_000 });
    expect([...english.problems, ...serbian.problems]).toEqual([]);
  });

  it('writes Albanian dates by the pack, Serbian dates in Latin script, and times on a 24-hour clock', { timeout: 60_000 }, async () => {
    const { code } = await fileThroughApi(e2e.portal, {
      language: 'sq',
      category: 'procurement',
      organizationId: 'xk-prizren',
      amount: { value: 12_000, currency: 'EUR' },
    });
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await chooseLanguage(page, en, 'sq');
    await trackWithCode(page, sq, code);
    expect(await factText(page, sq('track.createdAt'))).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(await factText(page, sq('track.respondBy'))).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(await page.locator('.timeline time').first().innerText()).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(await seriousViolations(page)).toEqual([]);

    await chooseLanguage(page, sq, 'sr');
    await page.getByRole('heading', { level: 1, name: sr('track.heading') }).waitFor();
    // "17. decembar 2026.", never "17. децембар 2026."
    expect(await factText(page, sr('track.createdAt'))).toMatch(/^\d{1,2}\. [a-z]+ \d{4}\.$/);
    expect(await page.locator('.timeline time').first().innerText()).toMatch(/ \d{2}:\d{2}$/);
    expect(await page.locator('main').innerText()).not.toMatch(CYRILLIC);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
