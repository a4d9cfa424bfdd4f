// The signed proof of filing (docs/receipts.md): its claims, the key set that verifies it, and the file a reporter
// saves. Shared by the signer (functions/core/filingReceipt.ts), the checkers (web and `npm run receipt:verify`).
import * as z from 'zod';

export const RECEIPT_TYPE = 'clean-portal-filing-receipt';

const sha256Digest = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits (a SHA-256 digest)');

export const filingReceiptClaims = z.strictObject({
  typ: z.literal(RECEIPT_TYPE),
  caseId: z.string().min(1),
  /** When the portal took the report in, to the hour (core/reporterTime.ts). */
  filedAt: z.iso.datetime(),
  /** The organization the report was routed to. */
  organizationId: z.string().min(1),
  category: z.string().min(1),
  /** SHA-256 of the report as sealed and stored. */
  reportSha256: sha256Digest,
  /** SHA-256 of each evidence file as the portal keeps it (after metadata stripping), in the order they were sent. */
  evidenceSha256: z.array(sha256Digest),
  /** SHA-256 of the authorship secret only the reporter's browser held (functions/contract/authorship.ts). */
  authorCommitment: sha256Digest.optional(),
});
export type FilingReceiptClaims = z.infer<typeof filingReceiptClaims>;

/** The authorship secret: 32 random bytes in hex, kept in the receipt file and nowhere else. */
export const authorshipSecret = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits');

/** A commitment a filing may carry (POST /reports `authorCommitment`). */
export const authorCommitment = sha256Digest;

/** The public keys receipts are signed with (GET /receipts/keys): a JSON Web Key Set of P-256 keys. */
export const receiptPublicKey = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  kid: z.string().min(1),
  alg: z.literal('ES256'),
  use: z.literal('sig'),
});
export const receiptKeySet = z.object({ keys: z.array(receiptPublicKey) });
export type ReceiptKeySet = z.infer<typeof receiptKeySet>;

/** The small file the code screen and the status page offer to save. */
export const receiptFile = z.object({
  type: z.literal(RECEIPT_TYPE),
  /** The compact JWS itself: what a court or a rewards committee checks. */
  receipt: z.string().min(1),
  /** Present only in the copy saved at filing: reveal it to prove you filed the report. */
  authorshipSecret: authorshipSecret.optional(),
});
export type ReceiptFile = z.infer<typeof receiptFile>;

/** The parser the receipt checker takes (functions/contract/filingReceiptCheck.ts). */
export const parseFilingReceiptClaims = (payload: unknown): FilingReceiptClaims | null =>
  filingReceiptClaims.safeParse(payload).data ?? null;
