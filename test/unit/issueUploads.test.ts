import { LIMITS } from '#contract/limits.js';
import { describe, expect, it } from 'vitest';

import { UPLOAD_ID_LIFETIME_SECONDS, UPLOAD_WINDOW_SECONDS, issueUploads } from '#core/issueUploads.js';
import { verifyUploadToken } from '#core/uploadToken.js';
import { uploadsRequest, uploadsResponse } from '#schemas/uploads.js';
import { domainError } from './support/errors.js';
import { krIndex } from './support/fixtures.js';
import { TEST_NOW, memoryDeps } from './support/memoryPorts.js';

const index = krIndex();
const request = (files: { name: string; size: number; contentType: string }[]) => uploadsRequest.parse({ files });

describe('issueUploads', () => {
  it('returns one presigned upload per file, with a signed upload id', async () => {
    const deps = memoryDeps(index);
    const files = [
      { name: '계약서.pdf', size: 120_000, contentType: 'application/pdf' },
      { name: 'site.jpg', size: LIMITS.attachmentBytes, contentType: 'image/jpeg' },
      { name: 'minutes.hwp', size: 1, contentType: 'application/vnd.hancom.hwp' },
    ];
    const response = await issueUploads(deps, request(files));
    expect(uploadsResponse.parse(response)).toEqual(response);
    expect(response.uploads).toHaveLength(3);

    const expiresAt = new Date(Date.parse(TEST_NOW) + 15 * 60 * 1000).toISOString();
    const keys = new Set<string>();
    response.uploads.forEach((u, i) => {
      expect(u.url).toBe('https://evidence.example.test/');
      expect(u.expiresAt).toBe(expiresAt);
      const declared = verifyUploadToken(deps.pepper, u.uploadId, deps.clock.now());
      expect(declared).toEqual({ ...files[i], key: u.fields.key, expires: Date.parse(TEST_NOW) / 1000 + UPLOAD_ID_LIFETIME_SECONDS });
      expect(declared!.key).toMatch(/^incoming\/[0-9A-Z]{16}$/);
      expect(u.fields['Content-Type']).toBe(files[i]!.contentType);
      keys.add(declared!.key);
    });
    expect(keys.size).toBe(3);
    expect(deps.evidence.presigned).toEqual(
      files.map((f, i) => ({
        key: response.uploads[i]!.fields.key,
        size: f.size,
        contentType: f.contentType,
        expiresInSeconds: UPLOAD_WINDOW_SECONDS,
      })),
    );
  });

  it('keeps the upload id good for a day, not longer', async () => {
    const deps = memoryDeps(index);
    const { uploads } = await issueUploads(deps, request([{ name: 'a.pdf', size: 10, contentType: 'application/pdf' }]));
    const issuedAt = deps.clock.now().getTime();
    expect(verifyUploadToken(deps.pepper, uploads[0]!.uploadId, new Date(issuedAt + 24 * 3600 * 1000))).not.toBeNull();
    expect(verifyUploadToken(deps.pepper, uploads[0]!.uploadId, new Date(issuedAt + 24 * 3600 * 1000 + 1000))).toBeNull();
  });

  it('refuses a file over 25 MiB (413) and presigns nothing', async () => {
    const deps = memoryDeps(index);
    const error = await domainError(
      issueUploads(
        deps,
        request([
          { name: 'a.pdf', size: 10, contentType: 'application/pdf' },
          { name: 'video.mp4', size: LIMITS.attachmentBytes + 1, contentType: 'video/mp4' },
        ]),
      ),
    );
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.message).toContain('video.mp4');
    expect(deps.evidence.presigned).toEqual([]);
  });

  it.each([
    ['an executable name', 'setup.exe', 'application/pdf'],
    ['a script name', 'evidence.js', 'text/plain'],
    ['an unlisted type', 'page.dat', 'text/html'],
    ['an executable type', 'tool.bin.pdf', 'application/x-msdownload'],
  ])('refuses %s (415) and presigns nothing', async (_why, name, contentType) => {
    const deps = memoryDeps(index);
    const error = await domainError(
      issueUploads(
        deps,
        request([
          { name: 'fine.pdf', size: 10, contentType: 'application/pdf' },
          { name, size: 10, contentType },
        ]),
      ),
    );
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.status).toBe(415);
    expect(error.message).toContain(name);
    expect(deps.evidence.presigned).toEqual([]);
  });
});
