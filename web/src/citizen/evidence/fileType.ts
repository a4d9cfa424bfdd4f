// The content type to declare for a chosen file. Browsers leave it empty for some formats (Hangul .hwp, audio
// notes from some phones), so the extension fills the gap; the server checks the bytes either way.

import { LIMITS } from '#contract/limits.js';
import { ALLOWED_TYPES, declaredUploadProblem } from '#contract/attachmentTypes.js';

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

export function fileProblem(file: { name: string; size: number; type: string }): FileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > LIMITS.attachmentBytes) return 'tooLarge';
  if (declaredUploadProblem(file.name, contentTypeOf(file))) return 'typeRefused';
  return null;
}
