// Each handler parses its environment at module load and fails fast: a misconfigured function never serves.
import * as z from 'zod';

const optionalUrl = z.url().optional();

/** What the handlers that only read the country pack need. */
export const packEnvironment = z.object({
  COUNTRY: z.string().regex(/^[a-z]{2}$/),
  COUNTRY_PACKS_DIR: z.string().min(1).default('countries'),
});

export const citizenEnvironment = z
  .object({
    TABLE_NAME: z.string().min(3),
    BUCKET_NAME: z.string().min(3),
    COUNTRY: z.string().regex(/^[a-z]{2}$/),
    COUNTRY_PACKS_DIR: z.string().min(1).default('countries'),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    /** Local mode: files under the data dir. */
    PEPPER_FILE: z.string().min(1).optional(),
    ENCRYPTION_KEY_FILE: z.string().min(1).optional(),
    /** Local mode: the key that seals evidence files (the deployed bucket encrypts under a KMS key of its own). */
    EVIDENCE_KEY_FILE: z.string().min(1).optional(),
    /** AWS: a Secrets Manager secret and a KMS key. */
    PEPPER_SECRET_ARN: z.string().min(1).optional(),
    KMS_KEY_ID: z.string().min(1).optional(),
    /** Local mode: the embedded servers, and the S3 address handed to browsers. */
    DYNAMODB_ENDPOINT: optionalUrl,
    S3_ENDPOINT: optionalUrl,
    S3_PUBLIC_ENDPOINT: optionalUrl,
  })
  .refine((e) => (e.PEPPER_FILE === undefined) !== (e.PEPPER_SECRET_ARN === undefined), {
    message: 'set exactly one of PEPPER_FILE (local) or PEPPER_SECRET_ARN (AWS)',
  })
  .refine((e) => (e.ENCRYPTION_KEY_FILE === undefined) !== (e.KMS_KEY_ID === undefined), {
    message: 'set exactly one of ENCRYPTION_KEY_FILE (local) or KMS_KEY_ID (AWS)',
  })
  .refine((e) => (e.ENCRYPTION_KEY_FILE === undefined) === (e.EVIDENCE_KEY_FILE === undefined), {
    message: 'EVIDENCE_KEY_FILE goes with ENCRYPTION_KEY_FILE (local mode seals evidence files too)',
  });

export type CitizenEnvironment = z.infer<typeof citizenEnvironment>;

/**
 * What the public statistics need (GET /stats/public and its scheduled publisher): the table only. No pepper, no
 * key, no bucket: neither ever reads case text.
 */
export const statisticsEnvironment = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Local mode: the embedded table server. */
  DYNAMODB_ENDPOINT: optionalUrl,
});

export type StatisticsEnvironment = z.infer<typeof statisticsEnvironment>;

/**
 * What the audit anchor job needs: the table and the audit MAC's key (the pepper, functions/core/auditMac.ts). No
 * case-text key, no bucket: it reads the heads of the chains, never a case's text.
 */
export const auditAnchorEnvironment = z
  .object({
    TABLE_NAME: z.string().min(3),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    /** Local mode: a file under the data dir. AWS: the Secrets Manager secret. */
    PEPPER_FILE: z.string().min(1).optional(),
    PEPPER_SECRET_ARN: z.string().min(1).optional(),
    /** Local mode: the embedded table server. */
    DYNAMODB_ENDPOINT: optionalUrl,
  })
  .refine((e) => (e.PEPPER_FILE === undefined) !== (e.PEPPER_SECRET_ARN === undefined), {
    message: 'set exactly one of PEPPER_FILE (local) or PEPPER_SECRET_ARN (AWS)',
  });

export type AuditAnchorEnvironment = z.infer<typeof auditAnchorEnvironment>;

/** What the sign-in handler needs: a local users dir, or the Cognito user pool and its app client. */
export const authEnvironment = z
  .object({
    /** Local mode: users, hashes and the signing key under the data dir. */
    LOCAL_AUTH_DIR: z.string().min(1).optional(),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    /** AWS: the user pool (in the function's region) and its app client (no secret, USER_PASSWORD_AUTH allowed). */
    USER_POOL_ID: z.string().min(1).optional(),
    USER_POOL_CLIENT_ID: z.string().min(1).optional(),
  })
  .refine((e) => (e.LOCAL_AUTH_DIR === undefined) !== (e.USER_POOL_ID === undefined), {
    message: 'set exactly one of LOCAL_AUTH_DIR (local) or USER_POOL_ID with USER_POOL_CLIENT_ID (AWS)',
  })
  .refine((e) => (e.USER_POOL_ID === undefined) === (e.USER_POOL_CLIENT_ID === undefined), {
    message: 'USER_POOL_ID and USER_POOL_CLIENT_ID go together',
  });

export type AuthEnvironment = z.infer<typeof authEnvironment>;

export function parseEnvironment<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
