// The public half of the receipt key, as GET /receipts/keys publishes it (a JSON Web Key Set).
import type { ReceiptKeySet } from '#schemas/receipt.js';

export interface ReceiptKeys {
  keySet(): Promise<ReceiptKeySet>;
}
