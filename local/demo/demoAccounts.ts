// Local mode's demo accounts (DESIGN.md, "Local mode"): `handler@<org>` and `supervisor@<org>` for every
// organization of the pack, and `oversight@<oversight body>`, all with one demo password — DEMO_PASSWORD when set,
// otherwise generated once and kept in `<authDir>/demo-password`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalUser, readUsers, writeUsers } from '#adapters/localIdentity.js';
import { hashPassword } from '#adapters/passwordHash.js';
import type { PackIndex } from '#core/countryPackIndex.js';
import { encodeCrockford } from '#contract/trackingCode.js';

export interface DemoAccounts {
  /** Accounts were created at this start (a new data dir). */
  created: boolean;
  /** The demo password in force, for tests and for the one-time notice. */
  password: string;
  /** Set when the password was generated at this start: `npm start` shows it this once. */
  newlyGenerated: boolean;
  /** Where the demo password is kept. */
  passwordFile: string;
  /** Two usernames to try: one organization's handler and the oversight body's account. */
  examples: [string, string];
  count: number;
}

export const demoPasswordFile = (authDir: string) => join(authDir, 'demo-password');

/** 100 random bits as four groups of five Crockford characters: easy to read aloud and retype. */
export function generateDemoPassword(): string {
  return encodeCrockford(randomBytes(13)).slice(0, 20).match(/.{5}/g)!.join('-');
}

export function demoUsers(index: PackIndex, passwordHash: string): LocalUser[] {
  const oversight = index.pack.country.oversightOrganizationId;
  // Every account gets the same stored hash: a 1,042-organization pack has 2,000+ accounts, and scrypt at ~100 ms
  // each would stall the first start for minutes. They share one password anyway, so separate salts protect nothing.
  const account = (role: LocalUser['role'], organizationId: string): LocalUser => ({
    username: `${role}@${organizationId}`,
    organizationId,
    role,
    passwordHash,
    demo: true,
  });
  return [
    ...index.pack.organizations.flatMap((o) => [account('handler', o.id), account('supervisor', o.id)]),
    account('oversight', oversight),
  ];
}

export async function ensureDemoAccounts(authDir: string, index: PackIndex, demoPassword?: string): Promise<DemoAccounts> {
  const passwordFile = demoPasswordFile(authDir);
  const stored = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : undefined;
  const existing = readUsers(authDir);
  const password = demoPassword ?? (existing && stored ? stored : generateDemoPassword());
  const newlyGenerated = demoPassword === undefined && password !== stored;
  const summary = (created: boolean, count: number): DemoAccounts => ({
    created,
    password,
    newlyGenerated,
    passwordFile,
    examples: exampleUsernames(index),
    count,
  });

  if (!existing) {
    const users = demoUsers(index, await hashPassword(password));
    writeUsers(authDir, users);
    keepPassword(passwordFile, password);
    return summary(true, users.length);
  }
  if (password !== stored) {
    // DEMO_PASSWORD was set (or changed) after the first start, or the kept password was deleted: re-hash once.
    const passwordHash = await hashPassword(password);
    writeUsers(
      authDir,
      existing.map((u) => (u.demo ? { ...u, passwordHash } : u)),
    );
    keepPassword(passwordFile, password);
  }
  return summary(false, existing.filter((u) => u.demo).length);
}

/**
 * Kept even when it came from DEMO_PASSWORD, so a later start can tell a changed DEMO_PASSWORD without running
 * scrypt, and `npm start` can always say where the password is. Owner-only, like the other local secrets.
 */
function keepPassword(file: string, password: string): void {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
}

/** A ministry's handler if the pack has one (else the first organization's), and the oversight account. */
function exampleUsernames(index: PackIndex): [string, string] {
  const oversight = index.pack.country.oversightOrganizationId;
  const others = index.pack.organizations.filter((o) => o.id !== oversight);
  const example = others.find((o) => o.type === 'ministry') ?? others[0] ?? index.pack.organizations[0]!;
  return [`handler@${example.id}`, `oversight@${oversight}`];
}
