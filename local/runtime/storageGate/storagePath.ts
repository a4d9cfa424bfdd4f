// The storage gate's address: `/s3/<bucket>[/<key>]?<query>`, read from the request target exactly as sent (before
// any URL normalization could fold `..` away). Anything that could name a file outside the bucket's folder is
// refused, not cleaned up.
import { notFound, validationFailed } from '#core/errors.js';

export const STORAGE_PREFIX = '/s3/';

export interface StoragePath {
  key: string | null;
  /** Each parameter once, decoded. */
  query: Map<string, string>;
}

const malformed = (why: string) => validationFailed('This storage address is malformed.', [{ path: 'url', message: why }]);

/** Encoded slashes and backslashes, NUL and backslashes as sent: keys never contain them. */
const FORBIDDEN_IN_PATH = /%2f|%5c|%00|\\|\0/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters in a key is this pattern's purpose
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One segment of an object key: not empty, not `.` or `..`, no control characters. */
export function keySegmentProblem(segment: string): string | null {
  if (segment === '') return 'an empty path segment';
  if (segment === '.' || segment === '..') return 'a dot segment';
  if (segment.includes('/') || segment.includes('\\')) return 'a slash inside a segment';
  if (CONTROL.test(segment)) return 'a control character';
  return null;
}

/** Checks a whole object key (as decoded), e.g. the `key` field of an upload form. */
export function keyProblem(key: string): string | null {
  for (const segment of key.split('/')) {
    const problem = keySegmentProblem(segment);
    if (problem) return problem;
  }
  return null;
}

export function parseStoragePath(target: string, bucket: string): StoragePath {
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
  if (!rawPath.startsWith(STORAGE_PREFIX)) throw malformed('the path must start with /s3/ as sent');
  if (FORBIDDEN_IN_PATH.test(rawPath)) throw malformed('an encoded slash, a backslash or NUL');

  const segments = rawPath.slice(STORAGE_PREFIX.length).split('/');
  // `/s3/<bucket>/` is the bucket itself, as `/s3/<bucket>` is.
  if (segments.length === 2 && segments[1] === '') segments.pop();
  const decoded = segments.map((segment) => {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      throw malformed('malformed percent-encoding');
    }
    const problem = keySegmentProblem(value);
    if (problem) throw malformed(problem);
    return value;
  });
  if (decoded[0] !== bucket) throw notFound('There is no such bucket here.');

  const query = new Map<string, string>();
  for (const pair of rawQuery === '' ? [] : rawQuery.split('&')) {
    const at = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(at === -1 ? pair : pair.slice(0, at));
      value = decodeURIComponent(at === -1 ? '' : pair.slice(at + 1));
    } catch {
      throw malformed('malformed percent-encoding in the query');
    }
    if (query.has(name)) throw malformed(`the query parameter ${name} is given twice`);
    query.set(name, value);
  }
  return { key: decoded.length > 1 ? decoded.slice(1).join('/') : null, query };
}
