import * as zlib from 'node:zlib';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from '../e2e/helpers.js';

/**
 * The guest's zlib against the sandbox's limits: a decompression bomb ends with ERR_BUFFER_TOO_LARGE
 * at the sandbox's output limit (its maxFileBytes), never with an exhausted host; live engines are
 * bounded and come back when streams close or are collected; hostile options stay the guest's own
 * problem; after every refusal the sandbox keeps working.
 */

/** A gzip member holding `mib` MiB of zeros (full-flushed 1 MiB deflate segments, about 1 KiB each). */
function zeroBomb(mib: number): Buffer {
  const segment = zlib.deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const trailer = Buffer.alloc(8);
  // CRC-32 of the zeros is never reached (the output limit comes first); the length is mod 2^32.
  trailer.writeUInt32LE((mib * 2 ** 20) % 2 ** 32, 4);
  return Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), ...Array<Buffer>(mib).fill(segment), Buffer.from([3, 0]), trailer]);
}

function volWith(files: Record<string, Buffer>): Volume {
  const vol = new Volume();
  for (const [name, data] of Object.entries(files)) vol.writeFileSync(name, data);
  return vol;
}

const STILL_WORKS = `console.log('still', zlib.gunzipSync(zlib.gzipSync('works')).toString());`;

describe('zlib in the sandbox: limits', () => {
  it('a 10 GiB bomb ends with ERR_BUFFER_TOO_LARGE at the default limit (256 MiB), sync and callback', async () => {
    const r = await runGuest(
      `const zlib = require('zlib');
const bomb = require('fs').readFileSync('/bomb.gz');
const show = (e) => [e.name, e.code, e.message].join(' | ');
try { zlib.gunzipSync(bomb); } catch (e) { console.log('sync', show(e)); }
try { zlib.unzipSync(bomb, { maxOutputLength: 2 ** 32 }); } catch (e) { console.log('explicit', show(e)); }
zlib.gunzip(bomb, (e, res) => { console.log('callback', show(e), res); ${STILL_WORKS} });`,
      { vol: volWith({ '/bomb.gz': zeroBomb(10240) }) },
    );
    expect(r.stderr).toBe('');
    const tooLarge = 'RangeError | ERR_BUFFER_TOO_LARGE | Cannot create a Buffer larger than 268435456 bytes';
    expect(r.stdout).toBe(`sync ${tooLarge}\nexplicit ${tooLarge}\ncallback ${tooLarge} undefined\nstill works\n`);
  });

  it('the output limit follows the sandbox maxFileBytes, and chunkSize is bounded by it', async () => {
    const r = await runGuest(
      `const zlib = require('zlib');
const bomb = require('fs').readFileSync('/bomb.gz');
try { zlib.gunzipSync(bomb); } catch (e) { console.log(e.code, e.message); }
try { zlib.brotliDecompressSync(zlib.brotliCompressSync(Buffer.alloc(5 << 20))); } catch (e) { console.log(e.code, e.message); }
try { zlib.gunzipSync(bomb, { maxOutputLength: 1000 }); } catch (e) { console.log(e.message); }
try { zlib.createGzip({ chunkSize: (4 << 20) + 1 }); } catch (e) { console.log(e.code, e.message); }
console.log(zlib.createGzip({ chunkSize: 4 << 20 })._chunkSize);
${STILL_WORKS}`,
      { vol: volWith({ '/bomb.gz': zeroBomb(64) }), limits: { maxFileBytes: 4 << 20 } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'ERR_BUFFER_TOO_LARGE Cannot create a Buffer larger than 4194304 bytes',
        'ERR_BUFFER_TOO_LARGE Cannot create a Buffer larger than 4194304 bytes',
        'Cannot create a Buffer larger than 1000 bytes',
        'ERR_OUT_OF_RANGE The value of "options.chunkSize" is out of range. It must be >= 64 and <= 4194304. Received 4194305',
        '4194304',
        'still works',
        '',
      ].join('\n'),
    );
  });

  it('a bomb read as a stream is inflated only as far as the reader reads', async () => {
    const r = await runGuest(
      `const zlib = require('zlib');
const s = zlib.createGunzip();
let total = 0;
s.on('data', (c) => { total += c.length; if (total >= 64 << 20) s.destroy(); });
s.on('close', () => { console.log('read', total >= 64 << 20, total < (64 << 20) + (1 << 20), s.bytesWritten < 200000); ${STILL_WORKS} });
s.end(require('fs').readFileSync('/bomb.gz'));`,
      { vol: volWith({ '/bomb.gz': zeroBomb(10240) }) },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('read true true true\nstill works\n');
  });

  it('live engines are bounded per sandbox and come back when streams close', async () => {
    const r = await runGuest(
      `const zlib = require('zlib');
const tick = () => new Promise((r) => setTimeout(r, 1));
const part = zlib.deflateSync('an unfinished stream').subarray(0, 6);
/** Streams that have started (their engines open on first use), with the errors they met. */
async function start(n, make, data) {
  const streams = [];
  const errors = [];
  for (let i = 0; i < n; i++) {
    const s = make();
    s.on('error', (e) => errors.push(e.code + ' ' + e.message));
    s.write(data);
    streams.push(s);
  }
  await tick();
  return { streams, errors };
}
(async () => {
  const unused = Array.from({ length: 5000 }, () => zlib.createGzip());
  console.log('never written', unused.length);
  const inflaters = await start(1100, () => zlib.createInflate(), part);
  console.log(inflaters.errors.length, new Set(inflaters.errors).size, inflaters.errors[0]);
  try { zlib.gzipSync('x'); } catch (e) { console.log('sync too', e.code); }
  inflaters.streams.forEach((s) => s.close());
  console.log(zlib.gunzipSync(zlib.gzipSync('works again')).toString());
  const brotli = await start(10, () => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } }), 'x');
  console.log('brotli', brotli.errors.length, brotli.errors[0]);
  brotli.streams.forEach((s) => s.destroy());
  try { zlib.brotliDecompressSync('x', { params: { [zlib.constants.BROTLI_DECODER_PARAM_LARGE_WINDOW]: true } }); } catch (e) { console.log('large window', e.code, e.message); }
  await tick();
  ${STILL_WORKS}
})();`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'never written 5000',
        '76 1 ERR_ZLIB_INITIALIZATION_FAILED Initialization failed: the sandbox allows at most 1024 live zlib streams',
        'sync too ERR_ZLIB_INITIALIZATION_FAILED',
        'works again',
        "brotli 3 ERR_ZLIB_INITIALIZATION_FAILED Initialization failed: the sandbox's live zlib streams may use at most 536870912 bytes of native memory",
        'large window ERR_ZLIB_INITIALIZATION_FAILED Initialization failed: brotli large windows are not available in the sandbox',
        'still works',
        '',
      ].join('\n'),
    );
  });

  it('one-step calls started all at once wait for engines instead of failing', async () => {
    const r = await runGuest(
      `const zlib = require('zlib');
const call = (fn, data, opts) => new Promise((resolve, reject) => zlib[fn](data, opts || {}, (e, res) => (e ? reject(e) : resolve(res))));
(async () => {
  const inputs = Array.from({ length: 3000 }, (_, i) => Buffer.from('file number ' + i + ' '.repeat(i % 50)));
  const gz = await Promise.all(inputs.map((b) => call('gzip', b)));
  const back = await Promise.all(gz.map((b) => call('gunzip', b)));
  console.log('gzip', back.every((b, i) => b.equals(inputs[i])));
  const br = await Promise.all(inputs.slice(0, 40).map((b) => call('brotliCompress', b, { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } })));
  console.log('brotli', (await Promise.all(br.map((b) => call('brotliDecompress', b)))).every((b, i) => b.equals(inputs[i])));
  // Streams that hold their engines and do not move: the one that finds none free fails.
  const held = Array.from({ length: 1024 }, () => { const s = zlib.createInflate(); s.write(zlib.deflateSync('x').subarray(0, 4)); return s; });
  await new Promise((r) => setTimeout(r, 5));
  zlib.gunzip(gz[0], (e) => {
    console.log('no engine free', e.code);
    held.forEach((s) => s.destroy());
    ${STILL_WORKS}
  });
})();`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('gzip true\nbrotli true\nno engine free ERR_ZLIB_INITIALIZATION_FAILED\nstill works\n');
  });

  it('streams dropped unfinished give their engines back when collected', async () => {
    const r = await runGuest(
      `const zlib = require('zlib');
const part = zlib.deflateSync('an unfinished stream').subarray(0, 6);
let errors = 0;
(async () => {
  // 3000 deflaters (three times the live limit, about 264 KiB of native state each), each written
  // to and dropped; their native memory makes V8 collect them, and their engines are closed then.
  for (let round = 0; round < 30; round++) {
    for (let i = 0; i < 100; i++) zlib.createDeflate().on('error', () => errors++).write(part);
    await new Promise((r) => setTimeout(r, 10));
  }
  console.log('3000 streams, errors:', errors);
  ${STILL_WORKS}
})();`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('3000 streams, errors: 0\nstill works\n');
  });
});

describe('zlib in the sandbox: hostile input', () => {
  it('options with getters and Proxies are read in the guest; what they throw is the guest own error', async () => {
    const r = await runGuest(
      `const zlib = require('zlib');
const mine = new Error('from the getter');
try { zlib.gzipSync('x', { get level() { throw mine; } }); } catch (e) { console.log('same error', e === mine); }
try { zlib.createBrotliCompress({ params: new Proxy({}, { ownKeys() { throw mine; } }) }); } catch (e) { console.log('same from proxy', e === mine); }
let n = 0;
const counting = { get level() { n++; return 3; } };
zlib.deflateSync('x', counting);
console.log('getter reads', n);
try { zlib.gzipSync({ toString() { return 'x'; } }); } catch (e) { console.log(e.code); }
try { zlib.gzipSync('x', { dictionary: new Proxy(new Uint8Array(2), {}) }); } catch (e) { console.log(e.code); }
// A view that lies about its size: node's binding would abort the process; the Worker refuses the call.
const view = new Uint8Array(10);
Object.defineProperty(view, 'byteLength', { get() { return 1e6; } });
try { zlib.gzipSync(view); } catch (e) { console.log('lying view', e.code, e.message); }
${STILL_WORKS}`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('same error true\nsame from proxy true\ngetter reads 2\nERR_INVALID_ARG_TYPE\nERR_INVALID_ARG_TYPE\nlying view ERR_INTERNAL zlib write out of bounds\nstill works\n');
  });
});
