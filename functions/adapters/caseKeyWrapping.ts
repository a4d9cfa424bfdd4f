// A case key is kept wrapped: sealed as text by the portal's own case-text sealer (the KMS envelope deployed, the
// local key file locally) and bound to its case, so a wrapped key moved to another case fails to open.
import { randomBytes } from 'node:crypto';
import type { Sealer } from '#core/ports.js';

export const CASE_KEY_BYTES = 32;

const wrapContext = (caseId: string) => `case-key:${caseId}`;

export function newCaseKey(): Buffer {
  return randomBytes(CASE_KEY_BYTES);
}

export function wrapCaseKey(wrapper: Sealer, caseId: string, key: Uint8Array): Promise<string> {
  return wrapper.seal(Buffer.from(key).toString('base64'), wrapContext(caseId));
}

export async function unwrapCaseKey(wrapper: Sealer, caseId: string, wrapped: string): Promise<Buffer> {
  const key = Buffer.from(await wrapper.open(wrapped, wrapContext(caseId)), 'base64');
  if (key.length !== CASE_KEY_BYTES) throw new Error('a wrapped case key of the wrong size');
  return key;
}

/**
 * For a key store that only shreds (the deadline sweep's): it holds no case-text key, so it can neither create nor
 * open a case key, and saying so beats a confusing KMS refusal.
 */
export const NO_WRAPPING_KEY: Sealer = {
  seal: () => Promise.reject(new Error('this function holds no case-text key: it may only shred case keys')),
  open: () => Promise.reject(new Error('this function holds no case-text key: it may only shred case keys')),
};
