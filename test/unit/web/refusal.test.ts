// A submission refused outright names what to change, in the reader's language, by the error's code and paths.
import { describe, expect, it } from 'vitest';
import en from '../../../countries/kr/i18n/en.json' with { type: 'json' };
import ko from '../../../countries/kr/i18n/ko.json' with { type: 'json' };
import { emptyDraft } from '../../../web/src/citizen/report/draft.js';
import { isDefiniteRefusal, readRefusal } from '../../../web/src/citizen/report/refusal.js';
import { translator } from '../../../web/src/shared/i18n.js';

const draft = {
  ...emptyDraft('KRW'),
  uploads: [
    { uploadId: 'u1', name: 'receipt.pdf', size: 10, contentType: 'application/pdf' },
    { uploadId: 'u2', name: 'photo.jpg', size: 10, contentType: 'image/jpeg' },
  ],
};

describe('readRefusal', () => {
  it('counts every 4xx but a rate limit as a refusal: nothing was filed', () => {
    expect([400, 403, 404, 409, 413, 415].every(isDefiniteRefusal)).toBe(true);
    expect([0, 429, 500, 503, 201].some(isDefiniteRefusal)).toBe(false);
  });

  it('names the refused file in the reader’s language', () => {
    const error = { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'An attachment…', details: [{ path: 'uploadIds.1', message: 'x' }] };
    expect(readRefusal(415, error, draft, translator(ko))).toEqual({
      errors: { 'uploadIds.1': ko['report.refused.fileType'].replace('{name}', 'photo.jpg') },
      newCode: false,
    });
    const missing = {
      code: 'VALIDATION_FAILED',
      message: 'An attachment was not received',
      details: [{ path: 'uploadIds.0', message: 'x' }],
    };
    expect(readRefusal(400, missing, draft, translator(en)).errors).toEqual({
      'uploadIds.0': en['report.refused.fileAgain'].replace('{name}', 'receipt.pdf'),
    });
  });

  it('maps the fields the server checks against the pack, and asks for a new code when the code is taken', () => {
    const error = { code: 'VALIDATION_FAILED', message: 'm', details: [{ path: 'occurredOn', message: 'cannot be in the future' }] };
    expect(readRefusal(400, error, draft, translator(en)).errors).toEqual({ occurredOn: en['validation.date'] });
    expect(
      readRefusal(409, { code: 'CONFLICT', message: 'This tracking code already belongs…', details: [] }, draft, translator(en)),
    ).toEqual({
      errors: {},
      newCode: true,
    });
  });
});
