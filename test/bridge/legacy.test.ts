import { describe, expect, it } from 'vitest';
import {
  base64Length,
  decodeBase64,
  encodeBase64,
  encodeLegacy,
  fromLegacyBytes,
  isLegacyBytesTagged,
  LegacyBytesError,
  MAX_LEGACY_DEPTH,
  reviveLegacy,
  toLegacyBytes,
} from '../../bridge/legacy.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const obj = (base64: unknown) => ({ __agentOsType: 'bytes', base64 });

describe('decodeBase64: canonical base64 only', () => {
  it.each([
    ['', []],
    ['AA==', [0]],
    ['AAE=', [0, 1]],
    ['AAEC', [0, 1, 2]],
    ['/w==', [0xff]],
    ['+/+/', [0xfb, 0xff, 0xbf]],
    ['SGVsbG8=', [...Buffer.from('Hello')]],
    ['oQBhYQ==', [0xa1, 0x00, 0x61, 0x61]],
  ])('%j -> %j', (text, expected) => {
    const out = decodeBase64(text);
    expect(Buffer.isBuffer(out)).toBe(true);
    expect([...out]).toEqual(expected);
  });

  it.each([
    ['A', '1 characters is not a multiple of 4'],
    ['AA=', '3 characters is not a multiple of 4'],
    ['AAAAA', '5 characters is not a multiple of 4'],
    ['AB==', 'non-canonical base64'],
    ['AAF=', 'non-canonical base64'],
    ['AA-_', 'character "-" at offset 2 is not base64'],
    ['AA A', 'character " " at offset 2 is not base64'],
    ['AA\nA', 'character "\\n" at offset 2 is not base64'],
    ['A===', 'character "=" at offset 1 is not base64'],
    ['====', 'character "=" at offset 0 is not base64'],
    ['AA==AA==', 'character "=" at offset 2 is not base64'],
    ['AAé=', 'character "é" at offset 2 is not base64'],
  ])('%j is rejected: %s', (text, detail) => {
    expect(() => decodeBase64(text, 'here')).toThrow(LegacyBytesError);
    expect(() => decodeBase64(text, 'here')).toThrow(`invalid legacy bytes at here: ${detail}`);
  });

  it('errors carry a stable code and are TypeErrors', () => {
    const e = (() => {
      try {
        decodeBase64('A');
      } catch (x) {
        return x as LegacyBytesError;
      }
    })();
    expect(e).toBeInstanceOf(TypeError);
    expect(e?.code).toBe('ERR_BRIDGE_INVALID_BYTES');
  });
});

describe('encode and decode round trip', () => {
  it.each([0, 1, 2, 3, 4, 5, 255, 256, 300_000])('%i bytes', (n) => {
    const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
    const legacy = toLegacyBytes(data);
    expect(Object.keys(legacy)).toEqual(['__agentOsType', 'base64']);
    expect(legacy.base64).toBe(Buffer.from(data).toString('base64'));
    expect(legacy.base64.length).toBe(base64Length(n));
    expect(fromLegacyBytes(legacy).equals(data)).toBe(true);
  });

  it('encodes a view, not its whole buffer', () => {
    const whole = bytes(9, 1, 2, 3, 9);
    expect(encodeBase64(whole.subarray(1, 4))).toBe('AQID');
  });
});

describe('fromLegacyBytes: the shape is checked, clearly', () => {
  it.each([
    ['missing base64', { __agentOsType: 'bytes' }, 'base64 must be a string, got undefined'],
    ['base64 a number', obj(5), 'base64 must be a string, got number'],
    ['base64 null', obj(null), 'base64 must be a string, got null'],
    ['base64 bytes', obj(bytes(1)), 'base64 must be a string, got object'],
    ['an extra key', { ...obj('AA=='), length: 1 }, 'unexpected key "length" on a bytes object'],
    ['a long extra key', { ...obj('AA=='), ['k'.repeat(100)]: 1 }, `unexpected key "${'k'.repeat(40)}..."`],
    ['bad base64', obj('AB=='), 'at x.base64: non-canonical'],
    ['not tagged', { base64: 'AA==' }, 'expected an object with __agentOsType: "bytes"'],
    ['an array', [], 'expected an object'],
  ])('%s', (_name, value, message) => {
    expect(() => fromLegacyBytes(value, 'x')).toThrow(LegacyBytesError);
    expect(() => fromLegacyBytes(value, 'x')).toThrow(message);
  });
});

describe('reviveLegacy: bytes objects at any depth become Buffers; other objects are left alone', () => {
  it('top level, in arrays, in objects, object in array in object', () => {
    expect([...(reviveLegacy(obj('AAEC')) as Buffer)]).toEqual([0, 1, 2]);
    const value = { a: [1, { b: obj('/w=='), c: 'text' }], d: [obj('')] };
    const out = reviveLegacy(value) as { a: [number, { b: Buffer; c: string }]; d: [Buffer] };
    expect(out).toBe(value);
    expect(Buffer.isBuffer(out.a[1].b)).toBe(true);
    expect([...out.a[1].b]).toEqual([0xff]);
    expect(out.a[1].c).toBe('text');
    expect(out.d[0].length).toBe(0);
  });

  it.each([
    ['another __agentOsType', { __agentOsType: 'text', base64: 'AB==' }],
    ['no __agentOsType', { base64: 'not base64 at all' }],
    ['__agentOsType on the prototype', Object.create({ __agentOsType: 'bytes' }) as object],
    ['sqlite shape', { __agentosSqliteType: 'uint8array', value: 'AA==' }],
    ['TLS shape', { type: 'buffer', data: [1, 2] }],
    ['stdin shape', { dataBase64: 'AA==' }],
    ['a string that is base64', 'AAEC'],
    ['a Uint8Array', bytes(1, 2)],
  ])('%s', (_name, value) => {
    const snapshot = JSON.stringify(value);
    expect(reviveLegacy(value)).toBe(value);
    expect(JSON.stringify(value)).toBe(snapshot);
  });

  it('names where a malformed one was found', () => {
    expect(() => reviveLegacy({ list: [0, { data: obj('AAE') }] }, 'result')).toThrow('invalid legacy bytes at result["list"][1]["data"].base64: 3 characters');
    expect(() => reviveLegacy([{ ...obj('AA=='), extra: 1 }], 'arguments')).toThrow('at arguments[0]: unexpected key "extra"');
  });

  it('keeps a __proto__ key an own property and never touches the prototype', () => {
    const value = JSON.parse('{"__proto__": {"__agentOsType": "bytes", "base64": "AQ=="}}') as Record<string, unknown>;
    reviveLegacy(value);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect([...(Object.getOwnPropertyDescriptor(value, '__proto__')!.value as Buffer)]).toEqual([1]);
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    let deep: unknown = obj('AA==');
    for (let i = 0; i < MAX_LEGACY_DEPTH + 5; i++) deep = [deep];
    expect(() => reviveLegacy(deep)).toThrow(`nested deeper than ${MAX_LEGACY_DEPTH} levels`);
  });
});

describe('encodeLegacy: every Uint8Array becomes a bytes object, copy on write', () => {
  it('nested bytes, without modifying the input', () => {
    const input = { a: [1, { b: bytes(0, 1, 2), c: 'x' }], same: { n: 1 }, buf: Buffer.from('hi') };
    const out = encodeLegacy(input) as { a: [number, { b: unknown; c: string }]; same: unknown; buf: unknown };
    expect(out.a[1].b).toEqual(obj('AAEC'));
    expect(out.buf).toEqual(obj('aGk='));
    expect(input.a[1]).toHaveProperty('b', bytes(0, 1, 2));
    expect(out.same).toBe(input.same);
    expect(out).not.toBe(input);
  });

  it.each([
    ['no bytes', { a: [1, 'two', null, { b: true }] }],
    ['an existing bytes object', obj('AA==')],
    ['a primitive', 42],
    ['other typed arrays', new Uint16Array(2)],
  ])('%s passes unchanged (same reference)', (_name, value) => {
    expect(encodeLegacy(value)).toBe(value);
  });

  it('a cyclic value fails cleanly', () => {
    const a: unknown[] = [bytes(1)];
    a.push(a);
    expect(() => encodeLegacy(a)).toThrow(LegacyBytesError);
  });

  it('round trips through reviveLegacy', () => {
    const input = [{ x: bytes(), y: [bytes(255, 0)] }, 'AA=='];
    const back = reviveLegacy(structuredClone(encodeLegacy(input))) as [{ x: Buffer; y: [Buffer] }, string];
    expect(back[0].x.length).toBe(0);
    expect([...back[0].y[0]]).toEqual([255, 0]);
    expect(back[1]).toBe('AA==');
  });

  it('isLegacyBytesTagged is about the tag only', () => {
    expect(isLegacyBytesTagged(obj(5))).toBe(true);
    expect(isLegacyBytesTagged({ __agentOsType: 'Bytes' })).toBe(false);
    expect(isLegacyBytesTagged(null)).toBe(false);
  });
});
