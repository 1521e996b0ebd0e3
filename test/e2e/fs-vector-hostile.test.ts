import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';

/**
 * Hostile use of the descriptor functions: huge vectors, Proxies as buffers, and sizes past the
 * sandbox's largest file. Each fails with a Node-style error (or works), the host allocates nothing
 * according to a size it was told, and the sandbox answers the next call.
 */
describe('vectors, metadata and truncate against hostile input', () => {
  it('refuses or survives each, and the sandbox keeps working', async () => {
    const vol = new Volume();
    vol.writeFileSync('/f.bin', Buffer.alloc(64, 7));
    const r = await runGuest(
      `
      const fs = require('fs');
      const out = {};
      const tryIt = (label, f) => { try { out[label] = String(f()); } catch (e) { out[label] = e.code + ' ' + (e.syscall || e.name); } };
      const fd = fs.openSync('/f.bin', 'r+');
      tryIt('thousands of buffers', () => fs.readvSync(fd, Array.from({ length: 5000 }, () => Buffer.alloc(1)), 0));
      tryIt('thousands written', () => fs.writevSync(fd, Array.from({ length: 5000 }, (_, i) => Buffer.from([i & 255])), 0));
      tryIt('size after', () => fs.fstatSync(fd).size);
      tryIt('proxy buffer', () => fs.readvSync(fd, [new Proxy(Buffer.alloc(4), {})], 0));
      tryIt('proxy list', () => fs.readvSync(fd, new Proxy([Buffer.alloc(4)], {}), 0));
      tryIt('ftruncate past the limit', () => fs.ftruncateSync(fd, 2 ** 40));
      tryIt('truncate past the limit', () => fs.truncateSync('/f.bin', 2 ** 45));
      tryIt('write far away', () => fs.writeSync(fd, Buffer.from('x'), 0, 1, 2 ** 40));
      tryIt('writev far away', () => fs.writevSync(fd, [Buffer.from('x')], 2 ** 41));
      tryIt('fchmod huge mode', () => fs.fchmodSync(fd, 2 ** 33));
      tryIt('futimes NaN', () => fs.futimesSync(fd, NaN, 1));
      tryIt('fchown huge', () => fs.fchownSync(fd, 2 ** 40, 0));
      tryIt('statfs escape', () => fs.statfsSync('/../../..').bsize > 0);
      tryIt('size still', () => fs.fstatSync(fd).size);
      fs.closeSync(fd);
      tryIt('next call', () => fs.readFileSync('/f.bin').length);
      console.log(JSON.stringify(out));
      `,
      { vol, limits: { maxFileBytes: 1024 * 1024, maxFsBytes: 0 } },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      'thousands of buffers': '64',
      'thousands written': '5000',
      'size after': '5000',
      // As in Node: a Proxy is not an ArrayBufferView, a Proxy of an array is an array.
      'proxy buffer': 'ERR_INVALID_ARG_TYPE TypeError',
      'proxy list': '4',
      'ftruncate past the limit': 'EFBIG ftruncate',
      'truncate past the limit': 'EFBIG ftruncate',
      'write far away': 'EFBIG write',
      'writev far away': 'EFBIG write',
      'fchmod huge mode': 'ERR_OUT_OF_RANGE RangeError',
      'futimes NaN': 'ERR_INVALID_ARG_TYPE TypeError',
      'fchown huge': 'ERR_OUT_OF_RANGE RangeError',
      'statfs escape': 'true',
      'size still': '5000',
      'next call': '5000',
    });
    expect(vol.statSync('/f.bin').size).toBe(5000);
  });
});
