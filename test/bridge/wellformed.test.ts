import { Encoder } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { CborError, checkCbor } from '../../bridge/wire/wellformed.js';
import { decodeArgs, decodeValue, encodeArgs } from '../../bridge/wire/values.js';

/** The well-formedness check run before cbor-x decodes arguments and values (bridge/wire/wellformed.ts). */

const b = (...bytes: number[]) => Uint8Array.from(bytes);
const kindOf = (bytes: Uint8Array, maxDepth?: number): string => {
  try {
    checkCbor(bytes, maxDepth);
    return 'ok';
  } catch (e) {
    if (!(e instanceof CborError)) throw e;
    return `${e.kind}@${e.offset}`;
  }
};

describe('checkCbor', () => {
  it('accepts what the encoders write, indefinite items included', () => {
    const values = [[], ['/a', 1, -1, 2 ** 40, -(2 ** 40), 1.5, null, true, undefined], [Buffer.alloc(300), 'é'.repeat(100)], [{ a: [1, { b: 2 }] }], [new Map([[1, 2]])], [new Date(0), 10n ** 30n]];
    for (const v of values) expect(kindOf(encodeArgs(v))).toBe('ok');
    expect(kindOf(new Encoder({ structuredClone: true }).encode([new Set([1]), /x/g]))).toBe('ok');
    expect(kindOf(b(0x9f, 0x01, 0xbf, 0x61, 0x61, 0x02, 0xff, 0x5f, 0x41, 0x00, 0x40, 0xff, 0xff))).toBe('ok');
    expect(kindOf(b(0xf9, 0x3c, 0x00))).toBe('ok');
  });

  it.each([
    ['empty', b(), 'truncated@0'],
    ['a map head cut short', b(0xbb), 'truncated@0'],
    ['a half float cut short', b(0x82, 0xf9, 0x92, 0x7f, 0x19), 'truncated@4'],
    ['a string longer than the bytes', b(0x7a, 0xff, 0xff, 0xff, 0xff, 0x61), 'truncated@0'],
    ['an array of 2^64-1 items', b(0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), 'truncated@0'],
    ['a map of more pairs than bytes', b(0xa2, 0x01, 0x02, 0x03), 'truncated@0'],
    ['an unclosed container', b(0x82, 0x82, 0x01, 0x02), 'truncated@4'],
    ['an unclosed indefinite array', b(0x9f, 0x01), 'truncated@2'],
    ['reserved additional information', b(0x1c), 'malformed@0'],
    ['an indefinite integer', b(0x1f), 'malformed@0'],
    ['an indefinite tag', b(0xdf, 0x01), 'malformed@0'],
    ['a break at the top', b(0xff), 'malformed@0'],
    ['a break in a definite array', b(0x81, 0xff), 'malformed@1'],
    ['a text chunk in an indefinite byte string', b(0x5f, 0x61, 0x61, 0xff), 'malformed@1'],
    ['a nested indefinite chunk', b(0x7f, 0x7f, 0xff, 0xff), 'malformed@1'],
    ['trailing bytes', b(0x80, 0x00), 'malformed@1'],
  ])('refuses %s', (_name, bytes, expected) => {
    expect(kindOf(bytes)).toBe(expected);
  });

  it('refuses nesting past the limit, in arrays, maps, tags and indefinite arrays, without recursion', () => {
    for (const unit of [[0x81], [0xa1, 0x00], [0xc6], [0x9f]]) {
      const deep = (levels: number): Uint8Array => {
        const out: number[] = [];
        for (let i = 0; i < levels; i++) out.push(...unit);
        out.push(0x01);
        if (unit[0] === 0x9f) for (let i = 0; i < levels; i++) out.push(0xff);
        return Uint8Array.from(out);
      };
      expect(kindOf(deep(256))).toBe('ok');
      expect(kindOf(deep(257))).toMatch(/^malformed@/);
      expect(kindOf(deep(1_000_000))).toMatch(/^malformed@/);
      expect(kindOf(deep(10), 5)).toMatch(/^malformed@/);
    }
  });

  it('makes decodeArgs and decodeValue throw CborError for anything cbor-x refuses', () => {
    expect(() => decodeArgs(b(0xbb))).toThrow(CborError);
    expect(() => decodeValue(b(0x82, 0xf9, 0x92, 0x7f, 0x19))).toThrow(CborError);
    expect(() => decodeArgs(encodeArgs([1]).subarray(1))).toThrow(/call arguments must be one CBOR array/);
    expect(() => decodeArgs(b(0x81, 0xa1, 0x80, 0x01))).toThrow(CborError);
    expect(decodeArgs(encodeArgs(['/a', Buffer.from('x')]))).toEqual(['/a', Buffer.from('x')]);
  });
});
