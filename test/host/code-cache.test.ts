import { describe, expect, it } from 'vitest';
import { CodeCache } from '../../host/index.js';

/** The host's store of V8 code caches: bounded, keyed by content hashes, fed only well-formed entries. */
const key = (n: number, kind = 'cjs') => `${kind}:${n.toString(16).padStart(40, '0')}`;

describe('CodeCache', () => {
  it('keeps entries as shared memory and hands a new Worker the same buffers', () => {
    const cache = new CodeCache({ maxBytes: 1000 });
    cache.add(key(1), new Uint8Array([1, 2, 3]));
    const snap = cache.snapshot();
    expect([...snap.keys()]).toEqual([key(1)]);
    expect(snap.get(key(1))).toBeInstanceOf(SharedArrayBuffer);
    expect([...new Uint8Array(snap.get(key(1))!)]).toEqual([1, 2, 3]);
    expect(cache.snapshot().get(key(1))).toBe(snap.get(key(1)));
    expect(cache.bytes).toBe(3);
  });

  it('evicts the oldest entries past maxBytes and refuses an entry larger than the bound', () => {
    const cache = new CodeCache({ maxBytes: 10 });
    cache.add(key(1), new Uint8Array(4));
    cache.add(key(2), new Uint8Array(4));
    cache.add(key(3, 'esm'), new Uint8Array(4));
    expect([...cache.snapshot().keys()]).toEqual([key(2), key(3, 'esm')]);
    expect(cache.bytes).toBe(8);
    cache.add(key(4), new Uint8Array(11));
    expect(cache.size).toBe(2);
    cache.clear();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });

  it.each([
    ['a key that is not a content hash', 'cjs:xyz', new Uint8Array(1)],
    ['an unknown kind', `wasm:${'0'.repeat(40)}`, new Uint8Array(1)],
    ['data that is not bytes', key(1), [1, 2]],
    ['empty data', key(1), new Uint8Array(0)],
    ['a number as the key', 5, new Uint8Array(1)],
  ])('ignores %s', (_name, k, data) => {
    const cache = new CodeCache();
    cache.add(k, data);
    expect(cache.size).toBe(0);
  });

  it('keeps the first entry for a key', () => {
    const cache = new CodeCache();
    cache.add(key(1), new Uint8Array([1]));
    cache.add(key(1), new Uint8Array([2, 2]));
    expect([...new Uint8Array(cache.snapshot().get(key(1))!)]).toEqual([1]);
  });

  it('rejects a bad bound', () => {
    expect(() => new CodeCache({ maxBytes: -1 })).toThrow(RangeError);
    expect(new CodeCache({ maxBytes: 0 }).maxBytes).toBe(0);
    expect(new CodeCache().maxBytes).toBe(64 * 1024 * 1024);
  });
});
