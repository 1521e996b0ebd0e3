import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { Defaults } from '../../bridge/wire/protocol.js';
import { decodeOutcome, decodeStructured, encodeOutcome, encodeStructured, ValueErrorCode, type ValueLimits } from '../../bridge/structured/index.js';
import { hostRealm } from '../../host/host-functions/index.js';

const limits: ValueLimits = { maxDepth: Defaults.maxValueDepth, maxBytes: Defaults.maxValueBytes };
const encode = (v: unknown, l = limits) => encodeStructured(v, hostRealm, l);
const decode = (b: Uint8Array, l = limits) => decodeStructured(b, hostRealm, l);
const roundTrip = (v: unknown): unknown => decode(encode(v));

function refusal(v: unknown, l = limits): { code?: string; message: string; name: string } {
  try {
    encodeStructured(v, hostRealm, l);
  } catch (e) {
    const err = e as Error & { code?: string };
    return { code: err.code, message: err.message, name: err.name };
  }
  throw new Error('expected a refusal');
}

describe('structured values: primitives and strings', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['true', true],
    ['false', false],
    ['zero', 0],
    ['negative zero', -0],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['max safe', Number.MAX_SAFE_INTEGER],
    ['2^53 + 2', 2 ** 53 + 2],
    ['min value', Number.MIN_VALUE],
    ['-2^31 - 1', -(2 ** 31) - 1],
    ['fraction', -1.5e-300],
    ['bigint 0', 0n],
    ['bigint 64-bit max', 2n ** 64n - 1n],
    ['bigint -2^64 + 1', -(2n ** 64n) + 1n],
    ['bigint -2^64', -(2n ** 64n)],
    ['bigint huge', 3n ** 5000n],
    ['bigint huge negative', -(7n ** 3000n)],
    ['empty string', ''],
    ['unicode', 'héllo 🌍 \u0000 \uffff'],
    ['lone high surrogate', 'a\ud800b'],
    ['lone low surrogate at the end', 'x\udc00'],
    ['reversed pair', '\udc00\ud800'],
    ['long string with a lone surrogate', 'y'.repeat(10_000) + '\ud83d'],
  ])('%s', (_name, value) => {
    const back = roundTrip(value);
    expect(Object.is(back, value)).toBe(true);
  });

  it('keeps -0 inside arrays, objects and Number objects', () => {
    const back = roundTrip([-0, { z: -0 }, Object(-0)]) as [number, { z: number }, number];
    expect(Object.is(back[0], -0)).toBe(true);
    expect(Object.is(back[1].z, -0)).toBe(true);
    expect(Object.is(back[2].valueOf(), -0)).toBe(true);
  });

  it('keeps lone surrogates in object keys, Map keys and String objects', () => {
    const back = roundTrip({ 'k\ud800': 1, m: new Map([['\udfff', 2]]), s: Object('\ud801') }) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['k\ud800', 'm', 's']);
    expect([...(back.m as Map<string, number>).keys()]).toEqual(['\udfff']);
    expect(String(back.s)).toBe('\ud801');
  });
});

describe('structured values: binary', () => {
  const base = new Uint8Array(64).map((_, i) => i * 3);
  it.each([
    ['Uint8Array', new Uint8Array(base.buffer, 5, 7)],
    ['Uint8ClampedArray', new Uint8ClampedArray(base.buffer, 3, 9)],
    ['Int8Array', new Int8Array(base.buffer, 1, 4)],
    ['Uint16Array', new Uint16Array(base.buffer, 2, 5)],
    ['Int16Array', new Int16Array(base.buffer, 6, 3)],
    ['Uint32Array', new Uint32Array(base.buffer, 4, 3)],
    ['Int32Array', new Int32Array(base.buffer, 8, 2)],
    ['Float32Array', new Float32Array([1.5, NaN, -0, Infinity])],
    ['Float64Array', new Float64Array(base.buffer, 8, 3)],
    ['BigInt64Array', new BigInt64Array([-1n, 2n ** 63n - 1n])],
    ['BigUint64Array', new BigUint64Array(base.buffer, 16, 2)],
  ])('%s keeps only its window, and arrives at offset 0 of its own buffer', (name, view) => {
    const back = roundTrip(view) as ArrayBufferView & ArrayLike<unknown>;
    expect(Object.prototype.toString.call(back)).toBe(`[object ${name}]`);
    expect(Buffer.isBuffer(back)).toBe(false);
    expect(back.byteOffset).toBe(0);
    expect(back.buffer.byteLength).toBe(view.byteLength);
    expect(Buffer.from(back.buffer).equals(Buffer.from(view.buffer, view.byteOffset, view.byteLength))).toBe(true);
  });

  it('Buffer stays Buffer; pooled Buffers move only their bytes', () => {
    const b = Buffer.from('pooled bytes');
    expect(b.buffer.byteLength).toBeGreaterThan(b.length);
    const back = roundTrip(b) as Buffer;
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back.toString()).toBe('pooled bytes');
    expect(back.buffer.byteLength).toBe(b.length);
  });

  it('DataView and ArrayBuffer', () => {
    const ab = new Uint8Array([9, 8, 7, 6, 5]).buffer;
    const [dv, buf] = roundTrip([new DataView(ab, 1, 3), ab]) as [DataView, ArrayBuffer];
    expect(dv).toBeInstanceOf(DataView);
    expect([dv.byteOffset, dv.byteLength, dv.getUint8(0), dv.getUint8(2)]).toEqual([0, 3, 8, 6]);
    expect(buf).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(buf)]).toEqual([9, 8, 7, 6, 5]);
  });

  it('moves bytes raw: a 1 MiB buffer costs its length plus a few bytes of framing', () => {
    const big = Buffer.alloc(1024 * 1024, 0xab);
    const wire = encode(big);
    expect(wire.length).toBeLessThan(big.length + 16);
    expect(Buffer.from(wire).indexOf(big.subarray(0, 4096))).toBeGreaterThan(0);
  });
});

describe('structured values: objects', () => {
  it('Date, RegExp, Map, Set, boxed primitives', () => {
    const re = /a(b)?/giy;
    re.lastIndex = 3;
    const value = [new Date(1_700_000_000_123), new Date(NaN), re, new Map<unknown, unknown>([[1, 'a'], [{ k: 1 }, [2]]]), new Set([1, 'x', null]), Object(true), Object(1.5), Object('s'), Object(10n)];
    const back = roundTrip(value) as unknown[];
    expect(back).toStrictEqual(value);
    expect((back[2] as RegExp).lastIndex).toBe(3);
    expect((back[2] as RegExp).flags).toBe('giy');
    expect(Number.isNaN((back[1] as Date).getTime())).toBe(true);
  });

  it('arrays keep holes; plain objects keep key order; class instances arrive as plain objects', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [1, , 3, , ,];
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
    }
    const back = roundTrip({ holey, b: 1, a: 2, 10: 'ten', p: new Point(1, 2), n: Object.create(null) }) as Record<string, unknown>;
    expect(back.holey).toStrictEqual(holey);
    expect(1 in (back.holey as unknown[])).toBe(false);
    expect((back.holey as unknown[]).length).toBe(5);
    expect(Object.keys(back)).toEqual(['10', 'holey', 'b', 'a', 'p', 'n']);
    expect(Object.getPrototypeOf(back.p)).toBe(Object.prototype);
    expect(back.p).toEqual({ x: 1, y: 2 });
  });

  it('shared and cyclic references arrive as one object', () => {
    const shared = { s: 1 };
    const a: Record<string, unknown> = { shared, again: shared };
    a.self = a;
    const m = new Map<unknown, unknown>();
    m.set(m, a);
    a.m = m;
    const list: unknown[] = [a];
    list.push(list);
    const back = roundTrip(list) as [Record<string, unknown>, unknown];
    const b = back[0];
    expect(back[1]).toBe(back);
    expect(b.self).toBe(b);
    expect(b.shared).toBe(b.again);
    const bm = b.m as Map<unknown, unknown>;
    expect(bm.get(bm)).toBe(b);
  });

  it('__proto__, constructor and prototype keys become own properties, never prototypes', () => {
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": 1}') as object;
    const back = roundTrip(evil) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const back2 = roundTrip({ __proto_: 1, ['__proto__']: 2 }) as object;
    expect(Object.keys(back2)).toEqual(['__proto_', '__proto__']);
  });
});
