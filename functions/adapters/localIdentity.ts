// Local mode's identity provider, standing in for Cognito: users in `<authDir>/users.json` with scrypt hashes,
// short-lived ES256 ID tokens carrying Cognito's claim names, and a per-username lockout after repeated failures.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, importJWK } from 'jose';
import * as z from 'zod';
import { AGENCY_ROLES, type AgencyUser, CLAIMS } from '../core/identity.js';
import type { Clock, IdentityProvider, SignInOutcome } from '../core/ports.js';
import { LOCAL_ALGORITHM, LOCAL_AUDIENCE, LOCAL_ISSUER, readOrCreateSigningKey } from './localSigningKey.js';
import { unmatchableHash, verifyPassword } from './passwordHash.js';

export const TOKEN_LIFETIME_SECONDS = 15 * 60;
export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000 } as const;

const localUser = z.object({
  username: z.string().min(1),
  organizationId: z.string().min(1),
  role: z.enum(AGENCY_ROLES),
  /** `scrypt$N$r$p$salt$hash` (functions/adapters/passwordHash.ts). */
  passwordHash: z.string().startsWith('scrypt$'),
  /** Created by `npm start` for every organization; their password follows DEMO_PASSWORD. */
  demo: z.boolean().default(false),
});
const usersFile = z.object({ users: z.array(localUser) });
export type LocalUser = z.infer<typeof localUser>;

export const usersFilePath = (authDir: string) => join(authDir, 'users.json');

export function readUsers(authDir: string): LocalUser[] | null {
  const file = usersFilePath(authDir);
  if (!existsSync(file)) return null;
  const parsed = usersFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a users file: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  return parsed.data.users;
}

/** Replaces the users file in one rename, so a crash never leaves half a file; only the owner may read the hashes. */
export function writeUsers(authDir: string, users: LocalUser[]): void {
  mkdirSync(authDir, { recursive: true, mode: 0o700 });
  const file = usersFilePath(authDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ users })}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

const usernameKey = (username: string) => username.trim().toLowerCase();

interface Attempts {
  /** Failed (and in-flight) sign-ins within the window. */
  failures: number[];
  lockedUntil: number;
}

export class LocalIdentity implements IdentityProvider {
  private readonly attempts = new Map<string, Attempts>();
  /** Checked for unknown usernames, so they cost the same scrypt run as known ones. */
  private readonly decoyHash = unmatchableHash();
  private signingKey?: Promise<{ key: CryptoKey | Uint8Array; kid: string }>;

  constructor(
    private readonly authDir: string,
    private readonly clock: Clock = { now: () => new Date() },
  ) {}

  async signIn(username: string, password: string): Promise<SignInOutcome> {
    const key = usernameKey(username);
    const now = this.clock.now().getTime();
    const attempts = this.attemptsFor(key, now);
    if (attempts.lockedUntil > now) return { kind: 'locked' };
    // Counted as a failure before the (slow) check, so parallel guesses cannot outrun the limit; the fifth locks
    // the username for the whole window, whether or not it exists.
    attempts.failures.push(now);
    if (attempts.failures.length >= LOCKOUT.failures) {
      attempts.failures = [];
      attempts.lockedUntil = now + LOCKOUT.windowMs;
    }
    // Read per sign-in (a small file, rarely read), so a DEMO_PASSWORD change at restart leaves nothing stale.
    const user = (readUsers(this.authDir) ?? []).find((u) => usernameKey(u.username) === key);
    const matches = await verifyPassword(password, user?.passwordHash ?? this.decoyHash);
    if (!user || !matches) return { kind: 'rejected' };
    this.attempts.delete(key);
    const identity: AgencyUser = { username: user.username, organizationId: user.organizationId, role: user.role };
    return { kind: 'token', token: await this.issue(identity), expiresIn: TOKEN_LIFETIME_SECONDS, user: identity };
  }

  /** Local accounts have no second factor, so there is never a session to answer. */
  async answerMfa(_username: string, _session: string, _code: string): Promise<SignInOutcome> {
    return { kind: 'rejected' };
  }

  /** Local accounts have no temporary passwords, so there is never a session to answer. */
  async setNewPassword(_username: string, _session: string, _newPassword: string): Promise<SignInOutcome> {
    return { kind: 'rejected' };
  }

  private attemptsFor(key: string, now: number): Attempts {
    if (this.attempts.size > 10_000) this.forgetOld(now);
    const attempts = this.attempts.get(key) ?? { failures: [], lockedUntil: 0 };
    attempts.failures = attempts.failures.filter((at) => now - at < LOCKOUT.windowMs);
    this.attempts.set(key, attempts);
    return attempts;
  }

  /** Keeps memory bounded when many usernames are tried. */
  private forgetOld(now: number): void {
    for (const [key, a] of this.attempts) {
      if (a.lockedUntil <= now && a.failures.every((at) => now - at >= LOCKOUT.windowMs)) this.attempts.delete(key);
    }
  }

  /** An ID token shaped like Cognito's, so the authorizer and the handlers see the same claims in both modes. */
  private async issue(user: AgencyUser): Promise<string> {
    this.signingKey ??= (async () => {
      const jwk = readOrCreateSigningKey(this.authDir);
      return { key: await importJWK(jwk, LOCAL_ALGORITHM), kid: jwk.kid! };
    })();
    const { key, kid } = await this.signingKey;
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({
      token_use: 'id',
      [CLAIMS.username]: user.username,
      [CLAIMS.organizationId]: user.organizationId,
      [CLAIMS.groups]: [user.role],
    })
      .setProtectedHeader({ alg: LOCAL_ALGORITHM, kid, typ: 'JWT' })
      .setSubject(user.username)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .sign(key);
  }
}
