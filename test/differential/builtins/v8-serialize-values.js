// v8.serialize of every primitive and built-in value kind, printed as hex, and what
// v8.deserialize gives back (inspect output, type, prototype): undefined, null, booleans, int32
// (zigzag varints) against doubles, -0, NaN, BigInt, one-byte and two-byte strings, Date, RegExp
// flags, primitive wrappers, Map, Set, ArrayBuffer.
const v8 = require('v8');
const util = require('util');
const show = (label, value) => {
  let hex;
  try {
    hex = v8.serialize(value).toString('hex');
  } catch (e) {
    console.log(label, 'threw', e.name, JSON.stringify(e.message));
    return;
  }
  const back = v8.deserialize(Buffer.from(hex, 'hex'));
  const proto = back !== null && typeof back === 'object' ? Object.getPrototypeOf(back)?.constructor?.name : typeof back;
  console.log(label, hex, util.inspect(back, { depth: 5 }), proto, Object.is(back, value) || util.isDeepStrictEqual(back, value));
};

show('undefined', undefined);
show('null', null);
show('true', true);
show('false', false);
// Small integers and doubles in separate lists: a list holding both keeps every element as a
// double, and V8 writes each as one ('N').
for (const n of [0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, 2 ** 20, 2 ** 31 - 1, -(2 ** 31)]) show(`int ${n}`, n);
for (const n of [2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, -0, 0.5, 1.5, -1.25, 1e300, 5e-324, NaN, Infinity, -Infinity, Math.PI]) {
  show(`double ${Object.is(n, -0) ? '-0' : n}`, n);
}
for (const b of [0n, 1n, -1n, 255n, 256n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 64n, -(2n ** 64n), 2n ** 200n + 12345n, -(3n ** 100n)]) show(`bigint ${b}`, b);
for (const s of ['', 'a', 'abc', 'é', 'ÿ\u0000x', '\u0100', '€', 'a€', 'ab€', '😀', '\ud800', 'x'.repeat(127), 'x'.repeat(128), 'é'.repeat(300), '€'.repeat(64), '€'.repeat(65), 'x'.repeat(200) + '€']) {
  show(`string ${JSON.stringify(s).slice(0, 20)} ${s.length}`, s);
}
show('date 0', new Date(0));
show('date', new Date(Date.UTC(2020, 1, 29, 12, 30, 15, 250)));
show('date negative', new Date(-1e12));
show('date invalid', new Date(NaN));
for (const re of [/a/, /a/g, /a/i, /a/m, /a/s, /a/u, /a/y, /a/d, /a/v, /a/gimsuyd, /a\/b/, new RegExp('/\n'), new RegExp(''), /[\u{1F600}]/u, /(?<name>x)\1/]) show(`regexp ${re}`, re);
const re = /x/g;
re.lastIndex = 3;
re.extra = 1;
show('regexp lastIndex and props', re);
show('Number 1', new Number(1));
show('Number -0', new Number(-0));
show('Number NaN', new Number(NaN));
show('String', new String('ab'));
show('String two-byte', new String('a€'));
show('String empty', new String(''));
show('Boolean true', new Boolean(true));
show('Boolean false', new Boolean(false));
show('BigInt object', Object(12n));
show('BigInt object negative', Object(-(2n ** 70n)));
show('Map', new Map([[1, 'a'], ['b', { c: 2 }], [null, undefined]]));
show('Map empty', new Map());
show('Map nested', new Map([[new Map([[1, 2]]), new Set([3])]]));
show('Set', new Set([1, 'a', null, 2.5, 10n]));
show('Set empty', new Set());
show('ArrayBuffer', new Uint8Array([1, 2, 3, 250]).buffer);
show('ArrayBuffer empty', new ArrayBuffer(0));
show('ArrayBuffer 200', new ArrayBuffer(200));
show('resizable ArrayBuffer', new ArrayBuffer(2, { maxByteLength: 8 }));
const wrapped = new String('xy');
wrapped.extra = 1;
show('String with props', wrapped);
const m = new Map([[1, 2]]);
m.prop = 'lost';
show('Map with props', m);

// Dates and Numbers read from raw doubles: a Date's time is clipped as the Date constructor does.
const rawDouble = (tag, x) => {
  const b = Buffer.alloc(11);
  b[0] = 0xff;
  b[1] = 0x0f;
  b[2] = tag;
  b.writeDoubleLE(x, 3);
  return v8.deserialize(b);
};
for (const x of [1.5, -1.5, 8.64e15, 8.64e15 + 1, -0, Infinity, 0.9999]) {
  const t = rawDouble(0x44, x).getTime();
  console.log('raw date', x, t, Object.is(t, -0));
}
for (const x of [-0, NaN, 1e-320]) console.log('raw Number', x, Object.is(rawDouble(0x6e, x).valueOf(), x));
