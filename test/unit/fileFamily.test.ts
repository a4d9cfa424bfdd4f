// The type a browser declares for a chosen file, from its bytes (the contract's sniffing, shared with the server's
// intake): the name chooses only among types of the family the bytes show.
import { describe, expect, it } from 'vitest';
import { ALLOWED_TYPES } from '#contract/attachmentTypes.js';
import { declaredTypeFor, sniffFamily } from '#contract/fileFamily.js';
import { contentMatchesType } from '#core/attachmentType.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('declaredTypeFor', () => {
  it('declares a PNG saved as photo.jpg as the PNG it is, which the server then accepts', () => {
    const declared = declaredTypeFor('image/jpeg', sniffFamily(PNG));
    expect(declared).toBe('image/png');
    expect(contentMatchesType(declared!, PNG)).toBe(true);
  });

  it('keeps the suggested type when the bytes are of its family (a .docx is a zip)', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(declaredTypeFor(docx, 'zip')).toBe(docx);
    expect(declaredTypeFor('application/octet-stream', 'zip')).toBe('application/zip');
  });

  it('declares nothing for programs and bytes of no known kind', () => {
    expect(declaredTypeFor('text/plain', sniffFamily(new Uint8Array([0x4d, 0x5a, 0x90, 0])))).toBeNull();
    expect(declaredTypeFor('application/pdf', 'unknown')).toBeNull();
  });

  it('declares, for every family an allowed type has, a type of that family', () => {
    for (const family of new Set(Object.values(ALLOWED_TYPES))) {
      const declared = declaredTypeFor('application/octet-stream', family);
      expect(declared && ALLOWED_TYPES[declared]).toBe(family);
    }
  });
});
