// Each handler parses its environment at module load and fails fast: a misconfigured function never serves.
import * as z from 'zod';

const optionalUrl = z.url().optional();
/** A DynamoDB table or S3 bucket name is at least 3 characters long. */
const resourceName = z.string().min(3);

/** What the handlers that only read the country pack need. */
export const packEnvironment = z.object({
  COUNTRY: z.string().regex(/^[a-z]{2}$/),
  COUNTRY_PACKS_DIR: z.string().min(1).default('countries'),
});

/**
 * A function runs either locally (`npm start`: secrets in files under the data dir) or in AWS (a Secrets Manager
 * secret, KMS keys). `mode` is read from which secret is named, then the environment must be wholly that mode's, so
 * each mode's settings are required where they are used, with no `!`.
 */
function localOrAws<L extends z.ZodRawShape, A extends z.ZodRawShape>(
  isLocal: (env: Record<string, unknown>) => boolean,
  local: z.ZodObject<L>,
  aws: z.ZodObject<A>,
) {
  return z.preprocess(
    (env) => (typeof env === 'object' && env !== null ? { ...env, mode: isLocal(env as Record<string, unknown>) ? 'local' : 'aws' } : env),
    z.discriminatedUnion('mode', [local.extend({ mode: z.literal('local') }), aws.extend({ mode: z.literal('aws') })]),
  );
}

const required = z.string().min(1);
/** Set in the other mode only: naming it here is a misconfiguration. */
const absent = (mode: string) => z.never({ error: `not used in ${mode}; set the ${mode}'s variables only` }).optional();

const portalShared = z.object({
  TABLE_NAME: resourceName,
  BUCKET_NAME: resourceName,
  COUNTRY: z.string().regex(/^[a-z]{2}$/),
  COUNTRY_PACKS_DIR: z.string().min(1).default('countries'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Local mode: the embedded servers, and the S3 address handed to browsers. */
  DYNAMODB_ENDPOINT: optionalUrl,
  S3_ENDPOINT: optionalUrl,
  S3_PUBLIC_ENDPOINT: optionalUrl,
  /**
   * The portal-relative path the browser posts attachments to (functions/contract/uploadPath.ts), handed out instead
   * of the bucket's own address; unset, the presigned POST's own URL is handed out.
   */
  UPLOAD_URL: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/, "a path on the portal's own origin, e.g. /upload")
    .optional(),
});

export const portalEnvironment = localOrAws(
  (env) => env.PEPPER_FILE !== undefined,
  portalShared.extend({
    /**
     * Files under the data dir: the pepper, the key that seals case text, the one that seals evidence files, and the
     * audit trail's MAC key (every local handler runs in one process, so all of them hold it).
     */
    PEPPER_FILE: required,
    ENCRYPTION_KEY_FILE: required,
    EVIDENCE_KEY_FILE: required,
    AUDIT_MAC_KEY_FILE: required,
    /** The case keys' own directory (docs/crypto-shredding.md): one wrapped key file per case. */
    CASE_KEYS_DIR: required,
    /** Instead, a table of the embedded DynamoDB, as deployed (the bench counts its calls: bench/benchPortal.ts). */
    CASE_KEY_TABLE: resourceName.optional(),
    /** The receipt signing key (docs/receipts.md): a P-256 private JWK, created on first use. */
    RECEIPT_KEY_FILE: required,
    PEPPER_SECRET_ARN: absent('local mode'),
    KMS_KEY_ID: absent('local mode'),
    AUDIT_MAC_KEY_ID: absent('local mode'),
    RECEIPT_KEY_ID: absent('local mode'),
  }),
  portalShared.extend({
    /** A Secrets Manager secret and the KMS key of case text (the bucket encrypts evidence under its own key). */
    PEPPER_SECRET_ARN: required,
    KMS_KEY_ID: required,
    /**
     * The KMS HMAC key of the audit trail, given only to the functions that sign or check it: a handler that does
     * asks for it (portalDeps.ts) and fails at cold start without it.
     */
    AUDIT_MAC_KEY_ID: required.optional(),
    /** The case keys' own table (lib/caseKeyStore.ts, docs/crypto-shredding.md). */
    CASE_KEY_TABLE: resourceName,
    /** The KMS signing key of filing receipts (ECC_NIST_P256), given only to the functions that sign or publish it. */
    RECEIPT_KEY_ID: required.optional(),
    PEPPER_FILE: absent('AWS'),
    RECEIPT_KEY_FILE: absent('AWS'),
    ENCRYPTION_KEY_FILE: absent('AWS'),
    EVIDENCE_KEY_FILE: absent('AWS'),
    AUDIT_MAC_KEY_FILE: absent('AWS'),
    CASE_KEYS_DIR: absent('AWS'),
  }),
);

export type PortalEnvironment = z.infer<typeof portalEnvironment>;

/**
 * What publishing the receipt key needs (GET /receipts/keys): the key alone. No table, no pepper: the key set is
 * public, and the function that serves it reads nothing else.
 */
export const receiptKeyEnvironment = localOrAws(
  (env) => env.RECEIPT_KEY_FILE !== undefined,
  z.object({ RECEIPT_KEY_FILE: required, RECEIPT_KEY_ID: absent('local mode') }),
  z.object({ RECEIPT_KEY_ID: required, AWS_REGION: z.string().min(1).default('us-east-1'), RECEIPT_KEY_FILE: absent('AWS') }),
);
export type ReceiptKeyEnvironment = z.infer<typeof receiptKeyEnvironment>;

/**
 * What the public statistics need (GET /stats/public and its scheduled publisher): the table only. No pepper, no
 * key, no bucket: neither ever reads case text.
 */
export const statisticsEnvironment = z.object({
  TABLE_NAME: resourceName,
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Local mode: the embedded table server. */
  DYNAMODB_ENDPOINT: optionalUrl,
});

export type StatisticsEnvironment = z.infer<typeof statisticsEnvironment>;

/**
 * What the audit anchor job needs: the table and the audit MAC key (functions/core/auditMac.ts). No pepper, no
 * case-text key, no bucket: it reads the heads of the chains, never a case's text, and signs with KMS.
 */
export const auditAnchorEnvironment = localOrAws(
  (env) => env.AUDIT_MAC_KEY_FILE !== undefined,
  z.object({
    TABLE_NAME: resourceName,
    AWS_REGION: z.string().min(1).default('us-east-1'),
    /** A file under the data dir, and the embedded table server. */
    AUDIT_MAC_KEY_FILE: required,
    DYNAMODB_ENDPOINT: optionalUrl,
    AUDIT_MAC_KEY_ID: absent('local mode'),
  }),
  z.object({
    TABLE_NAME: resourceName,
    AWS_REGION: z.string().min(1).default('us-east-1'),
    /** The KMS HMAC key. */
    AUDIT_MAC_KEY_ID: required,
    AUDIT_MAC_KEY_FILE: absent('AWS'),
    DYNAMODB_ENDPOINT: optionalUrl,
  }),
);

export type AuditAnchorEnvironment = z.infer<typeof auditAnchorEnvironment>;

/**
 * What the deadline sweep needs: the table, the country pack (organizations and the oversight body) and the audit MAC
 * key (each overdue case gets a signed audit event). No pepper, no case-text key, no bucket: it reads no text and
 * no tracking code.
 */
export const sweepEnvironment = localOrAws(
  (env) => env.AUDIT_MAC_KEY_FILE !== undefined,
  packEnvironment.extend({
    TABLE_NAME: resourceName,
    /** The bucket whose `evidence/<caseId>/` a deletion empties (the sweep reads no object). */
    BUCKET_NAME: resourceName,
    AWS_REGION: z.string().min(1).default('us-east-1'),
    AUDIT_MAC_KEY_FILE: required,
    /** The case keys it shreds when it deletes a case (docs/crypto-shredding.md), or their table (the bench). */
    CASE_KEYS_DIR: required,
    CASE_KEY_TABLE: resourceName.optional(),
    DYNAMODB_ENDPOINT: optionalUrl,
    S3_ENDPOINT: optionalUrl,
    AUDIT_MAC_KEY_ID: absent('local mode'),
  }),
  packEnvironment.extend({
    TABLE_NAME: resourceName,
    BUCKET_NAME: resourceName,
    AWS_REGION: z.string().min(1).default('us-east-1'),
    AUDIT_MAC_KEY_ID: required,
    CASE_KEY_TABLE: resourceName,
    AUDIT_MAC_KEY_FILE: absent('AWS'),
    CASE_KEYS_DIR: absent('AWS'),
    DYNAMODB_ENDPOINT: optionalUrl,
    S3_ENDPOINT: optionalUrl,
  }),
);

export type SweepEnvironment = z.infer<typeof sweepEnvironment>;

/**
 * What the notifier needs (functions/handlers/notifyStaff.ts): the table (staff, held notices, the due list), the
 * pack (its organizations and mail texts), the console's address for the links, and a way to send mail: locally the
 * SMTP catcher `npm start` runs, deployed SES from the verified sender. No pepper, no key, no bucket: it reads no
 * case text and no tracking code.
 */
export const notifyEnvironment = localOrAws(
  (env) => env.SMTP_PORT !== undefined,
  packEnvironment.extend({
    TABLE_NAME: resourceName,
    AWS_REGION: z.string().min(1).default('us-east-1'),
    DYNAMODB_ENDPOINT: optionalUrl,
    /** The agency console (…/agency.html): every link in a mail starts with it. */
    CONSOLE_URL: z.url(),
    /** The local SMTP catcher (maildev), on loopback. */
    SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535),
    NOTIFY_SENDER: z.email().default('notifications@clean-portal.localhost'),
  }),
  packEnvironment.extend({
    TABLE_NAME: resourceName,
    AWS_REGION: z.string().min(1).default('us-east-1'),
    DYNAMODB_ENDPOINT: optionalUrl,
    CONSOLE_URL: z.url(),
    /** The SES identity's address the stack was deployed with (`-c notifySender=`), the only one it may send from. */
    NOTIFY_SENDER: z.email(),
    SMTP_HOST: absent('AWS'),
  }),
);

export type NotifyEnvironment = z.infer<typeof notifyEnvironment>;

/** What the staff member's own settings need (GET and PATCH /staff/me): the staff directory's table, nothing else. */
export const staffEnvironment = z.object({
  TABLE_NAME: resourceName,
  AWS_REGION: z.string().min(1).default('us-east-1'),
  DYNAMODB_ENDPOINT: optionalUrl,
});

export type StaffEnvironment = z.infer<typeof staffEnvironment>;

/** What the sign-in handler needs: a local users dir, or the Cognito user pool and its app client. */
export const authEnvironment = localOrAws(
  (env) => env.LOCAL_AUTH_DIR !== undefined,
  z.object({
    /** Users, hashes and the signing key under the data dir. */
    LOCAL_AUTH_DIR: required,
    AWS_REGION: z.string().min(1).default('us-east-1'),
    USER_POOL_ID: absent('local mode'),
    USER_POOL_CLIENT_ID: absent('local mode'),
  }),
  z.object({
    AWS_REGION: z.string().min(1).default('us-east-1'),
    /** The user pool (in the function's region) and its app client (no secret, USER_PASSWORD_AUTH allowed). */
    USER_POOL_ID: required,
    USER_POOL_CLIENT_ID: required,
    LOCAL_AUTH_DIR: absent('AWS'),
  }),
);

export type AuthEnvironment = z.infer<typeof authEnvironment>;

export function parseEnvironment<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
