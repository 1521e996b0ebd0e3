import { Buffer } from 'node:buffer';
import vm from 'node:vm';
import { Encoder, Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { Defaults } from '../../bridge/wire/protocol.js';
import { decodeOutcome, decodeStructured, encodeOutcome, encodeStructured, ValueErrorCode, type ValueLimits } from '../../bridge/structured/index.js';
import { ValueTag } from '../../bridge/structured/tags.js';
import { hostRealm } from '../../host/host-functions/index.js';

const limits: ValueLimits = { maxDepth: Defaults.maxValueDepth, maxBytes: Defaults.maxValueBytes };
const roundTrip = (v: unknown): unknown => decodeStructured(encodeStructured(v, hostRealm, limits), hostRealm, limits);

function failure(run: () => unknown): Error & { code?: string } {
  try {
    run();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a failure');
}
const refusal = (v: unknown, l = limits) => failure(() => encodeStructured(v, hostRealm, l, ''));
const malformed = (bytes: Uint8Array, l = limits) => failure(() => decodeStructured(bytes, hostRealm, l));

describe('structured values: errors', () => {
  it.each([Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError])('%o keeps class, name, message, stack, cause, code and extra properties', (Ctor) => {
    const cause = new Error('root');
    const e = Object.assign(new Ctor('boom', { cause }), { code: 'E_X', extra: { n: 1 }, bytes: Buffer.from('ab') });
    const back = roundTrip(e) as Error & Record<string, unknown>;
    expect(back).toBeInstanceOf(Ctor);
    expect(Object.getPrototypeOf(back)).toBe(Ctor.prototype);
    expect([back.name, back.message, back.stack, back.code]).toEqual([e.name, 'boom', e.stack, 'E_X']);
    expect((back.cause as Error).message).toBe('root');
    expect(back.extra).toEqual({ n: 1 });
    expect(Buffer.isBuffer(back.bytes)).toBe(true);
    expect(Object.keys(back)).toEqual(['code', 'extra', 'bytes']);
    expect(Object.getOwnPropertyDescriptor(back, 'cause')?.enumerable).toBe(false);
  });

  it('AggregateError keeps its errors; custom names and subclasses keep their name', () => {
    class MyError extends TypeError {
      override name = 'MyError';
    }
    class Other extends RangeError {}
    Other.prototype.name = 'OtherName';
    const agg = new AggregateError([new MyError('a'), new Other('b'), 'plain'], 'many');
    const back = roundTrip(agg) as AggregateError;
    expect(back).toBeInstanceOf(AggregateError);
    expect(back.message).toBe('many');
    const [a, b, c] = back.errors as [Error, Error, string];
    expect([a.constructor, a.name, a.message]).toEqual([TypeError, 'MyError', 'a']);
    expect([b.constructor, b.name, b.message]).toEqual([RangeError, 'OtherName', 'b']);
    expect(c).toBe('plain');
  });

  it('errors of another realm arrive as this realm errors of the same class', () => {
    const foreign = vm.runInNewContext('const e = new URIError("far"); e.code = "E_FAR"; e') as Error & { code: string };
    const back = roundTrip(foreign) as URIError & { code: string };
    expect(back).toBeInstanceOf(URIError);
    expect([back.message, back.code]).toEqual(['far', 'E_FAR']);
  });

  it('an error whose cause is itself survives', () => {
    const e = new Error('loop') as Error & { cause?: unknown };
    e.cause = e;
    const back = roundTrip(e) as Error & { cause?: unknown };
    expect(back.cause).toBe(back);
  });

  it('an outcome that cannot cross becomes a thrown error naming its path', () => {
    const reply = decodeOutcome(encodeOutcome({ threw: false, value: { ok: 1, fn: () => 1 } }, hostRealm, limits), hostRealm, limits);
    expect(reply.threw).toBe(true);
    expect((reply.value as Error).message).toBe('cannot pass result.fn: function');
    expect((reply.value as { code: string }).code).toBe(ValueErrorCode.Unsupported);
  });
});

describe('structured values: refusals name the path', () => {
  const accessor = Object.defineProperty({}, 'x', { get: () => 1, enumerable: true });
  function* gen() {}
  it.each([
    ['a function', [() => 1], '[0]: function'],
    ['a symbol', [{ s: Symbol('s') }], '[0].s: symbol'],
    ['an accessor', [{ p: accessor }], '[0].p.x: accessor'],
    ['a Promise', [[1, Promise.resolve()]], '[0][1]: Promise'],
    ['a WeakMap', [{ 'odd key': new WeakMap() }], '[0]["odd key"]: WeakMap'],
    ['a WeakSet', [new WeakSet()], '[0]: WeakSet'],
    ['a WeakRef', [new WeakRef({})], '[0]: WeakRef'],
    ['a generator', [gen()], '[0]: generator'],
    ['an iterator', [[1].values()], '[0]: iterator'],
    ['a proxy', [new Proxy({}, {})], '[0]: proxy'],
    ['a symbol-keyed property', [{ [Symbol('k')]: 1 }], '[0][Symbol(k)]: symbol-keyed property'],
    ['a Map value', [new Map([['k', () => 1]])], '[0].<value 0>: function'],
    ['a Set item', [new Set([1, Symbol()])], '[0].<item 1>: symbol'],
    ['an error property', [Object.assign(new Error('x'), { f: () => 1 })], '[0].f: function'],
    ['a SharedArrayBuffer', [new SharedArrayBuffer(8)], '[0]: SharedArrayBuffer'],
  ])('%s', (_name, value, path) => {
    const e = refusal(value);
    expect(e).toBeInstanceOf(TypeError);
    expect(e.code).toBe(ValueErrorCode.Unsupported);
    expect(e.message).toBe(`cannot pass ${path}`);
  });
});

describe('structured values: limits', () => {
  it('refuses values nested deeper than maxDepth, with the path', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 5; i++) at = at.n = {};
    const e = refusal(deep, { maxDepth: 3, maxBytes: 1000 });
    expect([e.name, e.code, e.message]).toEqual(['RangeError', ValueErrorCode.TooDeep, 'cannot pass .n.n.n: nested deeper than 3 levels']);
    expect(() => encodeStructured({ n: { n: {} } }, hostRealm, { maxDepth: 3, maxBytes: 1000 })).not.toThrow();
  });

  it('a linked list just under the default depth crosses', () => {
    let list: unknown = null;
    for (let i = 0; i < Defaults.maxValueDepth - 1; i++) list = { i, next: list };
    expect((roundTrip(list) as { i: number }).i).toBe(Defaults.maxValueDepth - 2);
    expect(refusal({ a: { list } }).code).toBe(ValueErrorCode.TooDeep);
  });

  it('a stack that runs out is reported as too deep, never as a bare RangeError', () => {
    let list: unknown = null;
    for (let i = 0; i < 100_000; i++) list = [list];
    expect(refusal(list, { maxDepth: 1e9, maxBytes: 1e9 }).code).toBe(ValueErrorCode.TooDeep);
  });

  it('refuses values over maxBytes before and after encoding', () => {
    const e = refusal([Buffer.alloc(2000)], { maxDepth: 10, maxBytes: 1000 });
    expect([e.name, e.code]).toEqual(['RangeError', ValueErrorCode.TooLarge]);
    expect(e.message).toBe('cannot pass [0]: encoded value is over the limit of 1000 bytes');
    const sparse: unknown[] = [];
    sparse[2 ** 31] = 1;
    expect(refusal(sparse, { maxDepth: 10, maxBytes: 1 << 20 }).code).toBe(ValueErrorCode.TooLarge);
    const big = encodeStructured(Buffer.alloc(2000), hostRealm, limits);
    expect(malformed(big, { maxDepth: 10, maxBytes: 1000 }).code).toBe(ValueErrorCode.TooLarge);
  });

  it('decoding refuses trees deeper than maxDepth', () => {
    const bytes = encodeStructured([[[[1]]]], hostRealm, limits);
    expect(malformed(bytes, { maxDepth: 3, maxBytes: 1000 }).code).toBe(ValueErrorCode.TooDeep);
  });
});

describe('structured values: hostile input', () => {
  const raw = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false, pack: false });
  it.each([
    ['garbage', Buffer.from([0xff, 0x00, 0x13])],
    ['truncated', encodeStructured({ a: 'hello' }, hostRealm, limits).subarray(0, 4)],
    ['a CBOR map', raw.encode(new Map([['a', 1]]))],
    ['a standard Date tag', Buffer.from([0xc1, 0x1a, 0x65, 0x00, 0x00, 0x00])],
    ['a record', new Encoder({ useRecords: true }).encode({ a: 1 })],
    ['an unknown private tag', raw.encode(new Tag(1, 0x55ff))],
    ['a forward reference', raw.encode([new Tag(5, ValueTag.Ref)])],
    ['a reference to nothing', raw.encode(new Tag(0, ValueTag.Ref))],
    ['an odd Wtf16', raw.encode(new Tag(Buffer.from([1]), ValueTag.Wtf16))],
    ['a bad BigInt', raw.encode(new Tag('0x12', ValueTag.BigInt))],
    ['a Float64Array of 7 bytes', raw.encode(new Tag(Buffer.alloc(7), ValueTag.Float64Array))],
    ['an Error of an unknown class', raw.encode(new Tag(['Evil', null, null, null, null, null, []], ValueTag.Error))],
    ['an Object with an odd pair list', raw.encode(new Tag(['a'], ValueTag.Object))],
    ['an Object with a numeric key', raw.encode(new Tag([1, 2], ValueTag.Object))],
    ['a RegExp with a bad pattern', raw.encode(new Tag(['(', '', 0], ValueTag.RegExp))],
    ['a Date of a string', raw.encode(new Tag('2020', ValueTag.Date))],
    ['a Boolean object of an object', raw.encode(new Tag(new Tag([], ValueTag.Object), ValueTag.BoxedBoolean))],
    ['10000 nested arrays', Buffer.concat([Buffer.alloc(10000, 0x81), Buffer.from([0x01])])],
    ['200000 nested arrays', Buffer.concat([Buffer.alloc(200000, 0x81), Buffer.from([0x01])])],
  ])('%s is malformed, never a crash', (_name, bytes) => {
    const e = malformed(bytes);
    expect([ValueErrorCode.Malformed, ValueErrorCode.TooDeep]).toContain(e.code);
  });

  it('a 1 MB bignum or decimal fraction decodes in linear time', () => {
    const bignum = Buffer.concat([Buffer.from([0xc2, 0x5a, 0, 0x10, 0, 0]), Buffer.alloc(0x100000, 0xff)]);
    let start = performance.now();
    expect(typeof decodeStructured(bignum, hostRealm, limits)).toBe('bigint');
    expect(performance.now() - start).toBeLessThan(2000);
    const fraction = Buffer.concat([Buffer.from([0xc4, 0x82, 0x01]), bignum]);
    start = performance.now();
    expect(malformed(fraction).code).toBe(ValueErrorCode.Malformed);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
