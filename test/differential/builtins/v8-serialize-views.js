// Buffers, typed arrays and DataView: v8.serialize writes them as host objects in Node's layout
// ('\\', the type's index, the byte length, the bytes; a Buffer only its own bytes, never its
// pool), v8.deserialize gives back the same types (a Buffer as a Buffer) sharing the input's memory
// when aligned; the base Serializer writes views itself ('V' after the buffer, or a reference).
const v8 = require('v8');
const util = require('util');
const describe = (v) => `${v.constructor.name} len=${v.byteLength} ${util.inspect(v)}`;
const round = (label, value) => {
  const bytes = v8.serialize(value);
  const back = v8.deserialize(bytes);
  console.log(label, bytes.toString('hex'), ArrayBuffer.isView(back) ? describe(back) : util.inspect(back), Buffer.isBuffer(back));
  return back;
};
round('Buffer', Buffer.from('hello'));
round('Buffer empty', Buffer.alloc(0));
round('Buffer slice of pool', Buffer.from('a longer string for the pool').subarray(2, 8));
round('Buffer alloc', Buffer.alloc(10, 7));
for (const T of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]) {
  const big = T === BigInt64Array || T === BigUint64Array;
  round(T.name, new T(big ? [1n, -2n, 3n] : [1, -2, 3.5]));
  round(`${T.name} empty`, new T(0));
}
round('DataView', new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2));
round('view at offset', new Uint16Array(new ArrayBuffer(16), 4, 3));
class MyBytes extends Uint8Array {}
round('subclass', new MyBytes([1, 2]));
const tagged = new Uint8Array([1, 2]);
Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Int8Array' });
round('toStringTag decides the type', tagged);
const disguised = new Uint8Array([5]);
disguised.constructor = Buffer;
round('constructor Buffer decides', disguised);
round('views in an object', { a: Buffer.from('x'), b: new Float64Array([0.5]), c: [new Uint8Array(2)] });
const one = new Uint8Array([1]);
const twice = round('same view twice', [one, one]);
console.log('same view kept', twice[0] === twice[1]);

// Read back: aligned views share the input's memory, as Node's do.
const input = v8.serialize({ b: Buffer.from('abc'), u: new Uint8Array([4, 5]) });
const out = v8.deserialize(input);
console.log('shares input memory', out.b.buffer === input.buffer, out.u.buffer === input.buffer, out.b.byteOffset - input.byteOffset, out.u.byteOffset - input.byteOffset);
input[input.indexOf(0x61)] = 0x7a;
console.log('sees later writes', out.b.toString());
// Three padding bytes before the record put the doubles at offset 8 of a fresh buffer.
const fresh = new Uint8Array(Buffer.from(`ff0f0000005c0810${v8.serialize(new Float64Array([1.5, 2.5])).toString('hex').slice(10)}`, 'hex'));
const f = v8.deserialize(fresh);
console.log('float64 aligned', f.buffer === fresh.buffer, f.byteOffset, [...f]);
const shifted = new Uint8Array(fresh.length + 3);
shifted.set(fresh, 3);
const g = v8.deserialize(shifted.subarray(3));
console.log('float64 unaligned copied', g.buffer === shifted.buffer, [...g]);
console.log('length not a multiple', util.inspect(v8.deserialize(Buffer.from('ff0f5c0803000000', 'hex'))));
console.log('unknown type index', (() => { try { return v8.deserialize(Buffer.from('ff0f5c63026162', 'hex')); } catch (e) { return `${e.name}: ${e.message}`; } })());

// The base Serializer writes views itself, after their buffer.
const base = (label, value, views) => {
  const s = new v8.Serializer();
  if (views) s._setTreatArrayBufferViewsAsHostObjects(false);
  s.writeHeader();
  s.writeValue(value);
  const bytes = s.releaseBuffer();
  const d = new v8.Deserializer(bytes);
  d.readHeader();
  const back = d.readValue();
  console.log(label, bytes.toString('hex'), util.inspect(back, { depth: 4 }));
  return back;
};
const ab = new ArrayBuffer(8);
new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
const b1 = base('base views', [new Uint16Array(ab, 2, 2), new DataView(ab, 1, 3), ab, new Int8Array(ab)]);
console.log('base views share', b1[0].buffer === b1[2], b1[1].buffer === b1[2], b1[3].buffer === b1[2]);
base('base view alone', new Float32Array([1.5, 2]));
base('base view explicit false', new BigInt64Array([5n]), true);
const rab = new ArrayBuffer(2, { maxByteLength: 4 });
const tracking = base('base resizable', new Uint8Array(rab));
tracking.buffer.resize(4);
console.log('still tracking', tracking.length, tracking.buffer.resizable, tracking.buffer.maxByteLength);
base('base resizable with a length', new Uint8Array(new ArrayBuffer(4, { maxByteLength: 8 }), 1, 2));
for (const [sub, bytes] of [['b', '0100'], ['B', '0100'], ['C', '0100'], ['w', '0200'], ['W', '0200'], ['d', '0400'], ['D', '0400'], ['f', '0400'], ['F', '0800'], ['q', '0800'], ['Q', '0800'], ['?', '0300']]) {
  const hex = `ff0f4208${'11'.repeat(8)}56${Buffer.from(sub).toString('hex')}00${bytes.slice(0, 2)}00`;
  const d = new v8.Deserializer(Buffer.from(hex, 'hex'));
  d.readHeader();
  const v = d.readValue();
  console.log('view subtag', sub, v.constructor.name, v.byteOffset, v.byteLength);
}
const s = new v8.Serializer();
try {
  s._setTreatArrayBufferViewsAsHostObjects(true);
  s.writeValue(new Uint8Array(1));
} catch (e) {
  console.log('base host object', e.name, e.message);
}
