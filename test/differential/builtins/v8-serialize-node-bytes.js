// Bytes written by Node 20's v8.serialize (captured once, kept here as hex) read back by
// v8.deserialize: values of every kind, references and cycles, Buffers and typed arrays, errors,
// unicode; then written again, which gives the same bytes except for arrays, which V8 makes with
// holey elements and so writes sparse the second time.
const v8 = require('v8');
const util = require('util');
const written = {
  primitives: 'ff0f410e5f3054464900490d4e000000000000e0414e9a9999999999b93f4e00000000000000804e000000000000f87f22047465787422037476e5006308ac20750072006f005a20d20a3f4eeee073c3f60fe98e0100000024000e',
  object: 'ff0f6f4914220374656e220161490222066e65737465646f2204646565704103490249046f2201782201797b012400037b01220f6b6579207769746820737061636573307b04',
  arrays: 'ff0f410441034902490449062400036103490049024904490640020341024e000000000000f83f4e000000000000044024000241012201612205657874726154240101240004',
  collections: 'ff0f3b2203736574274902490449062c0322036d61703b6f7b0041002400003a023a04',
  dates: 'ff0f41034400000000000000004400008056febc784244000000000000f87f240003',
  regexps: 'ff0f4103522203616263015222065b612d7a5d2b36522201788801240003',
  wrappers: 'ff0f41046e000000000000144073220777726170706564787a100900000000000000240004',
  error: 'ff0f72546d220362616463726d2204726f6f7473220b4572726f723a20726f6f742e732217547970654572726f723a206261640a20202020617420782e',
  buffers: 'ff0f6f22036275665c0a0a6e6f646520627974657322037531365c04040100ffff22036633325c07040000803e220264765c0902000022036269675c0b08ffffffffffffffff22026162420207077b06',
  refs: 'ff0f6f2201616f2206736861726564547b0122016241025e015e012400022201633b5e015e013a027b03',
  unicode: 'ff0f6f0063083a043b044e044704631037043d043004470435043d04380435046304e5652c6763029e8a2205656d6f6a690063083dd84ddc3cd8fddf22046c6f6e65630200dc7b04',
  cycle: 'ff0f6f22046e616d6522056379636c6522026d655e00220361727241015e002400017b03',
};
for (const [name, hex] of Object.entries(written)) {
  const input = Buffer.from(hex, 'hex');
  const value = v8.deserialize(input);
  // A view's buffer is the input's memory (or a copy from the pool): its contents are not shown.
  const shown = name === 'buffers' ? Object.entries(value).map(([k, v]) => `${k}=${v.constructor.name}(${v.byteLength}) ${ArrayBuffer.isView(v) ? [...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)] : [...new Uint8Array(v)]}`) : value;
  console.log(name, util.inspect(shown, { depth: 6, breakLength: 120 }));
  const again = v8.serialize(value).toString('hex');
  console.log('  same bytes again', again === hex, again === hex ? '' : again);
}
const cycle = v8.deserialize(Buffer.from(written.cycle, 'hex'));
console.log('cycle', cycle.me === cycle, cycle.arr[0] === cycle);
const refs = v8.deserialize(Buffer.from(written.refs, 'hex'));
console.log('refs', refs.a === refs.b[0], refs.b[0] === refs.b[1], refs.c.get(refs.a) === refs.a);
const error = v8.deserialize(Buffer.from(written.error, 'hex'));
console.log('error', error instanceof TypeError, error.cause instanceof Error, JSON.stringify(error.stack), JSON.stringify(error.cause.stack), Object.keys(error));
const buffers = v8.deserialize(Buffer.from(written.buffers, 'hex'));
console.log('buffers', Buffer.isBuffer(buffers.buf), buffers.buf.toString(), buffers.u16 instanceof Uint16Array, buffers.dv instanceof DataView, buffers.ab instanceof ArrayBuffer);
