// Invariant 1: only HMAC-SHA256(pepper, normalized code) is ever kept. The case id is derived from that digest,
// so a tracking request finds its case with a single key lookup, and nobody holding a case id (staff, logs)
// can work back to the code without the pepper and a 2^80 search.
import { createHmac } from 'node:crypto';
import { CASE_ID_LENGTH, encodeCrockford } from '#contract/trackingCode.js';
import type { TrackingCode } from '#contract/trackingCode.js';

export { CASE_ID_LENGTH };

declare const caseIdBrand: unique symbol;
export type CaseId = string & { readonly [caseIdBrand]: true };

const CASE_ID_PATTERN = new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CASE_ID_LENGTH}}$`);

export function trackingDigest(pepper: Uint8Array, code: TrackingCode): Uint8Array {
  return createHmac('sha256', pepper).update(code).digest();
}

/** The case id: the first 100 bits of the code's HMAC, in Crockford base32. */
export function caseIdForCode(pepper: Uint8Array, code: TrackingCode): CaseId {
  return encodeCrockford(trackingDigest(pepper, code)).slice(0, CASE_ID_LENGTH) as CaseId;
}

export function parseCaseId(input: string): CaseId | null {
  return CASE_ID_PATTERN.test(input) ? (input as CaseId) : null;
}
