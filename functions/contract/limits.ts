// Every size and length limit of the contract, in one place: the zod schemas (functions/schemas) enforce them, the
// web app's fields and checks take them from here or from those schemas, and the handlers and the stack (API body
// size, WAF) read them here. A test keeps any other file from writing one as a bare number (test/unit/contract).

const KiB = 1024;
const MiB = 1024 * KiB;

export const LIMITS = {
  /** A JSON request body (API Gateway's own limit is higher; the handlers and the WAF enforce this one). */
  bodyBytes: 64 * KiB,

  /** A report. */
  title: 200,
  description: 20_000,
  location: 500,
  /** A confidential reporter's contact details. */
  contactName: 200,
  email: 254,
  phone: 40,
  /** The amount involved, in the currency's units, and its ISO 4217 currency code. */
  amountValue: 1e18,
  currencyCode: 3,

  /** Evidence: per file, and per report or message. */
  attachmentBytes: 25 * MiB,
  attachmentsPerSubmission: 10,
  fileName: 255,
  contentType: 255,
  uploadId: 1024,

  /** What a tracking-code field may hold before it is read (separators included). */
  trackingCodeInput: 64,

  /** Messages both ways, public and internal notes, and a transfer's reason. */
  message: 5_000,
  note: 5_000,
  /** An application for protection or a reward: the applicant's statement, and their postal address. */
  applicationStatement: 10_000,
  address: 500,
  /** An application's deadline, in days (the pack's `applications.kinds.*.decideDays`). */
  decideDaysMaximum: 730,
  transferReason: 2_000,
  legalHoldReason: 2_000,

  /** Agency sign-in. */
  username: 128,
  password: 256,
  newPasswordMinimum: 14,
  /** An authenticator's six digits, as typed (a space in the middle is allowed). */
  mfaCodeInput: 7,
  signInSession: 4096,

  /** Agency queues and case addresses. */
  queuePageDefault: 25,
  queuePageMaximum: 100,
  cursor: 2048,
  pathId: 64,

  /** A country pack's deadlines, in days, and its retention, in years. */
  acknowledgeDaysMaximum: 365,
  respondDaysMaximum: 730,
  retentionYearsMaximum: 100,
} as const;

/**
 * Public statistics: a row of fewer cases than this shows nothing but "suppressed", and a median needs this many
 * closed cases, so a count cannot help single out a reporter.
 */
export const PUBLIC_STATS_MINIMUM_CASES = 5;
