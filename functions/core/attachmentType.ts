// Whether an upload's bytes are what was declared (invariant 6): executables and scripts are refused whatever they
// claim to be. What may be declared (functions/contract/attachmentTypes.ts) and how bytes are told apart
// (functions/contract/fileFamily.ts) are the contract's.
import { ALLOWED_TYPES } from '#contract/attachmentTypes.js';
import { sniffFamily } from '#contract/fileFamily.js';

// The sniffing itself is the contract's, shared with the browser's evidence step.
export { SNIFF_BYTES, sniffFamily } from '#contract/fileFamily.js';

/** Whether the bytes are what the declared type says. */
export function contentMatchesType(contentType: string, head: Uint8Array): boolean {
  const expected = Object.hasOwn(ALLOWED_TYPES, contentType) ? ALLOWED_TYPES[contentType] : undefined;
  return expected !== undefined && sniffFamily(head) === expected;
}
