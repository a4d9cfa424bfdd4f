// In-memory implementations of the ports in functions/core/ports.ts, with the same semantics as the adapters
// (functions/adapters): the use cases are tested against these, without mocks.
import { generateKeyPairSync, sign } from 'node:crypto';
import { MemoryApplicationStore } from './memoryApplications.js';
import { calculateJwkThumbprint } from 'jose';
import { type ReceiptSigner, sha256Hex } from '#core/filingReceipt.js';
import type { ReceiptKeys } from '#core/receiptKeys.js';
import type { ReceiptKeySet } from '#schemas/receipt.js';
import { createHash, randomBytes } from 'node:crypto';
import { LocalAuditMacKey } from '#adapters/localAuditMacKey.js';
import type { EvidenceLinks } from '#core/agency/ports.js';
import { type AuditMacKeys, legacyPepperMac } from '#core/auditMac.js';
import type { PackIndex } from '#core/countryPackIndex.js';
import type { CitizenDeps } from '#core/deps.js';
import type {
  AddMessageOutcome,
  AttachmentRecord,
  CaseFile,
  CaseRecord,
  CaseStore,
  Clock,
  EvidenceStore,
  MessageRecord,
  NewCaseWrite,
  PresignedPost,
  RandomSource,
  Sealer,
  CaseKeys,
  UploadClaim,
} from '#core/ports.js';

const clone = <T>(value: T): T => structuredClone(value);

/** A failure of a dependency, as an adapter would surface it (the handler maps it to 503). */
export class DependencyDown extends Error {
  constructor(what: string) {
    super(`${what} is unavailable`);
    this.name = 'DependencyDown';
  }
}

/**
 * A CaseStore over a Map, with the DynamoDB store's semantics: createCase writes the case, its first timeline
 * entry and its attachments atomically and answers 'exists' when the case id is taken; addMessage counts a
 * whistleblower's message on the case, answers 'missing' for an unknown case and 'closed' for a closed one, and
 * writes nothing then.
 */
export class MemoryCaseStore implements CaseStore {
  readonly files = new Map<string, CaseFile>();
  /** Upload keys claimed by a case or message, and by which case. */
  readonly claims = new Map<string, string>();
  /** When set, the next write throws it (and writes nothing), as a failed transaction would. */
  failNextWrite: Error | null = null;
  writes = 0;

  async createCase(write: NewCaseWrite): Promise<'created' | 'exists' | 'uploadTaken'> {
    this.takeFailure();
    this.writes++;
    if (this.files.has(write.record.caseId)) return 'exists';
    if (!this.claim(write.uploadClaims, write.record.caseId)) return 'uploadTaken';
    this.files.set(write.record.caseId, {
      case: clone(write.record),
      timeline: [clone(write.timeline)],
      messages: [],
      attachments: clone(write.attachments),
    });
    return 'created';
  }

  async getCase(caseId: string): Promise<CaseRecord | null> {
    const file = this.files.get(caseId);
    return file ? clone(file.case) : null;
  }

  async getCaseFile(caseId: string): Promise<CaseFile | null> {
    const file = this.files.get(caseId);
    return file ? clone(file) : null;
  }

  async addMessage(message: MessageRecord, attachments: AttachmentRecord[], uploadClaims: UploadClaim[]): Promise<AddMessageOutcome> {
    this.takeFailure();
    this.writes++;
    const file = this.files.get(message.caseId);
    if (!file) return 'missing';
    if (file.case.status === 'closed') return 'closed';
    if (file.case.updatedAt > message.at) return { changedAt: file.case.updatedAt };
    if (!this.claim(uploadClaims, message.caseId)) return 'uploadTaken';
    file.messages.push(clone(message));
    file.attachments.push(...clone(attachments));
    file.case.updatedAt = message.at;
    if (message.from === 'whistleblower') file.case.whistleblowerMessages += 1;
    return 'added';
  }

  /** Claims every upload or none, as the conditional puts of one transaction. */
  private claim(uploadClaims: UploadClaim[], caseId: string): boolean {
    if (uploadClaims.some((c) => this.claims.has(c.key))) return false;
    for (const c of uploadClaims) this.claims.set(c.key, caseId);
    return true;
  }

  /** Test helper: what agency staff would do through their own use cases. */
  update(caseId: string, change: (file: CaseFile) => void): void {
    const file = this.files.get(caseId);
    if (!file) throw new Error(`no case ${caseId}`);
    change(file);
  }

  protected takeFailure(): void {
    const failure = this.failNextWrite;
    if (failure) {
      this.failNextWrite = null;
      throw failure;
    }
  }
}

export interface StoredObject {
  body: Uint8Array;
  contentType: string;
}

/**
 * An EvidenceStore over a Map of keys to objects. put() plays the browser sending a presigned POST;
 * presignDownload() answers a fake link naming the key, the file name and the expiry (S3 would sign a link to a
 * missing object too; here that throws, since core asking for one is a bug).
 */
export class MemoryEvidenceStore implements EvidenceStore, EvidenceLinks {
  readonly objects = new Map<string, StoredObject>();
  readonly presigned: { key: string; size: number; contentType: string; expiresInSeconds: number }[] = [];
  readonly downloads: { key: string; fileName: string; contentType: string; expiresInSeconds: number }[] = [];
  /** When set, that many more writes or copies succeed, then every one fails, as a storage outage would. */
  writesBeforeFailure: number | null = null;

  async presignUpload(key: string, size: number, contentType: string, expiresInSeconds: number): Promise<PresignedPost> {
    this.presigned.push({ key, size, contentType, expiresInSeconds });
    return {
      url: 'https://evidence.example.test/',
      fields: { key, 'Content-Type': contentType, 'x-test-size': String(size) },
    };
  }

  async presignDownload(key: string, fileName: string, contentType: string, expiresInSeconds: number): Promise<string> {
    if (!this.objects.has(key)) throw new Error(`no object ${key}`);
    this.downloads.push({ key, fileName, contentType, expiresInSeconds });
    const query = new URLSearchParams({ name: fileName, type: contentType, expires: String(expiresInSeconds) });
    return `https://evidence.example.test/${key}?${query.toString()}`;
  }

  async inspect(key: string, headBytes: number): Promise<{ size: number; head: Uint8Array } | null> {
    const object = this.objects.get(key);
    return object ? { size: object.body.length, head: object.body.slice(0, headBytes) } : null;
  }

  async read(key: string): Promise<Uint8Array> {
    const object = this.objects.get(key);
    if (!object) throw new Error(`no object ${key}`);
    return object.body.slice();
  }

  async write(key: string, body: Uint8Array, contentType: string): Promise<void> {
    this.checkWritable();
    this.objects.set(key, { body: body.slice(), contentType });
  }

  async copy(fromKey: string, toKey: string, contentType: string): Promise<{ sha256: string }> {
    this.checkWritable();
    const object = this.objects.get(fromKey);
    if (!object) throw new Error(`no object ${fromKey}`);
    this.objects.set(toKey, { body: object.body.slice(), contentType });
    return { sha256: sha256Hex(object.body) };
  }

  async remove(keys: string[]): Promise<void> {
    for (const key of keys) this.objects.delete(key);
  }

  async destroyAll(prefix: string): Promise<number> {
    const keys = this.keys(prefix);
    for (const key of keys) this.objects.delete(key);
    return keys.length;
  }

  /** Test helper: the browser's upload to a presigned POST. */
  put(key: string, body: Uint8Array, contentType = 'application/octet-stream'): void {
    this.objects.set(key, { body: body.slice(), contentType });
  }

  keys(prefix = ''): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  private checkWritable(): void {
    if (this.writesBeforeFailure === null) return;
    if (this.writesBeforeFailure <= 0) throw new DependencyDown('evidence storage');
    this.writesBeforeFailure--;
  }
}

/** Case keys in memory: a fresh random key per case, forgotten on shred. */
export class MemoryCaseKeys implements CaseKeys {
  readonly keys = new Map<string, Uint8Array>();

  async keyFor(caseId: string): Promise<Uint8Array> {
    const key = this.keys.get(caseId) ?? new Uint8Array(randomBytes(32));
    this.keys.set(caseId, key);
    return key;
  }

  async find(caseId: string): Promise<Uint8Array | null> {
    return this.keys.get(caseId) ?? null;
  }

  async shred(caseId: string): Promise<void> {
    this.keys.delete(caseId);
  }
}

const SEALED_PREFIX = 'sealed:';

/**
 * A reversible stand-in for KMS / the local key: `sealed:<base64 context>:<base64 plaintext>`. It opens only
 * under the context it was sealed with, like the real AAD-bound ciphertexts, and can be told to fail.
 */
export class FakeSealer implements Sealer {
  failing = false;
  /** When set, that many more seals succeed, then the key service is down. */
  sealsBeforeFailure: number | null = null;
  sealCount = 0;

  async seal(plaintext: string, context: string): Promise<string> {
    if (this.sealsBeforeFailure !== null && this.sealsBeforeFailure-- <= 0) this.failing = true;
    if (this.failing) throw new DependencyDown('key service');
    this.sealCount++;
    return `${SEALED_PREFIX}${Buffer.from(context).toString('base64')}:${Buffer.from(plaintext, 'utf8').toString('base64')}`;
  }

  async open(sealed: string, context: string): Promise<string> {
    if (this.failing) throw new DependencyDown('key service');
    if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('not a sealed value');
    const [ctx, body] = sealed.slice(SEALED_PREFIX.length).split(':');
    if (ctx === undefined || body === undefined) throw new Error('not a sealed value');
    if (Buffer.from(ctx, 'base64').toString() !== context) throw new Error('sealed under another context');
    return Buffer.from(body, 'base64').toString('utf8');
  }
}

export class FixedClock implements Clock {
  private at: number;
  constructor(at: string | Date) {
    this.at = new Date(at).getTime();
  }
  now(): Date {
    return new Date(this.at);
  }
  set(at: string | Date): void {
    this.at = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** Deterministic bytes: SHA-256 of the seed and a counter, so every call gives new but repeatable bytes. */
export class CountingRandom implements RandomSource {
  private counter = 0;
  constructor(private readonly seed = 'clean-portal-tests') {}
  bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const block = createHash('sha256')
        .update(`${this.seed}:${this.counter++}`)
        .digest();
      const take = Math.min(block.length, count - filled);
      out.set(block.subarray(0, take), filled);
      filled += take;
    }
    return out;
  }
}

/** Hands out fixed byte strings in turn (for tests that need a known tracking code or id). */
export class ScriptedRandom implements RandomSource {
  private readonly fallback = new CountingRandom('scripted');
  constructor(private readonly queue: Uint8Array[]) {}
  bytes(count: number): Uint8Array {
    const next = this.queue.shift();
    if (next === undefined) return this.fallback.bytes(count);
    if (next.length !== count) throw new Error(`scripted ${next.length} bytes, asked for ${count}`);
    return next;
  }
}

export const TEST_PEPPER = new Uint8Array(Buffer.from('a test pepper of thirty-two bytes'.padEnd(32, '!')));
export const OTHER_PEPPER = new Uint8Array(Buffer.from('another pepper, thirty-two bytes'.padEnd(32, '?')));
export const TEST_NOW = '2026-10-15T03:00:00.000Z';
/** The audit trail's MAC key in tests: local mode's HMAC key, under 32 bytes of its own (never the pepper). */
export const TEST_AUDIT_KEY = new LocalAuditMacKey(Buffer.alloc(32, 0xa1));
export const OTHER_AUDIT_KEY = new LocalAuditMacKey(Buffer.alloc(32, 0xb2));
/** What a check holds in tests: the test audit key, and the test pepper for what it signed before that key. */
export const TEST_AUDIT_KEYS: AuditMacKeys = { current: TEST_AUDIT_KEY, legacy: legacyPepperMac(TEST_PEPPER) };

/** A receipt key in memory: a P-256 pair of its own per instance, counting its signatures. */
export class MemoryReceiptSigner implements ReceiptSigner, ReceiptKeys {
  private readonly pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  signatures = 0;
  async keyId(): Promise<string> {
    return calculateJwkThumbprint(this.publicJwk());
  }
  async sign(input: Uint8Array): Promise<Uint8Array> {
    this.signatures++;
    return sign('sha256', input, { key: this.pair.privateKey, dsaEncoding: 'ieee-p1363' });
  }
  async keySet(): Promise<ReceiptKeySet> {
    return { keys: [{ ...this.publicJwk(), kid: await this.keyId(), alg: 'ES256', use: 'sig' }] };
  }
  private publicJwk() {
    const { x, y } = this.pair.publicKey.export({ format: 'jwk' });
    return { kty: 'EC' as const, crv: 'P-256' as const, x: x!, y: y! };
  }
}

export interface MemoryDeps extends CitizenDeps {
  store: MemoryCaseStore;
  applications: MemoryApplicationStore;
  evidence: MemoryEvidenceStore;
  sealer: FakeSealer;
  clock: FixedClock;
}

export function memoryDeps(index: PackIndex, overrides: Partial<MemoryDeps> = {}): MemoryDeps {
  return {
    index,
    store: new MemoryCaseStore(),
    evidence: new MemoryEvidenceStore(),
    sealer: new FakeSealer(),
    caseKeys: new MemoryCaseKeys(),
    pepper: TEST_PEPPER,
    auditKey: TEST_AUDIT_KEY,
    receipts: new MemoryReceiptSigner(),
    applications: new MemoryApplicationStore(),
    clock: new FixedClock(TEST_NOW),
    random: new CountingRandom(),
    ...overrides,
  };
}
