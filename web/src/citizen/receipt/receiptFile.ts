// The receipt as a small file to save (functions/schemas/receipt.ts): the signed receipt and, in the copy saved at
// filing, the authorship secret. Its claims are read here for the printable sheet; checking them is the verify page's.
import { type FilingReceiptClaims, RECEIPT_TYPE, type ReceiptFile, parseFilingReceiptClaims } from '#schemas/receipt.js';

/** The claims of a compact JWS, unchecked (the signature is the verify page's to check), or null. */
export function claimsOf(receipt: string): FilingReceiptClaims | null {
  const payload = receipt.split('.')[1];
  if (!payload) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    return parseFilingReceiptClaims(JSON.parse(json));
  } catch {
    return null;
  }
}

/** Offers `receipt-<case>.json` for download; nothing leaves the browser. */
export function saveReceiptFile(receipt: string, authorshipSecret?: string): void {
  const file: ReceiptFile = { type: RECEIPT_TYPE, receipt, ...(authorshipSecret ? { authorshipSecret } : {}) };
  const caseId = claimsOf(receipt)?.caseId ?? 'filing';
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `receipt-${caseId}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
