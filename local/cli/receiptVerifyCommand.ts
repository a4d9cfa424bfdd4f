// What `npm run receipt:verify` does, apart from its command line (local/cli/receiptVerify.ts): read a saved receipt
// file (or a bare compact JWS), fetch or read the published key set, and check the one against the other with the
// web page's own checker (functions/contract/filingReceiptCheck.ts). Answers the exit code: 0 when the receipt
// verifies (and its authorship secret, if the file has one, matches), 1 when it does not, 2 when a file is unreadable.
import { readFile } from 'node:fs/promises';
import { type ReceiptProblem, verifyReceipt } from '#contract/filingReceiptCheck.js';
import { type ReceiptKeySet, receiptFile, receiptKeySet, parseFilingReceiptClaims } from '#schemas/receipt.js';

export interface ReceiptVerifyOutput {
  log(line: string): void;
  error(line: string): void;
}

const PROBLEMS: Record<ReceiptProblem, string> = {
  malformed: 'this is not a compact JWS signed with ES256',
  'unknown-key': 'no key in the key set signed it (another portal, or a forgery)',
  'bad-signature': 'the signature does not match: the receipt was changed after signing, or another key made it',
  'not-a-receipt': 'the signature holds, but what it signs is not a filing receipt',
};

/** A file path, or an http(s) address such as http://localhost:3000/api/receipts/keys. */
export async function loadKeySet(source: string): Promise<ReceiptKeySet> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : await readFile(source, 'utf8');
  return receiptKeySet.parse(JSON.parse(text));
}

export async function verifyReceiptFile(text: string, keys: ReceiptKeySet, out: ReceiptVerifyOutput): Promise<number> {
  const trimmed = text.trim();
  let file: { receipt: string; authorshipSecret?: string };
  if (trimmed.startsWith('{')) {
    const parsed = receiptFile.safeParse(JSON.parse(trimmed));
    if (!parsed.success) {
      out.error('This file is not a Clean Portal receipt: it needs "type" and "receipt".');
      return 2;
    }
    file = parsed.data;
  } else {
    file = { receipt: trimmed };
  }
  const verdict = await verifyReceipt(file, keys, parseFilingReceiptClaims);
  if (!verdict.valid) {
    out.error(`NOT VALID: ${PROBLEMS[verdict.problem]}.`);
    return 1;
  }
  const { claims } = verdict;
  out.log(`VALID: signed by key ${verdict.keyId}.`);
  out.log(`  case ${claims.caseId}, filed ${claims.filedAt}, routed to ${claims.organizationId}, category ${claims.category}`);
  out.log(`  report SHA-256 ${claims.reportSha256}`);
  for (const [i, digest] of claims.evidenceSha256.entries()) out.log(`  evidence ${i + 1} SHA-256 ${digest}`);
  if (verdict.authorship === 'proved') out.log('  authorship: PROVED (the secret in this file is the one committed to at filing)');
  if (verdict.authorship === 'refuted') {
    out.error('  authorship: NOT PROVED (the secret in this file is not the one committed to at filing)');
    return 1;
  }
  if (verdict.authorship === 'none') {
    out.log(
      claims.authorCommitment
        ? '  authorship: committed to at filing; this file holds no secret to prove it'
        : '  authorship: no commitment',
    );
  }
  return 0;
}
