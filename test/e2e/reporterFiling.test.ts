// The reporter's filing, walked in the browser (issue 23): no dead end after a definite refusal, a tracking code that
// a reload cannot lose, amounts and contact details as people write them, Back and Forward between steps, a pasted
// story refused with its length rather than cut, "Change" buttons that say what they change, and the language
// switcher at the first Tab. Axe checks each new state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../integration/support/testPortal.js';
import { agencySignIn, openCase } from './support/agency.js';
import { seriousViolations } from './support/axe.js';
import { chooseLanguage, followCase, readCode, submitAndReadCode, writeReport } from './support/citizen.js';
import { categoryName, organizationName, type Words, wordsIn } from './support/pack.js';
import { type E2ESession, startE2E } from './support/session.js';

let e2e: E2ESession;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const en = wordsIn('en');
const ko = wordsIn('ko');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
/** A valid 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const report = (title: string) => ({
  category: 'code-of-conduct',
  organizationId: 'kr-mpm',
  search: 'personnel',
  title,
  description: 'A manager hired a relative without an open competition.',
});

async function staffCase(caseId: string, organizationId = 'kr-mpm') {
  const token = await signIn(e2e.portal, `handler@${organizationId}`);
  const answer = await e2e.portal.api('GET', `/cases/${caseId}`, undefined, bearer(token));
  expect(answer.status).toBe(200);
  return answer.body;
}

async function caseIdOnCodeScreen(page: Page): Promise<string> {
  return (await page.locator('.case-number span[translate="no"]').textContent())!.trim();
}

/** From the home page through type and organization, to the details step. */
async function toDetails(page: Page, words: Words, language: string): Promise<void> {
  await page
    .getByRole('link', { name: words('nav.report') })
    .first()
    .click();
  await page.getByLabel(categoryName('code-of-conduct', language)).check();
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByLabel(words('report.organizationSearch')).fill(language === 'ko' ? '인사' : 'personnel');
  await page.getByLabel(organizationName('kr-mpm', language), { exact: true }).check();
  await page.getByRole('button', { name: words('wizard.next') }).click();
  await page.getByRole('heading', { level: 1, name: words('wizard.steps.details') }).waitFor();
}

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
}

describe('evidence whose name is wrong, and refusals', () => {
  it('takes a PNG saved as photo.jpg as the image it is, and files the report', { timeout: 90_000 }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await writeReport(page, en, 'en', {
      ...report('Photo from a messaging app'),
      files: [{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: PNG }],
    });
    await submitAndReadCode(page, en);
    const filed = await staffCase(await caseIdOnCodeScreen(page));
    expect(filed.attachments.map((a: { name: string; contentType: string }) => [a.name, a.contentType])).toEqual([
      ['photo.jpg', 'image/png'],
    ]);
    expect(problems).toEqual([]);
  });

  it('refuses a program under a harmless name on the evidence step, naming it', { timeout: 90_000 }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await writeReport(page, en, 'en', report('Program as notes'));
    await page.getByRole('button', { name: en('wizard.back') }).click();
    await page.getByLabel(en('report.attachment.add')).setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) },
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await page.locator('.file-done', { hasText: 'scan.pdf' }).waitFor();
    await page.getByText(en('report.attachment.typeRefused', { name: 'notes.txt' })).waitFor();
    expect(await page.locator('.file', { hasText: 'notes.txt' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('reopens the evidence step after a definite refusal, in Korean, naming the file; a reload keeps it open', {
    timeout: 120_000,
  }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await chooseLanguage(page, en, 'ko');
    await writeReport(page, ko, 'ko', {
      ...report('거부된 첨부 파일'),
      search: '인사',
      description: '관리자가 공개 경쟁 없이 친척을 채용했습니다.',
      files: [{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: PDF }],
    });
    // The server refuses the file's content (415), as it would a file changed after it was checked.
    await page.route('**/api/reports', (route) =>
      route.fulfill({
        status: 415,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: "An attachment's content is not a application/pdf file.",
            details: [{ path: 'uploadIds.0', message: "the file's content is not application/pdf" }],
          },
        }),
      }),
    );
    await page.getByRole('button', { name: ko('report.submit') }).click();
    await page.getByRole('heading', { level: 1, name: ko('wizard.steps.attachments') }).waitFor();
    const named = ko('report.refused.fileType', { name: 'scan.pdf' });
    expect(await page.locator('.error-summary', { hasText: named }).count()).toBe(1);
    expect(await page.locator('.file-refused', { hasText: named }).count()).toBe(1);
    await page.getByText(ko('report.refused')).waitFor();
    // Not a word of the server's English.
    expect(await page.getByText('attachment', { exact: false }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.unroute('**/api/reports');

    // Nothing was filed, so nothing is frozen: a reload brings back the evidence step with its Remove and Back.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: ko('wizard.steps.attachments') }).waitFor();
    await page.getByRole('button', { name: `${ko('report.attachment.remove')}: scan.pdf` }).click();
    expect(await page.getByRole('button', { name: ko('wizard.back') }).count()).toBe(1);
    await page.getByRole('button', { name: ko('wizard.next') }).click();
    await submitAndReadCode(page, ko);
    expect(problems).toEqual([]);
  });
});

describe('the code screen', () => {
  it('keeps the code through a reload until it is marked saved, asking before leaving', { timeout: 90_000 }, async () => {
    const { page, problems, leavePrompts } = await e2e.newPage();
    await page.goto('/');
    await writeReport(page, en, 'en', report('Code kept through a reload'));
    const code = await submitAndReadCode(page, en);
    // The case number is played down: not among the facts, and said to be no use for following the report.
    const caseId = await caseIdOnCodeScreen(page);
    expect(await page.locator('dl.facts', { hasText: caseId }).count()).toBe(0);
    await page.getByText(en('code.caseId.note')).waitFor();
    await page.getByText(en('code.download.shared')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    expect(leavePrompts).toHaveLength(1);
    expect(await readCode(page, en)).toBe(code);

    // Away to the home page, and a reload there: still asked, and the home page offers the code again.
    await page.getByRole('link', { name: en('nav.home') }).click();
    await page.reload();
    expect(leavePrompts).toHaveLength(2);
    await page.getByRole('link', { name: en('home.codeKept.show') }).click();
    expect(await readCode(page, en)).toBe(code);

    await page.getByLabel(en('code.saved')).check();
    // The kept code is forgotten by an effect after the render, so wait for it rather than race it.
    await expect.poll(() => page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.reload();
    expect(leavePrompts).toHaveLength(2);
    await page.getByLabel(en('track.code'), { exact: true }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('the details as people write them', () => {
  it('reads "5,000,000원" in Korean, shows it formatted, and offers the currency as a choice', { timeout: 90_000 }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await chooseLanguage(page, en, 'ko');
    await toDetails(page, ko, 'ko');
    await page.getByLabel(ko('report.title')).fill('채용 청탁');
    await page.getByLabel(ko('report.description')).fill('인사 담당자가 500만 원을 받고 채용했습니다.');
    const currency = page.getByLabel(ko('report.currency'));
    expect(await currency.evaluate((select: HTMLSelectElement) => select.tagName === 'SELECT' && select.options[0]!.value)).toBe('KRW');
    await page.getByLabel(ko('report.amount')).fill('5 million');
    await page.getByRole('button', { name: ko('wizard.next') }).click();
    const example = new Intl.NumberFormat('ko', { style: 'currency', currency: 'KRW' }).format(5_000_000);
    await page.locator('.field-error', { hasText: ko('validation.amountFormat', { example }) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(ko('report.amount')).fill('5,000,000원');
    await page.getByRole('button', { name: ko('wizard.next') }).click();
    await page.getByLabel(ko('report.subjectIsHead.no')).check();
    await page.getByLabel(ko('report.anonymity.anonymous'), { exact: true }).check();
    await page.getByRole('button', { name: ko('wizard.next') }).click();
    await page.getByRole('button', { name: ko('wizard.next') }).click();
    await page.locator('.facts dd', { hasText: example }).waitFor();
    await submitAndReadCode(page, ko);
    const filed = await staffCase(await caseIdOnCodeScreen(page));
    expect(filed.amount).toEqual({ value: 5_000_000, currency: 'KRW' });
    expect(problems).toEqual([]);
  });

  it('reads "1 500,50" in euros', { timeout: 60_000 }, async () => {
    const { page } = await e2e.newPage();
    await page.goto('/');
    await toDetails(page, en, 'en');
    await page.getByLabel(en('report.title')).fill('Cash for a licence');
    await page.getByLabel(en('report.description')).fill('Paid in euros.');
    await page.getByLabel(en('report.amount')).fill('1 500,50');
    await page.getByLabel(en('report.currency')).selectOption('EUR');
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.identity') }).waitFor();
    await page.getByLabel(en('report.subjectIsHead.no')).check();
    await page.getByLabel(en('report.anonymity.anonymous'), { exact: true }).check();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.locator('.facts dd', { hasText: '€1,500.50' }).waitFor();
  });

  it('takes "about" a month and year for the date, and agency staff read it so', { timeout: 90_000 }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await toDetails(page, en, 'en');
    await page.getByLabel(en('report.title')).fill('Some time last year');
    await page.getByLabel(en('report.description')).fill('It was in the spring; I do not remember the day.');
    await page.getByLabel(en('report.occurredOn.precision')).selectOption('month');
    await page.locator('#report-occurredOn').fill('2025-04');
    await page.getByLabel(en('report.occurredOn.approximate')).check();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByLabel(en('report.subjectIsHead.no')).check();
    await page.getByLabel(en('report.anonymity.anonymous'), { exact: true }).check();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    const shown = en('report.occurredOn.about', { date: 'April 2025' });
    await page.locator('.facts dd', { hasText: shown }).waitFor();
    await submitAndReadCode(page, en);
    const caseId = await caseIdOnCodeScreen(page);
    expect(await staffCase(caseId)).toMatchObject({ occurredOn: '2025-04', occurredApproximately: true });

    const staff = (await e2e.newPage()).page;
    await staff.goto('/agency.html');
    await agencySignIn(staff, en, 'handler@kr-mpm', e2e.portal.demoPassword);
    await openCase(staff, caseId);
    await staff.locator('.case-facts dd', { hasText: shown }).waitFor();
    expect(problems).toEqual([]);
  });

  it('refuses a pasted story over the limit with its length, keeping every character', { timeout: 60_000 }, async () => {
    const { page } = await e2e.newPage();
    await page.goto('/');
    await toDetails(page, en, 'en');
    await page.getByLabel(en('report.title')).fill('A long story');
    await page.getByLabel(en('report.description')).fill('x'.repeat(20_431));
    expect((await page.getByLabel(en('report.description')).inputValue()).length).toBe(20_431);
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.locator('.field-error', { hasText: en('validation.tooLongCount', { count: '20,431', max: '20,000' }) }).waitFor();
    expect(await heading(page)).toBe(en('wizard.steps.details'));
  });

  it('says what a valid email or phone looks like, and reads full-width digits', { timeout: 90_000 }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await toDetails(page, en, 'en');
    await page.getByLabel(en('report.title')).fill('Contact me');
    await page.getByLabel(en('report.description')).fill('I can say more by phone.');
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByLabel(en('report.subjectIsHead.no')).check();
    await page.getByLabel(en('report.anonymity.confidential'), { exact: true }).check();
    await page.getByLabel(en('report.contact.email')).fill('kim@example');
    await page.getByLabel(en('report.contact.phone')).fill('010.1234.5678');
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.locator('.field-error', { hasText: en('validation.email') }).waitFor();
    await page.locator('.field-error', { hasText: en('validation.phone') }).waitFor();
    expect(await page.getByText(en('validation.required')).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(en('report.contact.email')).fill('');
    await page.getByLabel(en('report.contact.phone')).fill('０１０－１２３４－５６７８');
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.attachments') }).waitFor();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await submitAndReadCode(page, en);
    const filed = await staffCase(await caseIdOnCodeScreen(page));
    expect(filed.contact).toEqual({ phone: '010-1234-5678' });
    await followCase(page, en);
    expect(problems).toEqual([]);
  });
});

describe('moving around', () => {
  it('moves between steps with Back and Forward, and the home page offers to continue', { timeout: 60_000 }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await toDetails(page, en, 'en');
    expect(page.url()).toMatch(/#\/report\/details$/);
    await page.getByLabel(en('report.title')).fill('Kept across Back');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.organization') }).waitFor();
    expect(await page.getByLabel(organizationName('kr-mpm', 'en'), { exact: true }).isChecked()).toBe(true);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.category') }).waitFor();
    await page.goForward();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.details') }).waitFor();
    expect(await page.getByLabel(en('report.title')).inputValue()).toBe('Kept across Back');

    // An address past the first unanswered step shows that step instead.
    await page.goto('/#/report/review');
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.details') }).waitFor();

    await page.goto('/');
    await page.getByRole('link', { name: en('home.draftKept.continue') }).click();
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.details') }).waitFor();
    expect(await page.getByLabel(en('report.title')).inputValue()).toBe('Kept across Back');
    expect(problems).toEqual([]);
  });

  it('names what each Change on the review changes, and reaches the language switcher with the first Tab', {
    timeout: 60_000,
  }, async () => {
    const { page } = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');

    await writeReport(page, en, 'en', report('Change buttons'));
    for (const key of ['category', 'organization', 'details', 'identity', 'attachments'] as const) {
      expect(await page.getByRole('button', { name: en(`report.review.change.${key}`), exact: true }).count()).toBe(1);
    }
    await page.getByRole('button', { name: en('report.review.change.organization') }).click();
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.organization') }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: en('wizard.steps.review') }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('where it goes, and not being sure', () => {
  const acrc = organizationName('kr-acrc', 'en');

  it('names the receiving organization and why on the review, before it is sent', { timeout: 90_000 }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await writeReport(page, en, 'en', {
      category: 'corruption',
      organizationId: 'kr-police',
      search: 'police',
      title: 'Officer asked for cash',
      description: 'A traffic officer asked for cash to drop a fine.',
    });
    const destination = page.locator('.destination');
    expect(await destination.locator('.destination-name').textContent()).toBe(acrc);
    await destination.getByText(en('report.route.category', { category: categoryName('corruption', 'en'), organization: acrc })).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // About the head of the police: the head rule decides, and says so.
    await page.getByRole('button', { name: en('report.review.change.identity') }).click();
    await page.getByLabel(en('report.subjectIsHead'), { exact: true }).check();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await destination.getByText(en('report.route.head', { organization: acrc })).waitFor();

    // A budget-waste report goes to the police themselves, and the code screen agrees with the review.
    await page.getByRole('button', { name: en('report.review.change.identity') }).click();
    await page.getByLabel(en('report.subjectIsHead.no')).check();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByRole('button', { name: en('report.review.change.category') }).click();
    await page.getByLabel(categoryName('budget-waste', 'en')).check();
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: en('wizard.next') }).click();
    const police = organizationName('kr-police', 'en');
    await destination
      .getByText(en('report.route.reported', { category: categoryName('budget-waste', 'en'), organization: police }))
      .waitFor();
    await submitAndReadCode(page, en);
    expect(await page.locator('dl.facts dd', { hasText: police }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('offers "I\'m not sure" for the type and the organization, a list to browse and a search that forgives typos', {
    timeout: 90_000,
  }, async () => {
    const { page, problems } = await e2e.newPage();
    await page.goto('/');
    await page
      .getByRole('link', { name: en('nav.report') })
      .first()
      .click();
    await page.getByLabel(categoryName('unsure', 'en')).check();
    await page.getByRole('button', { name: en('wizard.next') }).click();

    await page.getByLabel(en('report.organizationSearch')).fill('finanse ministy');
    await page.getByLabel(organizationName('kr-moef', 'en'), { exact: true }).waitFor();
    await page.getByLabel(en('report.organizationBrowse')).selectOption('kr-police');
    expect(await page.getByLabel(organizationName('kr-police', 'en'), { exact: true }).isChecked()).toBe(true);
    await page.getByLabel(en('report.organization.unsure'), { exact: true }).check();
    await page.getByText(en('report.organization.unsure.help', { organization: acrc })).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: en('wizard.next') }).click();

    await page.getByLabel(en('report.title')).fill('Not sure who handles this');
    await page.getByLabel(en('report.description')).fill('Someone sold exam answers; I do not know which office runs the exam.');
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByLabel(en('report.subjectIsHead.no')).check();
    await page.getByLabel(en('report.anonymity.anonymous'), { exact: true }).check();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page.getByRole('button', { name: en('wizard.next') }).click();
    await page
      .locator('.destination')
      .getByText(en('report.route.unsure', { organization: acrc }))
      .waitFor();
    await page.locator('.facts dd', { hasText: en('report.organization.unsure') }).waitFor();
    await submitAndReadCode(page, en);
    const filed = await staffCase(await caseIdOnCodeScreen(page), 'kr-acrc');
    expect(filed.organization.id).toBe('kr-acrc');
    expect(filed.reportedOrganization.id).toBe('unsure');
    expect(filed.category).toBe('unsure');
    expect(problems).toEqual([]);
  });
});
