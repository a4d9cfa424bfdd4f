// Local mode's identity provider, standing in for Cognito: users in `<authDir>/users.json` with scrypt hashes,
// short-lived ES256 ID tokens carrying Cognito's claim names, and a per-username backoff on wrong answers
// (core/signInBackoff.ts): past five failures a username's wrong answers are held back, longer each time, while the
// right password is answered at once. Nobody is ever locked out.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, importJWK } from 'jose';
import * as z from 'zod';
import { AGENCY_ROLES, type AgencyUser, CLAIMS } from '#contract/agencyRoles.js';
import type { Clock, IdentityProvider, SignInOutcome } from '#core/ports.js';
import { FailureLog, backoffMs } from '#core/signInBackoff.js';
import { LOCAL_ALGORITHM, LOCAL_AUDIENCE, LOCAL_ISSUER, readOrCreateSigningKey } from './localSigningKey.js';
import { unmatchableHash, verifyPassword } from './passwordHash.js';

export const TOKEN_LIFETIME_SECONDS = 15 * 60;
/** The longest one wrong answer is held back (the waits of parallel guesses add up beyond it). */
export const USERNAME_BACKOFF_MAX_MS = 30_000;

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

/** Case and surrounding spaces do not make another username: variants share one backoff. */
const usernameKey = (username: string) => username.trim().toLowerCase();

const sleepFor = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export class LocalIdentity implements IdentityProvider {
  private readonly failures: FailureLog;
  /** Per username: the earliest time its next wrong answer may go out, so parallel guesses queue up behind it. */
  private readonly nextWrongAnswerAt = new Map<string, number>();
  /** Checked for unknown usernames, so they cost the same scrypt run as known ones. */
  private readonly decoyHash = unmatchableHash();
  private signingKey?: Promise<{ key: CryptoKey | Uint8Array; kid: string }>;

  constructor(
    private readonly authDir: string,
    private readonly clock: Clock = { now: () => new Date() },
    /** How a wrong answer is held back; tests pass one that only records the wait. */
    private readonly sleep: (ms: number) => Promise<void> = sleepFor,
  ) {
    this.failures = new FailureLog(() => this.clock.now().getTime());
  }

  async signIn(username: string, password: string): Promise<SignInOutcome> {
    const key = usernameKey(username);
    // Read per sign-in (a small file, rarely read), so a DEMO_PASSWORD change at restart leaves nothing stale.
    const user = (readUsers(this.authDir) ?? []).find((u) => usernameKey(u.username) === key);
    const matches = await verifyPassword(password, user?.passwordHash ?? this.decoyHash);
    if (user && matches) {
      const identity: AgencyUser = { username: user.username, organizationId: user.organizationId, role: user.role };
      return { kind: 'token', token: await this.issue(identity), expiresIn: TOKEN_LIFETIME_SECONDS, user: identity };
    }
    // A wrong answer, for an existing username or not, waits its turn: a guesser learns "wrong" no faster than the
    // backoff allows, however many guesses it sends at once.
    await this.sleep(this.waitBeforeWrongAnswer(key));
    return { kind: 'rejected' };
  }

  /** Records the failure and reserves the next slot for its answer; returns how long to hold the answer back. */
  private waitBeforeWrongAnswer(key: string): number {
    const now = this.clock.now().getTime();
    const wait = backoffMs(this.failures.add(key), USERNAME_BACKOFF_MAX_MS);
    if (wait === 0) return 0;
    const answerAt = Math.max(now, this.nextWrongAnswerAt.get(key) ?? 0) + wait;
    this.nextWrongAnswerAt.set(key, answerAt);
    if (this.nextWrongAnswerAt.size > 10_000) {
      for (const [k, at] of this.nextWrongAnswerAt) if (at <= now) this.nextWrongAnswerAt.delete(k);
    }
    return answerAt - now;
  }

  /** Local accounts have no second factor, so there is never a session to answer. */
  async answerMfa(_username: string, _session: string, _code: string): Promise<SignInOutcome> {
    return { kind: 'rejected' };
  }

  /** Local accounts have no temporary passwords, so there is never a session to answer. */
  async setNewPassword(_username: string, _session: string, _newPassword: string): Promise<SignInOutcome> {
    return { kind: 'rejected' };
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
