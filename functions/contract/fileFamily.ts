// A file's real type, told from its first bytes (invariant 6). The server checks every upload against what was
// declared (functions/core/attachmentType.ts), and the browser reads the same bytes when a file is chosen, so a
// photo saved under the wrong extension is declared as what it is and a program is refused on the evidence step,
// before anything is sent. One implementation, here, for both.
import { ALLOWED_TYPES, type SniffedFamily } from './attachmentTypes.js';

/** How many leading bytes the sniffer needs. */
export const SNIFF_BYTES = 64;

const startsWith = (bytes: Uint8Array, prefix: number[], offset = 0) =>
  bytes.length >= offset + prefix.length && prefix.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Tells a file's family from its first bytes. */
export function sniffFamily(bytes: Uint8Array): SniffedFamily {
  if (startsWith(bytes, [0x4d, 0x5a])) return 'executable'; // MZ: Windows PE
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'executable'; // ELF
  if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) return 'executable'; // Mach-O, Java class
  if (startsWith(bytes, ascii('#!'))) return 'executable'; // script with an interpreter line
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'wav';
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'isobmff';
  if (
    startsWith(bytes, ascii('ID3')) ||
    startsWith(bytes, [0xff, 0xfb]) ||
    startsWith(bytes, [0xff, 0xf3]) ||
    startsWith(bytes, [0xff, 0xf2])
  )
    return 'mp3';
  if (startsWith(bytes, ascii('OggS'))) return 'ogg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (looksLikeText(bytes)) return 'text';
  return 'unknown';
}

/** Text: valid UTF-8 (a cut multi-byte character at the end is allowed) with no control bytes but tab and newlines. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(bytes));
    // Markup is not plain text: anything that opens with a tag (HTML, SVG, XML) could run in a browser.
    return !/^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)));
  } catch {
    return false;
  }
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 3 && (bytes[end - back - 1]! & 0xc0) === 0x80) back++;
  const lead = bytes[end - back - 1];
  if (lead !== undefined && lead >= 0xc0) {
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    if (back < need) end = end - back - 1;
  }
  return bytes.subarray(0, end);
}

/** The type declared for a family when the name says nothing that fits: the most common format of that family. */
const USUAL_TYPE: Readonly<Partial<Record<SniffedFamily, string>>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  isobmff: 'video/mp4',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  zip: 'application/zip',
  ole: 'application/msword',
  text: 'text/plain',
};

/**
 * The content type to declare for a file whose bytes show `family`: the type its name or the browser suggests when
 * that type has this family (a .docx is a zip, and stays a .docx), else the family's usual type (a PNG saved as
 * photo.jpg is declared image/png). Null when no allowed type has this family (a program, or bytes of no known kind).
 */
export function declaredTypeFor(suggested: string, family: SniffedFamily): string | null {
  if (Object.hasOwn(ALLOWED_TYPES, suggested) && ALLOWED_TYPES[suggested] === family) return suggested;
  return USUAL_TYPE[family] ?? null;
}
