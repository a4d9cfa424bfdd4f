// The signed-in agency user, kept in sessionStorage so a reload keeps the session but closing the tab ends it.
// The token never goes into a URL or localStorage.
import { agencyUserSchema } from '#schemas/auth.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import { readJson, writeItem } from '../shared/storage.js';

const SESSION_KEY = 'cp.agencySession';
/** Treat the token as expired a little early, so a request never leaves with one about to lapse. */
const EARLY_MS = 10_000;
/** How long before the session ends the console offers to keep it ("Stay signed in"). */
export const WARNING_MS = 2 * 60_000;

export interface AgencySession {
  token: string;
  user: AgencyUser;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export function startSession(token: string, expiresIn: number, user: AgencyUser): AgencySession {
  const session = { token, user, expiresAt: Date.now() + expiresIn * 1000 - EARLY_MS };
  writeItem('sessionStorage', SESSION_KEY, JSON.stringify(session));
  return session;
}

export function isExpired(session: AgencySession): boolean {
  return Date.now() >= session.expiresAt;
}

/** The stored session if it is well formed and still valid; 'expired' (and dropped) if its time is up. */
export function storedSession(): AgencySession | 'expired' | null {
  const stored = readJson<Partial<AgencySession>>('sessionStorage', SESSION_KEY);
  if (!stored) return null;
  const user = agencyUserSchema.safeParse(stored.user);
  if (typeof stored.token === 'string' && typeof stored.expiresAt === 'number' && user.success) {
    const session = { token: stored.token, expiresAt: stored.expiresAt, user: user.data };
    if (!isExpired(session)) return session;
    endSession();
    return 'expired';
  }
  endSession();
  return null;
}

export function endSession(): void {
  writeItem('sessionStorage', SESSION_KEY, null);
}
