// Checks a browser upload (an S3 presigned POST) as S3 would: the policy is signed with the local credential, has
// not expired, and every one of its conditions holds for this form and this file; every form field is covered by
// a condition. On top of S3, only a policy of the shape the portal issues is accepted: one exact key under
// incoming/, a size range and a content type.
import * as z from 'zod';
import { forbidden, validationFailed } from '#core/errors.js';
import {
  ALGORITHM,
  SERVICE,
  type SigningCredentials,
  hmacHex,
  isLocalScope,
  parseAmzDate,
  parseCredential,
  sameSignature,
  signingKey,
} from './sigV4.js';
import { keyProblem } from './storagePath.js';

export const UPLOAD_PREFIX = 'incoming/';

export interface UploadForm {
  /** Form fields by lower-case name (S3 field names are case-insensitive), each given once. */
  fields: Map<string, string>;
  fileSize: number;
}

export interface AcceptedUpload {
  key: string;
  contentType: string;
}

const policyDocument = z.object({
  expiration: z.string(),
  conditions: z.array(z.unknown()),
});

type Condition =
  | { kind: 'eq'; field: string; value: string }
  | { kind: 'starts-with'; field: string; prefix: string }
  | { kind: 'content-length-range'; min: number; max: number };

/** Fields S3 never asks a condition for. */
const UNCONDITIONED = new Set(['policy', 'x-amz-signature', 'file']);

const refused = (why: string) => forbidden(`This upload is not allowed: ${why}. Ask the portal for a new upload.`);

export function verifyPostPolicy(form: UploadForm, bucket: string, credentials: SigningCredentials, now: Date): AcceptedUpload {
  const { fields } = form;
  for (const name of ['key', 'policy', 'x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature']) {
    if (!fields.has(name)) throw validationFailed('The upload form is missing a field.', [{ path: name, message: 'required' }]);
  }
  if (fields.get('x-amz-algorithm') !== ALGORITHM) throw refused('not signed with AWS4-HMAC-SHA256');
  const scope = parseCredential(fields.get('x-amz-credential'));
  if (!scope || !isLocalScope(scope, credentials)) throw refused('not signed by this portal');
  if (fields.get('x-amz-security-token') !== credentials.sessionToken) throw refused('not signed by this portal');
  const policy = fields.get('policy')!;
  const expected = hmacHex(signingKey(credentials.secretAccessKey, scope.date, scope.region, SERVICE), policy);
  if (!sameSignature(expected, fields.get('x-amz-signature'))) throw refused('its signature does not match');
  const signedAt = parseAmzDate(fields.get('x-amz-date'));
  if (!signedAt || signedAt.toISOString().slice(0, 10).replaceAll('-', '') !== scope.date) throw refused('its date is malformed');

  let document: z.infer<typeof policyDocument>;
  try {
    document = policyDocument.parse(JSON.parse(Buffer.from(policy, 'base64').toString('utf8')));
  } catch {
    throw refused('its policy is malformed');
  }
  const expiresAt = Date.parse(document.expiration);
  if (Number.isNaN(expiresAt) || now.getTime() >= expiresAt) throw refused('its policy has expired');
  const conditions = document.conditions.map(parseCondition);

  // The bucket comes from the address; a `bucket` field, if sent, must name the same one.
  const fieldValue = (field: string) => (field === 'bucket' ? bucket : fields.get(field));
  if (fields.has('bucket') && fields.get('bucket') !== bucket) throw refused('it names another bucket');
  for (const condition of conditions) {
    if (condition.kind === 'content-length-range') {
      if (form.fileSize < condition.min || form.fileSize > condition.max) throw refused(`the file is not of the size that was declared`);
      continue;
    }
    const value = fieldValue(condition.field);
    if (value === undefined) throw refused(`the form has no ${condition.field} field`);
    const holds = condition.kind === 'eq' ? value === condition.value : value.startsWith(condition.prefix);
    if (!holds) throw refused(`its ${condition.field} field does not match the policy`);
  }
  const conditioned = new Set(conditions.flatMap((c) => (c.kind === 'content-length-range' ? [] : [c.field])));
  for (const name of fields.keys()) {
    if (!UNCONDITIONED.has(name) && !name.startsWith('x-ignore-') && !conditioned.has(name))
      throw refused(`its ${name} field is not in the policy`);
  }

  // The shape the portal issues: one exact key under incoming/, a size range, a content type.
  const keyIsExact = conditions.some((c) => c.kind === 'eq' && c.field === 'key');
  const sizeIsBounded = conditions.some((c) => c.kind === 'content-length-range');
  const typeIsPinned = conditions.some((c) => c.kind === 'eq' && c.field === 'content-type');
  if (!keyIsExact || !sizeIsBounded || !typeIsPinned) throw refused('its policy does not pin the key, size and type');
  const key = fields.get('key')!;
  if (!key.startsWith(UPLOAD_PREFIX) || keyProblem(key) !== null) throw refused('uploads go under incoming/ only');
  return { key, contentType: fields.get('content-type')! };
}

/** S3's condition shapes: `{ field: value }`, `["eq" | "starts-with", "$field", value]`, `["content-length-range", min, max]`. */
function parseCondition(raw: unknown): Condition {
  if (Array.isArray(raw)) {
    const [op, a, b] = raw as unknown[];
    if (raw.length === 3 && op === 'content-length-range' && Number.isInteger(a) && Number.isInteger(b)) {
      return { kind: 'content-length-range', min: a as number, max: b as number };
    }
    if (raw.length === 3 && (op === 'eq' || op === 'starts-with') && typeof a === 'string' && a.startsWith('$') && typeof b === 'string') {
      const field = a.slice(1).toLowerCase();
      return op === 'eq' ? { kind: 'eq', field, value: b } : { kind: 'starts-with', field, prefix: b };
    }
  } else if (raw !== null && typeof raw === 'object') {
    const entries = Object.entries(raw as Record<string, unknown>);
    if (entries.length === 1 && typeof entries[0]![1] === 'string')
      return { kind: 'eq', field: entries[0]![0].toLowerCase(), value: entries[0]![1] };
  }
  throw refused('its policy has a condition this portal does not issue');
}
