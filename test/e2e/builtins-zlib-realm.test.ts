import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm invariant for zlib: the module, its classes and instances, every result (sync, callback,
 * `info` objects with their engine), every stream chunk, every error (engine errors from the
 * Worker's native zlib, validation errors, limits, sandbox refusals) and every callback argument
 * (write, flush, params, close, 'error' listeners) is the guest's own. One foreign object is an escape.
 */
describe('realm isolation of zlib', () => {
  it('every object zlib hands the guest is guest-realm', async () => {
    const r = await runGuest(`${PROBE}
const zlib = require('zlib');
const roots = { zlib, constants: zlib.constants, codes: zlib.codes, crc: zlib.crc32('x') };
const caught = (name, f) => { try { roots[name] = f(); } catch (e) { roots[name] = e; } };
const text = Buffer.from('realm probe '.repeat(500));
const gz = zlib.gzipSync(text);
caught('gzipSync', () => zlib.gzipSync(text));
caught('gunzipSync', () => zlib.gunzipSync(gz));
caught('brotli', () => zlib.brotliDecompressSync(zlib.brotliCompressSync(text)));
caught('info', () => zlib.inflateSync(zlib.deflateSync(text), { info: true }));
caught('dataError', () => zlib.gunzipSync(Buffer.from('not gzip')));
caught('bufError', () => zlib.gunzipSync(gz.subarray(0, 20)));
caught('brotliError', () => zlib.brotliDecompressSync(Buffer.from('garbage garbage')));
caught('needDict', () => zlib.inflateSync(zlib.deflateSync(text, { dictionary: Buffer.from('d') })));
caught('tooLarge', () => zlib.gunzipSync(gz, { maxOutputLength: 10 }));
caught('range', () => zlib.createGzip({ level: 42 }));
caught('type', () => zlib.gzipSync(5));
caught('brotliParam', () => zlib.createBrotliCompress({ params: { 999: 1 } }));
caught('largeWindow', () => zlib.brotliCompressSync('x', { params: { [zlib.constants.BROTLI_PARAM_LARGE_WINDOW]: 1 } }));
caught('chunkSize', () => zlib.createGzip({ chunkSize: 2 ** 31 }));
caught('lying', () => { const v = new Uint8Array(4); Object.defineProperty(v, 'byteLength', { value: 99 }); return zlib.gzipSync(v); });
for (const C of ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip', 'BrotliCompress', 'BrotliDecompress']) roots['new' + C] = new zlib[C]();
const callbacks = [];
const record = (name) => function (...args) { roots[name] = { self: this, args }; };
const done = [];
const wait = (name, f) => done.push(new Promise((resolve) => f((...args) => { roots[name] = args; resolve(); })));
wait('gzipCb', (cb) => zlib.gzip(text, cb));
wait('gunzipCb', (cb) => zlib.gunzip(gz, cb));
wait('gunzipErrCb', (cb) => zlib.gunzip(Buffer.from('bad'), cb));
wait('infoCb', (cb) => zlib.deflate(text, { info: true }, cb));
wait('limitCb', (cb) => zlib.gunzip(gz, { maxOutputLength: 5 }, cb));
wait('brotliCb', (cb) => zlib.brotliCompress(text, cb));
wait('stream', (cb) => {
  const s = zlib.createGzip({ chunkSize: 64 });
  const chunks = [];
  s.on('data', (c) => chunks.push(c));
  s.on('end', () => cb(chunks, s));
  s.write(text, record('writeCb'));
  s.flush(record('flushCb'));
  s.params(1, 0, record('paramsCb'));
  s.end();
});
wait('streamError', (cb) => { const s = zlib.createInflate(); s.on('error', (e) => cb(e, s)); s.end(Buffer.from('bad')); });
wait('closeCb', (cb) => zlib.createGunzip().close(cb));
wait('decoded', (cb) => { const s = zlib.createGunzip(); s.setEncoding('utf8'); let t = ''; s.on('data', (c) => { t += c; }); s.on('end', () => cb(t)); s.end(gz); });
Promise.all(done).then(() => console.log(JSON.stringify(probe(roots))));
`);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[] };
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(500);
  });

  it('a zlib error or result cannot reach the Worker realm', async () => {
    const r = await runGuest(`
const zlib = require('zlib');
const escape = (v) => { try { return v.constructor.constructor('return typeof process.reallyExit')(); } catch (e) { return 'threw ' + e.message; } };
const results = [];
try { zlib.gunzipSync(Buffer.from('not gzip')); } catch (e) { results.push(escape(e)); }
results.push(escape(zlib.gzipSync('x')));
zlib.gunzip(Buffer.from('bad'), (e) => {
  results.push(escape(e));
  const s = zlib.createGzip();
  s.on('data', (c) => results.push(escape(c)));
  s.on('end', () => console.log(results.join(',')));
  s.end('y');
});`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^undefined(,undefined){3,}\n$/);
  });
});
