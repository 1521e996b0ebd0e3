import { describe, expect, it } from 'vitest';
import { copyBytes } from '../../bridge/channel/copy.js';
import { randomBytes } from '../bytes.js';


/** A view of `n` bytes at `offset` of a fresh (shared or not) buffer filled with 0xEE. */
function viewOf(shared: boolean, offset: number, n: number): Uint8Array {
  const size = offset + n + 16;
  const view = new Uint8Array(shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
  view.fill(0xee);
  return view.subarray(offset, offset + n);
}

describe('copyBytes', () => {
  // Sizes below the detour, across one chunk, and several chunks plus a tail.
  const sizes = [0, 1, 4095, 4096, 65_536 + 3, 200_001];
  const kinds: Array<[string, boolean, boolean]> = [
    ['unshared to shared', false, true],
    ['shared to unshared', true, false],
    ['unshared to unshared', false, false],
  ];

  for (const [kind, srcShared, dstShared] of kinds) {
    it(`copies exactly, at every relative alignment: ${kind}`, () => {
      for (const n of sizes) {
        for (const srcOffset of [0, 3, 8]) {
          for (const dstOffset of [0, 1, 5, 8]) {
            const data = randomBytes(n, n + srcOffset + 1);
            const src = viewOf(srcShared, srcOffset, n);
            src.set(data);
            const dst = viewOf(dstShared, 0, dstOffset + n + 7);
            copyBytes(dst, dstOffset, src);
            const whole = new Uint8Array(dst.buffer, dst.byteOffset, dst.length);
            expect(Buffer.from(whole.subarray(dstOffset, dstOffset + n)).equals(Buffer.from(data)), `${n} ${srcOffset} ${dstOffset}`).toBe(true);
            // Nothing around the target range is touched.
            expect(whole.subarray(0, dstOffset).every((b) => b === 0xee)).toBe(true);
            expect(whole.subarray(dstOffset + n).every((b) => b === 0xee)).toBe(true);
          }
        }
      }
    });
  }

  it('throws as set does when the target is too short', () => {
    const dst = new Uint8Array(new SharedArrayBuffer(10_000));
    expect(() => copyBytes(dst, 3, new Uint8Array(10_000))).toThrow(RangeError);
  });
});
