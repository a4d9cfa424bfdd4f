// The receipt key (docs/receipts.md): a key file locally; deployed, a KMS key only the filing function (kms:Sign)
// and the key-set function (kms:GetPublicKey) are given.
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsReceiptSigner } from '#adapters/kmsReceiptSigner.js';
import { LocalReceiptSigner } from '#adapters/localReceiptSigner.js';
import type { ReceiptSigner } from '#core/filingReceipt.js';
import type { ReceiptKeys } from '#core/receiptKeys.js';
import { type PortalEnvironment, type ReceiptKeyEnvironment, parseEnvironment, receiptKeyEnvironment } from '#runtime/config.js';

type ReceiptKey = ReceiptSigner & ReceiptKeys;

/** The key a portal function names, or null when it names none (it files nothing). */
export function receiptKeyOf(env: PortalEnvironment | ReceiptKeyEnvironment): ReceiptKey | null {
  if (env.mode === 'local') return new LocalReceiptSigner(env.RECEIPT_KEY_FILE);
  if (!env.RECEIPT_KEY_ID) return null;
  return new KmsReceiptSigner(new KMSClient({ region: env.AWS_REGION }), env.RECEIPT_KEY_ID);
}

/** The published half of the key, for GET /receipts/keys: built once per cold start from its own environment. */
export function receiptKeySet(): ReceiptKeys {
  return receiptKeyOf(parseEnvironment(receiptKeyEnvironment))!;
}
