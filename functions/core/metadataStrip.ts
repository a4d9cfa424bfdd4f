// Invariant 6: metadata is stripped where the format allows, because photos carry GPS positions, device serials
// and owner names that can identify a reporter. JPEG: drop APP1..APP15 and COM segments (EXIF, XMP, IPTC,
// comments), keep APP0 (JFIF) and everything needed to draw the image. PNG: drop text, time and EXIF chunks.

export function stripJpegMetadata(input: Uint8Array): Uint8Array {
  if (input[0] !== 0xff || input[1] !== 0xd8) return input;
  const parts: Uint8Array[] = [input.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= input.length) {
    if (input[i] !== 0xff) return input; // not a marker where one must be: leave the file untouched
    const marker = input[i + 1]!;
    if (marker === 0xff) {
      i++; // a fill byte: any marker may be preceded by 0xFF padding
      continue;
    }
    if (marker === 0xda) {
      parts.push(input.subarray(i)); // start of scan: the rest is image data
      return concat(parts);
    }
    const length = (input[i + 2]! << 8) | input[i + 3]!;
    if (length < 2 || i + 2 + length > input.length) return input;
    const isMetadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!isMetadata) parts.push(input.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  return input;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'tIME', 'eXIf']);

export function stripPngMetadata(input: Uint8Array): Uint8Array {
  if (!PNG_SIGNATURE.every((b, i) => input[i] === b)) return input;
  const parts: Uint8Array[] = [input.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= input.length) {
    const length = ((input[i]! << 24) | (input[i + 1]! << 16) | (input[i + 2]! << 8) | input[i + 3]!) >>> 0;
    const type = String.fromCharCode(input[i + 4]!, input[i + 5]!, input[i + 6]!, input[i + 7]!);
    const end = i + 12 + length;
    if (end > input.length) return input;
    if (!PNG_METADATA_CHUNKS.has(type)) parts.push(input.subarray(i, end));
    i = end;
    if (type === 'IEND') return concat(parts);
  }
  return input;
}

/** Strips what the format allows; other formats pass through unchanged. */
export function stripMetadata(contentType: string, input: Uint8Array): Uint8Array {
  if (contentType === 'image/jpeg') return stripJpegMetadata(input);
  if (contentType === 'image/png') return stripPngMetadata(input);
  return input;
}

export function canStripMetadata(contentType: string): boolean {
  return contentType === 'image/jpeg' || contentType === 'image/png';
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
