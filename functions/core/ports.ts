// The ports core talks through. Adapters (functions/adapters) implement them over DynamoDB, S3, KMS and the
// local key file; tests implement them in memory.
import type { CaseStatus, Resolution } from './caseStatus.js';

export interface Clock {
  now(): Date;
}

export interface RandomSource {
  bytes(count: number): Uint8Array;
}

/** Encrypts text at rest (invariant 7). `context` binds a ciphertext to its case so it cannot be moved. */
export interface Sealer {
  seal(plaintext: string, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<string>;
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
  resolution: Resolution | null;
}

export interface ReportText {
  title: string;
  description: string;
  occurredOn: string | null;
  location: string | null;
  amount: { value: number; currency: string } | null;
}

export interface TimelineRecord {
  caseId: string;
  id: string;
  at: string;
  status: CaseStatus;
  sealedPublicNote: string | null;
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
}

/** Everything stored under one case, read in one round trip. */
export interface CaseFile {
  case: CaseRecord;
  timeline: TimelineRecord[];
  messages: MessageRecord[];
  attachments: AttachmentRecord[];
}

export interface NewCaseWrite {
  record: CaseRecord;
  timeline: TimelineRecord;
  attachments: AttachmentRecord[];
}

export interface CaseStore {
  /** One atomic write: the case, its first timeline entry and its attachments, or nothing. */
  createCase(write: NewCaseWrite): Promise<'created' | 'exists'>;
  getCase(caseId: string): Promise<CaseRecord | null>;
  getCaseFile(caseId: string): Promise<CaseFile | null>;
  /** Adds a message (and its attachments) to an open case, atomically with the check that it exists and is open. */
  addMessage(message: MessageRecord, attachments: AttachmentRecord[]): Promise<'added' | 'missing' | 'closed'>;
}

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
  copy(fromKey: string, toKey: string, contentType: string): Promise<void>;
  /** Best effort: a failure here leaves an orphan object, never a broken case. */
  remove(keys: string[]): Promise<void>;
}
