// Shared test data: the real Korean pack, report requests as the handler hands them to core, and tiny files.
import { aReport } from '../../support/aReport.js';
import { resolve } from 'node:path';
import { loadCountryPack } from '#adapters/countryPackFiles.js';
import { type PackIndex, indexPack } from '#core/countryPackIndex.js';
import type { CountryPack } from '#schemas/countryPack.js';
import { type SubmitReportRequest, submitReportRequest } from '#schemas/report.js';

let krPack: CountryPack | null = null;

/** The real countries/kr pack (loaded once; each caller gets its own deep copy to break freely). */
export function loadKrPack(): CountryPack {
  krPack ??= loadCountryPack(resolve('countries'), 'kr');
  return structuredClone(krPack);
}

export function krIndex(): PackIndex {
  return indexPack(loadKrPack());
}

/** A valid report, parsed by the same schema the handler uses (so defaults are filled in). */
export function reportRequest(overrides: Record<string, unknown> = {}): SubmitReportRequest {
  return submitReportRequest.parse(aReport(overrides));
}

export const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

export function bytes(...parts: (Uint8Array | number[] | string)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? ascii(p) : p instanceof Uint8Array ? p : new Uint8Array(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/** Finds a byte string inside bytes. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array | string): boolean {
  return Buffer.from(haystack).includes(Buffer.from(typeof needle === 'string' ? ascii(needle) : needle));
}

export const PDF_BYTES = bytes('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
export const PLAIN_TEXT_BYTES = new Uint8Array(Buffer.from('Minutes of the 3 October meeting.\nPayment: 5,000,000 KRW\n', 'utf8'));

/** A JPEG segment: marker, big-endian length (which counts itself), payload. */
export function jpegSegment(marker: number, payload: Uint8Array | string): Uint8Array {
  const body = typeof payload === 'string' ? ascii(payload) : payload;
  const length = body.length + 2;
  return bytes([0xff, marker, length >> 8, length & 0xff], body);
}

export const JPEG_SOI = [0xff, 0xd8];
export const JPEG_APP0 = jpegSegment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]));
export const JPEG_DQT = jpegSegment(0xdb, bytes([0], new Array<number>(64).fill(1)));
/** Start of scan (header) then entropy-coded data and the end-of-image marker. */
export const JPEG_SCAN = bytes(jpegSegment(0xda, bytes([1, 1, 0, 0, 0x3f, 0])), [0x12, 0x34, 0x56, 0xff, 0x00, 0x78], [0xff, 0xd9]);

/** A small JPEG carrying EXIF (with a GPS marker string), XMP and a comment. */
export function jpegWithMetadata(secret = 'GPS-SECRET'): Uint8Array {
  return bytes(
    JPEG_SOI,
    JPEG_APP0,
    jpegSegment(0xe1, bytes('Exif\0\0', `MM\0*GPSLatitude=37.5665 ${secret}`)),
    jpegSegment(0xe1, `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${secret}-XMP</x:xmpmeta>`),
    jpegSegment(0xfe, `camera owner ${secret}-COMMENT`),
    JPEG_DQT,
    JPEG_SCAN,
  );
}

export function jpegWithoutMetadata(): Uint8Array {
  return bytes(JPEG_SOI, JPEG_APP0, JPEG_DQT, JPEG_SCAN);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array | string): Uint8Array {
  const body = typeof data === 'string' ? ascii(data) : data;
  const typeAndBody = bytes(type, body);
  const crc = crc32(typeAndBody);
  const len = body.length;
  return bytes([len >>> 24, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff], typeAndBody, [
    crc >>> 24,
    (crc >>> 16) & 0xff,
    (crc >>> 8) & 0xff,
    crc & 0xff,
  ]);
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const PNG_IHDR = pngChunk('IHDR', bytes([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
export const PNG_IDAT = pngChunk('IDAT', bytes([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]));
export const PNG_IEND = pngChunk('IEND', new Uint8Array(0));

export function pngWithMetadata(secret = 'GPS-SECRET'): Uint8Array {
  return bytes(
    PNG_SIGNATURE,
    PNG_IHDR,
    pngChunk('tEXt', `Comment\0${secret}`),
    pngChunk('tIME', bytes([0x07, 0xea, 10, 1, 12, 0, 0])),
    pngChunk('eXIf', `MM\0*${secret}-EXIF`),
    PNG_IDAT,
    PNG_IEND,
  );
}

export function pngWithoutMetadata(): Uint8Array {
  return bytes(PNG_SIGNATURE, PNG_IHDR, PNG_IDAT, PNG_IEND);
}
