// zlib option and argument validation, exactly as Node: every option's range and type errors (in
// Node's order of checks), brotli params, crc32, the order in which options are read (a Proxy logs
// it), and the module's shape: classes callable without `new`, their chain, constants, codes and
// the hidden legacy constants.
const zlib = require('zlib');
const { Transform } = require('stream');

const show = (e) => `${e.name} ${e.code} ${e.message}`;
const attempt = (label, f) => { try { const r = f(); console.log(label, 'ok', r && r.constructor && r.constructor.name); } catch (e) { console.log(label, show(e)); } };

const values = [undefined, null, NaN, 0, -1, 1, 8, 9, 10, 15, 16, 64, 63, 1.5, Infinity, -Infinity, '9', true, {}, [], 2 ** 33];
for (const option of ['level', 'windowBits', 'memLevel', 'strategy', 'chunkSize', 'flush', 'finishFlush']) {
  for (const v of values) {
    for (const ctor of ['Deflate', 'Gzip', 'Inflate', 'DeflateRaw', 'Unzip']) attempt(`${ctor} ${option}=${String(v)}`, () => new zlib[ctor]({ [option]: v }));
  }
}
for (const v of values) attempt(`brotli flush=${String(v)}`, () => zlib.createBrotliCompress({ flush: v }));
for (const v of values) attempt(`brotli chunkSize=${String(v)}`, () => zlib.createBrotliDecompress({ chunkSize: v }));
attempt('first failing option wins', () => zlib.createGzip({ chunkSize: 1, level: 99, flush: 99 }));
attempt('zlib before base options', () => zlib.createGzip({ maxOutputLength: 0, memLevel: 0 }));

// Dictionary types.
for (const d of ['abc', 5, null, {}, new Uint8Array([1, 2]), new Float32Array(2), new DataView(new ArrayBuffer(4)), new ArrayBuffer(3), Buffer.from('dict')]) {
  attempt(`dictionary ${Object.prototype.toString.call(d)}`, () => zlib.createDeflate({ dictionary: d }));
}

// Brotli parameters.
const P = zlib.constants;
for (const params of [{ [P.BROTLI_PARAM_QUALITY]: 4 }, { 99: 1 }, { '-1': 1 }, { abc: 1 }, { 1.5: 1 }, { [P.BROTLI_PARAM_MODE]: 'text' }, { [P.BROTLI_PARAM_MODE]: null }, { [P.BROTLI_PARAM_QUALITY]: true }, [5, 6], { '01': 1, 1: 2 }, { 1: -1, '01': 2 }, { [P.BROTLI_PARAM_SIZE_HINT]: 1e6 }, 'str', 5]) {
  attempt(`brotli params ${JSON.stringify(params)}`, () => zlib.createBrotliCompress({ params }));
}

// Inputs and callbacks.
for (const v of [5, null, undefined, {}, [1, 2], true, Symbol('s')]) {
  attempt(`gzipSync(${typeof v})`, () => zlib.gzipSync(v));
}
attempt('gzip no callback', () => zlib.gzip('x'));
attempt('gzip options no callback', () => zlib.gzip('x', {}));
attempt('gzip callback not function', () => zlib.gzip('x', {}, 'nope'));
attempt('gzip bad options first', () => zlib.gzip('x', { level: 100 }));
attempt('gzip number input', () => zlib.gzip(5, () => {}));
attempt('gzipSync options null', () => zlib.gzipSync('x', null).length);
attempt('gzipSync options string', () => zlib.gzipSync('x', 'abc').length);
attempt('gzipSync options number', () => zlib.gzipSync('x', 7).length);

// crc32.
console.log('crc32', zlib.crc32(''), zlib.crc32('hello'), zlib.crc32('héllo ✓'), zlib.crc32(Buffer.from('hello')), zlib.crc32(new Uint16Array([1, 2, 3])), zlib.crc32(new DataView(new ArrayBuffer(8))), zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32('hello world'));
for (const [d, v] of [[5, 0], [null, 0], [new ArrayBuffer(2), 0], ['x', -1], ['x', 1.5], ['x', 2 ** 32], ['x', '1'], ['x', null]]) attempt(`crc32(${Object.prototype.toString.call(d)}, ${String(v)})`, () => zlib.crc32(d, v));
console.log('crc32 undefined value', zlib.crc32('x', undefined));

// The order Node reads options in.
const reads = [];
const spy = (target) => new Proxy(target, { get(t, k) { reads.push(String(k)); return t[k]; }, has(t, k) { reads.push(`has ${String(k)}`); return k in t; }, ownKeys(t) { reads.push('ownKeys'); return Reflect.ownKeys(t); } });
zlib.createGzip(spy({ level: 5, chunkSize: 1024 }));
console.log('gzip reads', reads.splice(0).join(','));
zlib.createInflate(spy({}));
console.log('inflate reads', reads.splice(0).join(','));
zlib.createBrotliCompress(spy({ params: spy({ 1: 5 }) }));
console.log('brotli reads', reads.splice(0).join(','));
zlib.gzipSync('x', spy({ info: true }));
console.log('sync reads', reads.splice(0).join(','));

// Shape of the module and its classes.
console.log(Object.keys(zlib).join(','));
console.log(Object.getOwnPropertyNames(zlib).filter((k) => !Object.keys(zlib).includes(k)).join(','));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(zlib, 'Z_OK')), JSON.stringify(Object.getOwnPropertyDescriptor(zlib, 'constants')).replace(/"value":\{.*\}/, 'V'), JSON.stringify(Object.getOwnPropertyDescriptor(zlib, 'codes')).replace(/"value":\{.*\}/, 'V'));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(zlib, 'createGzip')).replace(/"value":\{?.*\}?,/, ''), zlib.createGzip.name, zlib.gzip.name, zlib.gzipSync.name, zlib.crc32.name, zlib.crc32.length, zlib.gzip.length, zlib.gzipSync.length);
console.log(JSON.stringify(zlib.constants));
console.log(JSON.stringify(zlib.codes), Object.isFrozen(zlib.codes), Object.isFrozen(zlib.constants));
for (const name of ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip', 'BrotliCompress', 'BrotliDecompress']) {
  const C = zlib[name];
  const a = C();
  const b = new C();
  const parent = Object.getPrototypeOf(C);
  console.log(name, C.name, C.length, a instanceof C, b instanceof Transform, a.constructor === C, parent.name, Object.getPrototypeOf(parent).name, Object.getPrototypeOf(Object.getPrototypeOf(parent)).name, typeof C.prototype.params, typeof C.prototype.flush, typeof C.prototype.reset);
  a.close(); b.close();
}
const g = zlib.createGzip();
console.log('fields', g.bytesWritten, g._chunkSize, g._defaultFlushFlag, g._finishFlushFlag, g._defaultFullFlushFlag, g._maxOutputLength, g._level, g._strategy, g._closed, g._writeState.length, g._outOffset, g._outBuffer.length, g._info, 'bytesRead' in g);
const b = zlib.createBrotliCompress({ chunkSize: 100, info: 'yes', maxOutputLength: 5 });
console.log('brotli fields', b._chunkSize, b._defaultFlushFlag, b._finishFlushFlag, b._defaultFullFlushFlag, b._maxOutputLength, b._level, b._info, b._outBuffer.length);
const objectMode = zlib.createGzip({ objectMode: true, encoding: 'hex', writableObjectMode: true });
console.log('object mode forced off', objectMode.readableObjectMode, objectMode.writableObjectMode, objectMode.readableEncoding);
g.close(); b.close(); objectMode.close();
