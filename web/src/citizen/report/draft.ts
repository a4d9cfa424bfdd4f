// The report being written, kept in sessionStorage (this tab only, gone when it closes) so a reload, a lost
// connection or a failed submit loses nothing. It holds the tracking code the browser proposed: a retried
// submission sends the same code and the server answers with the same case instead of filing a second one.
// File contents are never kept; only the ids of files already uploaded.
import { TRACKING_CODE_BYTES, trackingCodeFromBytes } from '#contract/trackingCode.js';
import { newAuthorshipSecret } from '#contract/authorship.js';
import { readJson, writeItem } from '../../shared/storage.js';

export interface UploadedFile {
  uploadId: string;
  name: string;
  size: number;
  contentType: string;
}

export interface ReportDraft {
  version: 1;
  step: number;
  category: string;
  organizationId: string;
  title: string;
  description: string;
  /** A day (YYYY-MM-DD) or, with `occurredPrecision` "month", a month (YYYY-MM). */
  occurredOn: string;
  occurredPrecision: 'day' | 'month';
  /** "About then": the reporter is not sure of the day or month given. */
  occurredApproximately: boolean;
  location: string;
  amountValue: string;
  currency: string;
  subjectIsHead: boolean | null;
  anonymity: 'anonymous' | 'confidential' | null;
  contact: { name: string; email: string; phone: string };
  uploads: UploadedFile[];
  /** Proposed by this browser (crypto.getRandomValues); the server keeps only its HMAC. */
  trackingCode: string;
  /**
   * A secret this browser alone holds (docs/receipts.md): the report carries its commitment, the saved receipt the
   * secret itself, which proves later who filed it.
   */
  authorshipSecret: string;
  /** Set at the first submit attempt: until an answer arrives the content and language stay as sent. */
  sentLanguage: string | null;
}

const DRAFT_KEY = 'cp.reportDraft';

export function proposeTrackingCode(): string {
  return trackingCodeFromBytes(crypto.getRandomValues(new Uint8Array(TRACKING_CODE_BYTES)));
}

export function emptyDraft(currency: string): ReportDraft {
  return {
    version: 1,
    step: 0,
    category: '',
    organizationId: '',
    title: '',
    description: '',
    occurredOn: '',
    occurredPrecision: 'day',
    occurredApproximately: false,
    location: '',
    amountValue: '',
    currency,
    subjectIsHead: null,
    anonymity: null,
    contact: { name: '', email: '', phone: '' },
    uploads: [],
    trackingCode: proposeTrackingCode(),
    authorshipSecret: newAuthorshipSecret(),
    sentLanguage: null,
  };
}

/** The kept draft, if any; a currency that is no longer offered (typed as free text before) becomes the pack's. */
export function loadDraft(currency: string, offered: string[]): ReportDraft {
  const stored = readJson<ReportDraft>('sessionStorage', DRAFT_KEY);
  if (stored && stored.version === 1 && typeof stored.trackingCode === 'string' && stored.trackingCode.length === 16) {
    const draft = { ...emptyDraft(currency), ...stored };
    // A sent draft stays exactly as sent: its retry must be the same report.
    return offered.includes(draft.currency) || draft.sentLanguage !== null ? draft : { ...draft, currency };
  }
  return emptyDraft(currency);
}

/** Whether this tab keeps a report the reader started and has not sent: the home page offers to continue it. */
export function hasKeptDraft(): boolean {
  const stored = readJson<Partial<ReportDraft>>('sessionStorage', DRAFT_KEY);
  return !!stored && (!!stored.category || !!stored.organizationId || !!stored.title?.trim() || !!stored.description?.trim());
}

export function saveDraft(draft: ReportDraft): void {
  writeItem('sessionStorage', DRAFT_KEY, JSON.stringify(draft));
}

/** After the code has been shown: the next report starts empty, with a new code. */
export function discardDraft(): void {
  writeItem('sessionStorage', DRAFT_KEY, null);
}
