/**
 * One source, evaluated in both realms: `makeValues()` builds one value of every kind that crosses,
 * `same(a, b, withStack)` compares two values of the SAME realm deeply (prototypes included, so a
 * value of the wrong realm never compares equal), and `shape(name, v)` checks what equality cannot
 * see: identity of shared and cyclic references, holes, views at offset 0 of their own buffer.
 */
export const VALUES_SOURCE = String.raw`
function makeValues() {
  const base = new Uint8Array(64).map((_, i) => (i * 7 + 1) & 0xff);
  const shared = { s: 'shared' };
  const cycle = { name: 'cycle' };
  cycle.self = cycle;
  const re = /x(y)?\u{1F600}/gimsuy;
  re.lastIndex = 4;
  const error = new TypeError('bad thing', { cause: new Error('root cause') });
  error.code = 'E_BAD';
  error.extra = { n: 1, bytes: Buffer.from('xy') };
  const named = new RangeError('renamed');
  named.name = 'CustomError';
  return {
    undefined: undefined, null: null, true: true, false: false, int: 42, negInt: -7, float: -1.5e-300,
    negZero: -0, nan: NaN, inf: Infinity, negInf: -Infinity, maxSafe: Number.MAX_SAFE_INTEGER,
    bigint: 12345678901234567890n, bigNeg: -(2n ** 200n),
    string: 'héllo 🌍 \u0000', empty: '', lone: 'a\ud800b\udc00', loneLong: 'z'.repeat(5000) + '\udbff',
    buffer: Buffer.from('buffer bytes'), u8: new Uint8Array(base.buffer, 3, 10), u8c: new Uint8ClampedArray(base.buffer, 1, 5),
    i8: new Int8Array(base.buffer, 7, 6), u16: new Uint16Array(base.buffer, 2, 4), i16: new Int16Array(base.buffer, 10, 3),
    u32: new Uint32Array(base.buffer, 4, 4), i32: new Int32Array(base.buffer, 12, 2), f32: new Float32Array([1.5, -0, NaN, -Infinity]),
    f64: new Float64Array(base.buffer, 8, 3), bi64: new BigInt64Array([-1n, 2n ** 63n - 1n]), bu64: new BigUint64Array(base.buffer, 16, 2),
    dataView: new DataView(base.buffer, 5, 9), arrayBuffer: base.buffer.slice(0, 16), emptyBytes: new Uint8Array(0),
    date: new Date(1700000000123), badDate: new Date(NaN), regexp: re,
    map: new Map([[1, 'one'], ['k', { deep: [1] }], [{ obj: 'key' }, new Set([1])]]),
    set: new Set([1, 'two', { three: 3 }, 4n]),
    array: [1, 'a', [2, [3]], { x: 1 }, undefined], holes: [1, , 3, , ,],
    object: { a: 1, b: { c: [1, 2] }, 'odd key': true, 10: 'ten', u: undefined },
    boxedBool: Object(false), boxedNum: Object(-0), boxedStr: Object('str\ud800'), boxedBig: Object(7n),
    error, named, evalError: new EvalError('e'), rangeError: new RangeError('r'), referenceError: new ReferenceError('f'),
    syntaxError: new SyntaxError('s'), uriError: new URIError('u'), aggregate: new AggregateError([new RangeError('inner'), 'str'], 'agg'),
    cycle, shared: { x: shared, y: shared, list: [shared] },
    protoKeys: JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": 1}'),
  };
}

function bytesOf(v) {
  return v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function sameError(a, b, withStack, seen) {
  if (a.name !== b.name || a.message !== b.message || (withStack && a.stack !== b.stack)) return false;
  if (Object.hasOwn(a, 'cause') !== Object.hasOwn(b, 'cause') || !same(a.cause, b.cause, withStack, seen)) return false;
  return !(a instanceof AggregateError) || same(a.errors, b.errors, withStack, seen);
}

function sameEntries(a, b, withStack, seen) {
  const x = [...a], y = [...b];
  return x.length === y.length && x.every((item, i) => same(item, y[i], withStack, seen));
}

function same(a, b, withStack, seen = new Map()) {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (seen.has(a)) return seen.get(a) === b;
  seen.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (ArrayBuffer.isView(a) || a instanceof ArrayBuffer) {
    const x = bytesOf(a), y = bytesOf(b);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (a instanceof RegExp) return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
  if (a instanceof Map || a instanceof Set) return sameEntries(a, b, withStack, seen);
  if ([Boolean, Number, String, BigInt].some((C) => a instanceof C)) return Object.is(a.valueOf(), b.valueOf());
  if (a instanceof Error && !sameError(a, b, withStack, seen)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if ((i in a) !== (i in b) || !same(a[i], b[i], withStack, seen)) return false;
    return true;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k], withStack, seen));
}

function shape(name, v) {
  switch (name) {
    case 'cycle': return v.self === v;
    case 'shared': return v.x === v.y && v.list[0] === v.x;
    case 'holes': return !(1 in v) && !(4 in v) && v.length === 5;
    case 'protoKeys': return Object.getPrototypeOf(v) === Object.prototype && Object.hasOwn(v, '__proto__') && ({}).polluted === undefined;
    case 'buffer': return Buffer.isBuffer(v) && v.byteOffset === 0 && v.buffer.byteLength === v.length;
    case 'arrayBuffer': return v instanceof ArrayBuffer;
    case 'error': return Object.keys(v).join() === 'code,extra' && Buffer.isBuffer(v.extra.bytes) && !Object.getOwnPropertyDescriptor(v, 'cause').enumerable;
    default: return !ArrayBuffer.isView(v) || (v.byteOffset === 0 && v.buffer.byteLength === v.byteLength && !Buffer.isBuffer(v));
  }
}
`;

/** The same functions, built in the host's realm. */
export function hostSide(): {
  makeValues(): Record<string, unknown>;
  same(a: unknown, b: unknown, withStack: boolean): boolean;
  shape(name: string, v: unknown): boolean;
} {
  return new Function(`${VALUES_SOURCE}; return { makeValues, same, shape };`)() as ReturnType<typeof hostSide>;
}

/** Names of the error values, for the throw tests. */
export const ERROR_NAMES = ['error', 'named', 'evalError', 'rangeError', 'referenceError', 'syntaxError', 'uriError', 'aggregate'];
