// POST /auth/login: a password sign-in, or the answer to an MFA challenge (deployed, Cognito TOTP).
import * as z from 'zod';
import { LIMITS } from '#contract/limits.js';
import { AGENCY_ROLES } from '#contract/agencyRoles.js';

export const passwordLogin = z.strictObject({
  username: z.string().trim().min(1).max(LIMITS.username),
  password: z.string().min(1).max(LIMITS.password),
});

export const mfaAnswer = z.strictObject({
  username: z.string().trim().min(1).max(LIMITS.username),
  session: z.string().min(1).max(LIMITS.signInSession),
  code: z.string().regex(/^\d{6}$/, 'the 6-digit code from your authenticator app'),
});

/** Deployed only: the first sign-in with an administrator's temporary password sets the user's own. */
export const newPasswordAnswer = z.strictObject({
  username: z.string().trim().min(1).max(LIMITS.username),
  session: z.string().min(1).max(LIMITS.signInSession),
  newPassword: z
    .string()
    .min(
      LIMITS.newPasswordMinimum,
      `at least ${LIMITS.newPasswordMinimum} characters, with upper- and lower-case letters, digits and symbols`,
    )
    .max(LIMITS.password),
});

export const loginRequest = z.union([passwordLogin, mfaAnswer, newPasswordAnswer]);
export type LoginRequest = z.infer<typeof loginRequest>;

export const agencyUserSchema = z.object({
  username: z.string(),
  organizationId: z.string(),
  role: z.enum(AGENCY_ROLES),
});

export const loginResponse = z.union([
  z.object({ token: z.string(), expiresIn: z.number(), user: agencyUserSchema }),
  /** Deployed only: the password was right, now the authenticator code. */
  z.object({ challenge: z.literal('MFA'), session: z.string() }),
  /** Deployed only: a temporary password was right; answer with `{ username, session, newPassword }`. */
  z.object({ challenge: z.literal('NEW_PASSWORD'), session: z.string() }),
  /** Deployed only: register this secret in an authenticator app (or scan `otpauthUri`), then send its code. */
  z.object({ challenge: z.literal('MFA_SETUP'), session: z.string(), secretCode: z.string(), otpauthUri: z.string() }),
]);
export type LoginResponse = z.infer<typeof loginResponse>;
