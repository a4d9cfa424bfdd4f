// What evidence may be attached, as the browser and the server both judge a declared file before any byte is sent:
// the allowed content types (each with the file family its first bytes must show, functions/contract/fileFamily.ts)
// and the names refused whatever they claim to be (executables and scripts).

/** The families a file's first bytes are told apart by. */
export type SniffedFamily =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'isobmff'
  | 'mp3'
  | 'wav'
  | 'ogg'
  | 'zip'
  | 'ole'
  | 'text'
  | 'executable'
  | 'unknown';

/** Allowed content types and the sniffed family each must match. */
export const ALLOWED_TYPES: Readonly<Record<string, SniffedFamily>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'isobmff',
  'video/mp4': 'isobmff',
  'video/quicktime': 'isobmff',
  'audio/mp4': 'isobmff',
  'audio/x-m4a': 'isobmff',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
  'text/plain': 'text',
  'text/csv': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'zip',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'zip',
  'application/vnd.oasis.opendocument.text': 'zip',
  'application/vnd.oasis.opendocument.spreadsheet': 'zip',
  'application/zip': 'zip',
  'application/msword': 'ole',
  'application/vnd.ms-excel': 'ole',
  'application/vnd.hancom.hwp': 'ole',
};

const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'dll',
  'com',
  'bat',
  'cmd',
  'msi',
  'scr',
  'pif',
  'cpl',
  'jar',
  'js',
  'mjs',
  'vbs',
  'vbe',
  'wsf',
  'ps1',
  'sh',
  'bash',
  'app',
  'apk',
  'elf',
  'bin',
  'run',
  'html',
  'htm',
  'svg',
  'hta',
  'lnk',
  'reg',
  'dmg',
  'iso',
]);

export function extensionOf(name: string): string {
  // Windows drops trailing dots and spaces from a file name: "setup.exe." is saved as "setup.exe".
  const trimmed = name.replace(/[.\s]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  return dot < 0 ? '' : trimmed.slice(dot + 1).toLowerCase();
}

export function isExecutableName(name: string): boolean {
  return EXECUTABLE_EXTENSIONS.has(extensionOf(name));
}

/** Why a declared upload may not be accepted, or null when it may. */
export function declaredUploadProblem(name: string, contentType: string): string | null {
  if (isExecutableName(name)) return 'executable and script files are not accepted';
  if (!Object.hasOwn(ALLOWED_TYPES, contentType)) return `files of type ${contentType} are not accepted`;
  return null;
}
