// The ports core talks through. Adapters (functions/adapters) implement them over DynamoDB, S3, KMS and the
// local key file; tests implement them in memory.
import type { AnchorChunk, AnchorRoot, AuditHead } from './auditAnchor.js';
import type { AuditEventRecord } from './auditChain.js';
import type { AuditMacLabel } from './auditMac.js';
import type { CaseStatus, Resolution } from '#contract/caseLife.js';
import type { AgencyUser } from '#contract/agencyRoles.js';
import type { IntakeChannel } from '#contract/intakeChannel.js';
import type { LegalHold } from './caseRetention.js';
import type { CaseSummary } from './publicStatistics.js';
import type { PublicStatistics } from '#schemas/publicStats.js';

export interface Clock {
  now(): Date;
}

export interface RandomSource {
  bytes(count: number): Uint8Array;
}

/** Checks a MAC of the audit trail (auditMac.ts); false for any MAC that is not the key's, never an error. */
export interface AuditMacVerifier {
  verify(label: AuditMacLabel, content: string, mac: string): Promise<boolean>;
}

/**
 * The key that signs the audit trail: a KMS HMAC key deployed, a key file of its own locally, never the pepper.
 * `id` is stored with everything it signs (`macKey`), so a check knows which key to ask.
 */
export interface AuditMacKey extends AuditMacVerifier {
  readonly id: string;
  /** The MAC of `content` under `label`, in hex. */
  sign(label: AuditMacLabel, content: string): Promise<string>;
}

/** Encrypts text at rest (invariant 7). `context` binds a ciphertext to its case so it cannot be moved. */
export interface Sealer {
  seal(plaintext: string, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<string>;
}

/**
 * Keys that belong to one case each, held apart from the case's items and evidence (docs/crypto-shredding.md):
 * destroying a case's key makes every copy of what was sealed under it unreadable, backups and exports included.
 */
export interface CaseKeys {
  /** The case's own 32-byte data key, created the first time the case seals anything. */
  keyFor(caseId: string): Promise<Uint8Array>;
  /** The case's key, or null when it has none: never sealed anything under one, or shredded. Never creates one. */
  find(caseId: string): Promise<Uint8Array | null>;
  /**
   * Destroys the case's key for good: the deletion path calls it once the case is due. Idempotent; a case without a
   * key is no error.
   */
  shred(caseId: string): Promise<void>;
}

export type Anonymity = 'anonymous' | 'confidential';

export interface CaseRecord {
  caseId: string;
  organizationId: string;
  reportedOrganizationId: string;
  category: string;
  language: string;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
  acknowledgeBy: string;
  respondBy: string;
  subjectIsHead: boolean;
  anonymity: Anonymity;
  routingRuleId: string;
  /** Keyed hash of the submitted content: tells an idempotent retry from a different report under the same code. */
  contentFingerprint: string;
  /** Sealed JSON of the report's text fields (ReportText). */
  sealedReport: string;
  sealedContact: string | null;
  /**
   * The organization the reporter shared their contact details with: the one the report was routed to when it was
   * filed (named to the reporter before they sent it). Only that organization opens them, and only while the case
   * is in its queue; a transfer does not pass them on. Null for an anonymous report.
   */
  contactSharedWith: string | null;
  resolution: Resolution | null;
  acknowledgedAt: string | null;
  closedAt: string | null;
  /** Set by the deadline sweep when a pending deadline passed; recomputed on every status change. */
  overdue: boolean;
  /** The pending deadline not yet swept (`null` once the sweep marked it missed, or closed): the sweep's index key. */
  dueAt: string | null;
  /** The oversight body that receives this case's escalation; the owning organization keeps it. */
  escalatedTo: string | null;
  escalatedAt: string | null;
  /** Head of the case's audit chain: the last event's sequence number and hash. */
  auditSeq: number;
  auditHash: string;
  /** When the case is deleted (closure plus the pack's retention), or null while it is open (core/caseRetention.ts). */
  deleteAfter: string | null;
  /** A legal hold: while set, nothing deletes the case whatever `deleteAfter` says. */
  legalHold: LegalHold | null;
  /** The signed proof of filing (core/filingReceipt.ts); absent on cases filed before receipts. */
  receipt?: string;
  /** The messages the whistleblower has sent, counted in the same transaction that adds each one. */
  whistleblowerMessages: number;
  /**
   * How many of them there were when the owning organization last opened the case: the rest are replies it has not
   * read yet, which its queue marks.
   */
  whistleblowerMessagesSeen: number;
  /** How the report arrived; absent on cases filed before assisted intake, which all came by the web. */
  channel?: IntakeChannel;
  /** The organization's staff member designated to handle the case (a username), or null while nobody is. */
  assignee?: string | null;
  assignedAt?: string | null;
  /** Staff who declared a conflict of interest in this case: never assigned it again. */
  recused?: string[];
}

export interface ReportText {
  title: string;
  description: string;
  /** A day (YYYY-MM-DD) or a month (YYYY-MM). */
  occurredOn: string | null;
  /** Kept only when true: the reporter gave the date as "about then". */
  occurredApproximately?: true;
  location: string | null;
  amount: { value: number; currency: string } | null;
}

export interface TimelineRecord {
  caseId: string;
  id: string;
  at: string;
  status: CaseStatus;
  sealedPublicNote: string | null;
  /** For a transfer: the organization the case went to. */
  organizationId?: string;
}

export interface MessageRecord {
  caseId: string;
  id: string;
  at: string;
  from: 'agency' | 'whistleblower';
  sealedBody: string;
  attachmentIds: string[];
}

export interface AttachmentRecord {
  caseId: string;
  id: string;
  at: string;
  sealedName: string;
  size: number;
  contentType: string;
  /** Object key under evidence/. */
  key: string;
  addedBy: 'whistleblower' | 'agency';
  /** SHA-256 (hex) of the file as kept; absent on files taken in before receipts. */
  sha256?: string;
}

/** Everything stored under one case, read in one round trip. */
export interface CaseFile {
  case: CaseRecord;
  timeline: TimelineRecord[];
  messages: MessageRecord[];
  attachments: AttachmentRecord[];
}

/**
 * An upload taken in as evidence, claimed in the same atomic write as the case or message that takes it, so that two
 * submissions racing with one upload id cannot both take the file.
 */
export interface UploadClaim {
  /** The upload's object key under incoming/. */
  key: string;
  /** Seconds since the epoch after which the claim may be forgotten: its upload id has expired by then. */
  forgetAfter: number;
}

export interface NewCaseWrite {
  record: CaseRecord;
  timeline: TimelineRecord;
  attachments: AttachmentRecord[];
  /** The first event of the case's audit chain. */
  audit: AuditEventRecord;
  uploadClaims: UploadClaim[];
}

export interface CaseStore {
  /**
   * One atomic write: the case, its first timeline entry, its attachments and its upload claims, or nothing.
   * `exists` when the case id is taken (checked first: an idempotent retry), `uploadTaken` when an upload is claimed.
   */
  createCase(write: NewCaseWrite): Promise<'created' | 'exists' | 'uploadTaken'>;
  getCase(caseId: string): Promise<CaseRecord | null>;
  getCaseFile(caseId: string): Promise<CaseFile | null>;
  /**
   * Adds a message (its attachments and their upload claims) to an open case, atomically with the check that it
   * exists and is open, that no upload is claimed, and that the case did not change after `message.at` (a
   * reporter's message is dated to the hour, core/reporterTime.ts): if it did, nothing is written and the answer is
   * when it changed, so the message can be dated no earlier and stay after what it answers.
   */
  addMessage(message: MessageRecord, attachments: AttachmentRecord[], uploadClaims: UploadClaim[]): Promise<AddMessageOutcome>;
}

export type AddMessageOutcome = 'added' | 'missing' | 'closed' | 'uploadTaken' | { changedAt: string };

export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

/** Attachment objects: uploads arrive under incoming/, evidence lives under evidence/<caseId>/. */
export interface EvidenceStore {
  presignUpload(key: string, size: number, contentType: string, expiresInSeconds: number): Promise<PresignedPost>;
  /** The object's size and first bytes, or null when there is no such object. */
  inspect(key: string, headBytes: number): Promise<{ size: number; head: Uint8Array } | null>;
  read(key: string): Promise<Uint8Array>;
  write(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Copies an object; answers the SHA-256 (hex) of its content, which the filing receipt signs. */
  copy(fromKey: string, toKey: string, contentType: string): Promise<{ sha256: string }>;
  /** Best effort: a failure here leaves an orphan object, never a broken case. */
  remove(keys: string[]): Promise<void>;
  /** Every object under `prefix`, every version of it and every delete marker; how many were removed. */
  destroyAll(prefix: string): Promise<number>;
}

/**
 * What one sign-in step ends in. `rejected` is the same whether the user exists or not; `locked` is Cognito's own
 * temporary lockout of an account (local mode never locks: it slows guessing down, core/signInBackoff.ts).
 */
export type SignInOutcome =
  | { kind: 'token'; token: string; expiresIn: number; user: AgencyUser }
  | { kind: 'mfa'; session: string }
  /** First sign-in with a temporary password: choose a new one. */
  | { kind: 'newPassword'; session: string }
  /** No authenticator registered yet: add this secret to an authenticator app, then answer with its code. */
  | { kind: 'mfaSetup'; session: string; secretCode: string }
  | { kind: 'rejected' }
  | { kind: 'locked' };

/** Agency sign-in: Cognito when deployed, the local runtime's own users file in local mode. */
export interface IdentityProvider {
  signIn(username: string, password: string): Promise<SignInOutcome>;
  /** The second step when `signIn` answered `mfa` or `mfaSetup`: the authenticator app's code. */
  answerMfa(username: string, session: string, code: string): Promise<SignInOutcome>;
  /** The step after `newPassword`: the password the user chose for themselves. */
  setNewPassword(username: string, session: string, newPassword: string): Promise<SignInOutcome>;
}

/** One page of case summaries at a time: the publisher never holds every case at once. */
export interface CaseSummarySource {
  /** Every case's statistics fields (organization, category, status, filed, closed), and nothing else of it. */
  caseSummaries(): AsyncIterable<CaseSummary[]>;
}

/** The statistics of deleted cases, which the snapshot adds to the cases still stored. */
export interface DeletedCaseSource {
  deletedCaseTallies(): AsyncIterable<DeletedCaseCount[]>;
}

export interface DeletedCaseCount {
  organizationId: string;
  category: string;
  daysToClose: number;
  cases: number;
}

/** The one published statistics snapshot (GET /stats/public reads it; the scheduled publisher writes it). */
export interface PublicStatisticsSnapshots {
  /** The latest snapshot, or null before the first one. */
  loadSnapshot(): Promise<PublicStatistics | null>;
  /** Replaces the snapshot unless the stored one is newer (an overlapping run finished first). */
  saveSnapshot(statistics: PublicStatistics & { asOf: string }): Promise<'saved' | 'superseded'>;
}

/** Every case's audit head, a page at a time: the anchor job never holds the case items themselves. */
export interface AuditHeadSource {
  auditHeads(): AsyncIterable<AuditHead[]>;
}

/** The newest anchor chunk of a bucket: what a case view checks the case's chain against. */
export interface AuditAnchorLookup {
  latestChunk(bucket: string): Promise<AnchorChunk | null>;
}

/** The anchors of the audit heads, append-only: nothing here updates or deletes. */
export interface AuditAnchorStore extends AuditAnchorLookup {
  /** `exists`: a chunk of that bucket and moment is already stored, and stays as it is. */
  appendChunk(chunk: AnchorChunk): Promise<'appended' | 'exists'>;
  latestRoot(): Promise<AnchorRoot | null>;
  /** `taken`: a root with that sequence number is already stored (another run got there first). */
  appendRoot(root: AnchorRoot): Promise<'appended' | 'taken'>;
  /** Every root, oldest first, a page at a time. */
  roots(): AsyncIterable<AnchorRoot[]>;
  /** Every chunk of one bucket, oldest first, a page at a time. */
  chunks(bucket: string): AsyncIterable<AnchorChunk[]>;
}
