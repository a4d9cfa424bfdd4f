// Form errors come from the API's own schemas, in the reader's language.
import { describe, expect, it } from 'vitest';
import { submitReportRequest } from '#schemas/report.js';
import { trackMessageRequest } from '#schemas/track.js';
import en from '../../../countries/kr/i18n/en.json' with { type: 'json' };
import ko from '../../../countries/kr/i18n/ko.json' with { type: 'json' };
import { translator } from '../../../web/src/shared/i18n.js';
import { fieldErrors } from '../../../web/src/shared/validation.js';

const base = {
  category: 'corruption',
  organizationId: 'kr-molit',
  language: 'en',
  title: 'Cash for a permit',
  description: 'Details',
  subjectIsHead: false,
  anonymity: 'anonymous',
  contact: null,
  uploadIds: [],
};

function errorsOf(report: Record<string, unknown>, strings: Record<string, string>) {
  const result = submitReportRequest.safeParse(report, { reportInput: true });
  if (result.success) return {};
  return fieldErrors(result.error, translator(strings));
}

describe('fieldErrors', () => {
  it('says what to do, per field, in English and in Korean', () => {
    const report = { ...base, category: '', title: '', description: 'x'.repeat(20_001) };
    expect(errorsOf(report, en)).toEqual({
      category: en['validation.choose'],
      title: en['validation.required'],
      // Refused with how long it is, never cut short (the numbers in the page's notation; here Node's).
      description: en['validation.tooLongCount'].replace('{count}', '20,001').replace('{max}', '20,000'),
    });
    expect(errorsOf(report, ko)).toEqual({
      category: ko['validation.choose'],
      title: ko['validation.required'],
      description: ko['validation.tooLongCount'].replace('{count}', '20,001').replace('{max}', '20,000'),
    });
  });

  it('explains contact problems of a confidential report', () => {
    expect(errorsOf({ ...base, anonymity: 'confidential', contact: null }, en)).toEqual({ contact: en['validation.contact'] });
    expect(errorsOf({ ...base, anonymity: 'confidential', contact: { email: 'not-an-address', phone: 'call me' } }, en)).toEqual({
      'contact.email': en['validation.email'],
      'contact.phone': en['validation.phone'],
    });
  });

  it('reads contact details typed in full-width characters as the plain ones (NFKC), in the browser and the API alike', () => {
    const parsed = submitReportRequest.parse({
      ...base,
      anonymity: 'confidential',
      contact: { email: 'ｋｉｍ＠ｅｘａｍｐｌｅ．ｏｒｇ', phone: '０１０－１２３４－５６７８' },
    });
    expect(parsed.contact).toEqual({ email: 'kim@example.org', phone: '010-1234-5678' });
  });

  it('asks to choose when no way of reporting was picked, and for a number when the amount is not one', () => {
    expect(errorsOf({ ...base, anonymity: undefined, amount: { value: Number.NaN, currency: 'KRW' } }, en)).toEqual({
      anonymity: en['validation.choose'],
      'amount.value': en['validation.amount'],
    });
  });

  it('has a message for an empty reply', () => {
    const result = trackMessageRequest.safeParse({ trackingCode: 'X', body: '   ' }, { reportInput: true });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!, translator(en))).toEqual({ body: en['validation.required'] });
  });
});
