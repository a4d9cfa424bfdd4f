import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffFamily } from '#core/attachmentType.js';
import { canStripMetadata, stripJpegMetadata, stripMetadata, stripPngMetadata } from '#core/metadataStrip.js';
import {
  JPEG_APP0,
  JPEG_DQT,
  JPEG_SCAN,
  JPEG_SOI,
  PDF_BYTES,
  PLAIN_TEXT_BYTES,
  PNG_IDAT,
  PNG_IEND,
  PNG_IHDR,
  PNG_SIGNATURE,
  bytes,
  containsBytes,
  jpegSegment,
  jpegWithMetadata,
  jpegWithoutMetadata,
  pngChunk,
  pngWithMetadata,
  pngWithoutMetadata,
} from './support/fixtures.js';

describe('stripJpegMetadata', () => {
  it('removes EXIF (with its GPS data), XMP and comments', () => {
    const input = jpegWithMetadata('GPS-SECRET');
    expect(containsBytes(input, 'GPS-SECRET')).toBe(true);
    const output = stripJpegMetadata(input);
    expect(containsBytes(output, 'GPS-SECRET')).toBe(false);
    expect(containsBytes(output, 'Exif')).toBe(false);
    expect(containsBytes(output, 'xmpmeta')).toBe(false);
  });

  it('keeps SOI, APP0 (JFIF), the tables and the scan data, in order', () => {
    const output = stripJpegMetadata(jpegWithMetadata());
    expect([...output.subarray(0, 2)]).toEqual(JPEG_SOI);
    expect(containsBytes(output, JPEG_APP0)).toBe(true);
    expect(containsBytes(output, JPEG_DQT)).toBe(true);
    expect(containsBytes(output, JPEG_SCAN)).toBe(true);
    expect(output).toEqual(jpegWithoutMetadata());
    expect(sniffFamily(output)).toBe('jpeg');
  });

  it('removes every APPn from APP1 to APP15', () => {
    const segments = Array.from({ length: 15 }, (_, n) => jpegSegment(0xe1 + n, `APP${n + 1}-SECRET`));
    const output = stripJpegMetadata(bytes(JPEG_SOI, JPEG_APP0, ...segments, JPEG_DQT, JPEG_SCAN));
    expect(containsBytes(output, '-SECRET')).toBe(false);
    expect(output).toEqual(jpegWithoutMetadata());
  });

  it('keeps whatever follows the start of scan, even bytes that look like markers', () => {
    const scanWithFakeExif = bytes(
      jpegSegment(0xda, bytes([1, 1, 0, 0, 0x3f, 0])),
      jpegSegment(0xe1, 'image data, not metadata'),
      [0xff, 0xd9],
    );
    const input = bytes(JPEG_SOI, JPEG_APP0, scanWithFakeExif);
    expect(stripJpegMetadata(input)).toEqual(input);
  });

  it('leaves a clean JPEG as it was', () => {
    expect(stripJpegMetadata(jpegWithoutMetadata())).toEqual(jpegWithoutMetadata());
  });

  it('strips metadata preceded by fill bytes (0xFF padding is allowed before any marker)', () => {
    const input = bytes(JPEG_SOI, JPEG_APP0, [0xff, 0xff], jpegSegment(0xe1, bytes('Exif\0\0', 'GPS-SECRET')), [0xff], JPEG_DQT, JPEG_SCAN);
    const output = stripJpegMetadata(input);
    expect(containsBytes(output, 'GPS-SECRET')).toBe(false);
    expect(containsBytes(output, JPEG_DQT)).toBe(true);
    expect(containsBytes(output, JPEG_SCAN)).toBe(true);
  });

  it.each([
    ['not a JPEG', PDF_BYTES],
    ['empty', new Uint8Array(0)],
    ['only SOI', bytes(JPEG_SOI)],
    ['a segment length past the end', bytes(JPEG_SOI, JPEG_APP0, [0xff, 0xe1, 0x7f, 0xff], 'GPS-SECRET')],
    ['a segment length below 2', bytes(JPEG_SOI, [0xff, 0xe1, 0x00, 0x01], 'GPS-SECRET', JPEG_SCAN)],
    ['no marker where one must be', bytes(JPEG_SOI, [0x00, 0x11, 0x22, 0x33], jpegSegment(0xe1, 'GPS-SECRET'), JPEG_SCAN)],
    ['no start of scan', bytes(JPEG_SOI, JPEG_APP0, jpegSegment(0xe1, 'GPS-SECRET'), JPEG_DQT)],
  ])('returns malformed input unchanged: %s', (_why, input) => {
    const copy = input.slice();
    expect(stripJpegMetadata(input)).toEqual(copy);
  });

  it('never grows a file, never throws, and keeps the JPEG signature on any bytes after SOI', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const input = bytes(JPEG_SOI, tail);
        const output = stripJpegMetadata(input);
        expect(output.length).toBeLessThanOrEqual(input.length);
        expect([...output.subarray(0, 2)]).toEqual(JPEG_SOI);
      }),
    );
  });

  it('removes the secret from JPEGs built of random metadata and image segments', () => {
    const segment = fc.oneof(
      fc.record({ meta: fc.constant(true), marker: fc.constantFrom(0xe1, 0xe2, 0xed, 0xef, 0xfe) }),
      fc.record({ meta: fc.constant(false), marker: fc.constantFrom(0xe0, 0xdb, 0xc0, 0xc4, 0xdd) }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const parts = segments.map((s, i) => jpegSegment(s.marker, s.meta ? `SECRET-${i}` : `keep-${i}`));
        const output = stripJpegMetadata(bytes(JPEG_SOI, ...parts, JPEG_SCAN));
        expect(containsBytes(output, 'SECRET-')).toBe(false);
        segments.forEach((s, i) => {
          if (!s.meta) expect(containsBytes(output, parts[i]!)).toBe(true);
        });
        expect(containsBytes(output, JPEG_SCAN)).toBe(true);
      }),
    );
  });
});

describe('stripPngMetadata', () => {
  it('removes tEXt, tIME and eXIf chunks', () => {
    const input = pngWithMetadata('GPS-SECRET');
    expect(containsBytes(input, 'GPS-SECRET')).toBe(true);
    const output = stripPngMetadata(input);
    expect(containsBytes(output, 'GPS-SECRET')).toBe(false);
    expect(containsBytes(output, 'tEXt')).toBe(false);
    expect(containsBytes(output, 'tIME')).toBe(false);
    expect(containsBytes(output, 'eXIf')).toBe(false);
  });

  it('keeps the signature, IHDR, IDAT and IEND', () => {
    const output = stripPngMetadata(pngWithMetadata());
    expect(output).toEqual(pngWithoutMetadata());
    expect([...output.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(containsBytes(output, PNG_IHDR)).toBe(true);
    expect(containsBytes(output, PNG_IDAT)).toBe(true);
    expect(containsBytes(output, PNG_IEND)).toBe(true);
    expect(sniffFamily(output)).toBe('png');
  });

  it('removes zTXt and iTXt too', () => {
    const input = bytes(
      PNG_SIGNATURE,
      PNG_IHDR,
      pngChunk('zTXt', 'Author\0\0x-SECRET'),
      pngChunk('iTXt', 'XML:com.adobe.xmp\0\0\0\0\0x-SECRET'),
      PNG_IDAT,
      PNG_IEND,
    );
    expect(stripPngMetadata(input)).toEqual(pngWithoutMetadata());
  });

  it('leaves a clean PNG as it was', () => {
    expect(stripPngMetadata(pngWithoutMetadata())).toEqual(pngWithoutMetadata());
  });

  it.each([
    ['not a PNG', PDF_BYTES],
    ['empty', new Uint8Array(0)],
    ['a chunk length past the end', bytes(PNG_SIGNATURE, PNG_IHDR, [0, 0, 1, 0], 'tEXtComment\0GPS-SECRET')],
    ['no IEND', bytes(PNG_SIGNATURE, PNG_IHDR, pngChunk('tEXt', 'Comment\0GPS-SECRET'), PNG_IDAT)],
    ['a truncated signature', bytes(PNG_SIGNATURE.slice(0, 6))],
  ])('returns malformed input unchanged: %s', (_why, input) => {
    const copy = input.slice();
    expect(stripPngMetadata(input)).toEqual(copy);
  });
});

describe('stripMetadata', () => {
  it('strips JPEG and PNG by declared type', () => {
    expect(stripMetadata('image/jpeg', jpegWithMetadata())).toEqual(jpegWithoutMetadata());
    expect(stripMetadata('image/png', pngWithMetadata())).toEqual(pngWithoutMetadata());
    expect(canStripMetadata('image/jpeg')).toBe(true);
    expect(canStripMetadata('image/png')).toBe(true);
  });

  it('passes other formats through unchanged', () => {
    expect(stripMetadata('application/pdf', PDF_BYTES)).toEqual(PDF_BYTES);
    expect(stripMetadata('text/plain', PLAIN_TEXT_BYTES)).toEqual(PLAIN_TEXT_BYTES);
    expect(stripMetadata('image/gif', jpegWithMetadata())).toEqual(jpegWithMetadata());
    expect(canStripMetadata('application/pdf')).toBe(false);
    expect(canStripMetadata('image/gif')).toBe(false);
  });
});
