import { describe, expect, it } from 'vitest';
import { newId } from '#core/ids.js';
import { CountingRandom, ScriptedRandom } from './support/memoryPorts.js';

describe('newId', () => {
  it('is 80 random bits in Crockford base32', () => {
    expect(newId(new ScriptedRandom([new Uint8Array(10)]))).toBe('0000000000000000');
    expect(newId(new ScriptedRandom([new Uint8Array(10).fill(0xff)]))).toBe('ZZZZZZZZZZZZZZZZ');
  });

  it('gives a new id each time', () => {
    const random = new CountingRandom();
    const ids = Array.from({ length: 1000 }, () => newId(random));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });
});
