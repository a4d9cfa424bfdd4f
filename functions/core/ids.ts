import { encodeCrockford } from '#contract/trackingCode.js';
import type { RandomSource } from './ports.js';

/** A random 80-bit id in Crockford base32, for attachments, messages and timeline entries. */
export function newId(random: RandomSource): string {
  return encodeCrockford(random.bytes(10));
}
