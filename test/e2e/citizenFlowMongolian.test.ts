// The citizen flow in Mongolian, on the mn pack; and the status page's dates, which Chromium cannot write in
// Mongolian (it has no Mongolian dates), written by the pack's pattern.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { chooseLanguage, trackWithCode } from './support/citizen.js';
import { wordsIn } from './support/pack.js';
import { runPackFlow } from './support/packFlow.js';
import { type E2ESession, startE2E } from './support/session.js';
import { factText, fileThroughApi } from './support/statusPage.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E({ country: 'mn' });
});
afterAll(() => e2e?.stop());

describe('Mongolia, in Mongolian', () => {
  it('files a report with evidence, tracks it and answers the agency', { timeout: 120_000 }, async () => {
    await runPackFlow(e2e, {
      country: 'mn',
      language: 'mn',
      report: {
        category: 'procurement',
        organizationId: 'mn-mof',
        search: 'Сангийн',
        title: 'Тендерийн шаардлагыг нэг компанид тааруулсан',
        description: 'Цэвэрлэгээний тендерийн техникийн шаардлагад зөвхөн нэг компанид байдаг машины загварыг заасан.',
        files: [{ name: 'tender.txt', mimeType: 'text/plain', buffer: Buffer.from('Тендерийн зарлал, 4.2-р хэсэг\n') }],
      },
      question: 'Энэ тендерийг хэзээ зарласан бэ?',
      answer: 'Өнгөрсөн сарын 3-нд зарласан.',
    });
  });

  it('names Mongolian in Mongolian, and writes dates as YYYY.MM.DD with 24-hour times', { timeout: 60_000 }, async () => {
    const mn = wordsIn('mn', 'mn');
    const { code } = await fileThroughApi(e2e.portal, {
      language: 'mn',
      category: 'procurement',
      organizationId: 'mn-mof',
      amount: { value: 250_000_000, currency: 'MNT' },
    });
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await chooseLanguage(page, wordsIn('en', 'mn'), 'mn');
    expect(await page.getByLabel(mn('lang.label')).locator('option').allInnerTexts()).toEqual(['Монгол', 'English']);
    await trackWithCode(page, mn, code);
    // Chromium alone writes "December 17, 2026" here, in English.
    expect(await factText(page, mn('track.createdAt'))).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
    expect(await factText(page, mn('track.acknowledgeBy'))).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
    expect(await page.locator('.timeline time').first().innerText()).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}$/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
