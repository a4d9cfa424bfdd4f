// The content type to declare for a chosen file. Browsers leave it empty for some formats (Hangul .hwp, audio
// notes from some phones), so the extension suggests one; then the file's first bytes decide, with the server's own
// sniffing (functions/contract/fileFamily.ts): a PNG that a messaging app saved as photo.jpg is declared as the PNG
// it is, and a program under any name is refused here, before it is sent, rather than after Submit.

import { LIMITS } from '#contract/limits.js';
import { ALLOWED_TYPES, declaredUploadProblem, isExecutableName } from '#contract/attachmentTypes.js';
import { declaredTypeFor, SNIFF_BYTES, sniffFamily } from '#contract/fileFamily.js';

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  m4a: 'audio/x-m4a',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  txt: 'text/plain',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  hwp: 'application/vnd.hancom.hwp',
};

/** What the file input offers: every accepted type and extension. */
export const ACCEPT = [...Object.keys(ALLOWED_TYPES), ...Object.keys(BY_EXTENSION).map((e) => `.${e}`)].join(',');

export function contentTypeOf(file: { name: string; type: string }): string {
  if (Object.hasOwn(ALLOWED_TYPES, file.type)) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? (file.type || 'application/octet-stream');
}

export type FileProblem = 'tooLarge' | 'typeRefused' | 'empty';

/** What a chosen file will be declared as, after its name and its first bytes are checked; or why it cannot be sent. */
export async function examineFile(file: File): Promise<{ contentType: string } | { problem: FileProblem }> {
  if (file.size === 0) return { problem: 'empty' };
  if (file.size > LIMITS.attachmentBytes) return { problem: 'tooLarge' };
  if (isExecutableName(file.name)) return { problem: 'typeRefused' };
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  } catch {
    // Unreadable (moved or deleted since it was chosen): nothing can be sent.
    return { problem: 'typeRefused' };
  }
  // The bytes decide, whatever the name says; the name only chooses among types of the same family (.docx, .xlsx).
  const contentType = declaredTypeFor(contentTypeOf(file), sniffFamily(head));
  return contentType && !declaredUploadProblem(file.name, contentType) ? { contentType } : { problem: 'typeRefused' };
}
