import { Tag } from 'cbor-x';
import type { Rng } from '../random/index.js';

/**
 * JavaScript values a hostile guest can put in any argument position (the real encoder writes them):
 * wrong types, edge numbers, huge and nested containers, NUL bytes, prototype keys, legacy bytes
 * objects, and CBOR tags cbor-x turns into objects on the way in.
 */

const NUMBERS = [0, -0, 1, -1, 3, 7, 0.5, -1.5, 255, 256, 0x7fffffff, 0x80000000, -0x80000000, 0xffffffff, 2 ** 32, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity];
const BIGINTS = [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n - 1n, 2n ** 64n, 2n ** 1000n];
const STRINGS = ['', '/', '.', '..', 'utf8', 'buffer', 'hex', 'base64', 'UTF-8', 'latin1', 'r', 'w', 'a+', 'wx', 'rs+', 'rmSync', 'rm', 'rmdir', 'rmdirPromise', '__proto__', 'constructor', 'prototype', '\u0000', '/a\u0000b', '\ud800', '€', 'x'.repeat(300)];

/** A value nested `levels` deep (an array chain). */
function nest(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** One hostile value. `big` allows the expensive ones (100k-item arrays, 100k-character strings). */
export function hostileValue(rng: Rng, big = true): unknown {
  switch (rng.below(big ? 14 : 12)) {
    case 0:
      return rng.pick(NUMBERS);
    case 1:
      return rng.pick(BIGINTS);
    case 2:
      return rng.pick(STRINGS);
    case 3:
      return rng.pick([null, undefined, true, false]);
    case 4:
      return rng.bytes(rng.size(64));
    case 5:
      return rng.pick([{}, { length: 1e9 }, { path: '/ok.txt' }, JSON.parse('{"__proto__": {"polluted": 1}}'), { toString: 'x', valueOf: 1 }]);
    case 6:
      return { __agentOsType: 'bytes', base64: rng.pick(['', 'AA==', 'AAA=', 'AAAA', 'A', 'AB==', '====', '!!!!', 'QUJD\nREVG', 1, null]) };
    case 7:
      return [rng.pick(STRINGS), rng.pick(NUMBERS)];
    case 8:
      return new Tag(rng.pick(['x', 1, [1, 2], new Uint8Array(3)]), rng.pick([1, 2, 3, 27, 64, 72, 258, 259]));
    case 9:
      return nest(rng.int(10, 400));
    case 10:
      return new Map<unknown, unknown>([[rng.pick(STRINGS), 1], [2, 'x']]);
    case 11:
      return rng.pick([new Date(rng.u32() * 1000), new Set([1, 'a'])]);
    case 12:
      return Array.from({ length: rng.pick([1000, 100_000]) }, (_, i) => i);
    default:
      return 'x'.repeat(rng.pick([4096, 100_000]));
  }
}
