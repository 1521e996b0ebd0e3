/**
 * Payloads of the codec benchmark (bench/codec.mjs), and the check every adapter's output must pass.
 * Deterministic: the same bytes on every run.
 */

import { fillBytes } from './lib/kernel.mjs';

const KiB = 1024;
const MiB = 1024 * 1024;

/** xorshift bytes (the bench kernel's): incompressible, so no codec can cheat on them. */
function bytes(n, seed) {
  return fillBytes(Buffer.allocUnsafe(n), seed);
}

function record(i) {
  return {
    id: i,
    name: `user-${i}`,
    email: `user${i}@example.com`,
    active: i % 3 !== 0,
    score: i * 1.25 + 0.5,
    tags: ['alpha', 'beta', `t${i % 7}`],
    address: { street: `${i} Main St`, city: 'Springfield', zip: String(10000 + i) },
    history: [i, i + 1, i + 2],
  };
}

/** The payloads: a mix of plain data and binary fields, binary alone, and plain data alone (for contrast). */
export function payloads() {
  const records = Array.from({ length: 500 }, (_, i) => record(i));
  return [
    {
      name: 'mixed: 500 records, 20 KiB of text, 4 x 64 KiB + 2 x 1 MiB binary',
      value: {
        records,
        text: 'lorem ipsum dolor sit amet, ünïcödé 🌍 '.repeat(512),
        thumbnails: [0, 1, 2, 3].map((i) => ({ name: `thumb-${i}.png`, data: bytes(64 * KiB, i + 1) })),
        files: [{ name: 'a.bin', data: bytes(MiB, 11) }, { name: 'b.bin', data: bytes(MiB, 12) }],
      },
    },
    { name: 'binary: one 1 MiB Buffer', value: bytes(MiB, 21) },
    { name: 'objects only (no binary): 500 records', value: { records } },
  ];
}

function same(a, b) {
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    return ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }
  if (typeof a !== 'object' || a === null) return Object.is(a, b);
  if (typeof b !== 'object' || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k]));
}

/** Throws unless `decoded` is the payload: same data, and every binary field is bytes again. */
export function verify(name, adapter, original, decoded) {
  if (!same(original, decoded)) throw new Error(`${adapter} did not round-trip "${name}"`);
}
