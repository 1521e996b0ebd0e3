import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';

/**
 * fs.Dir against hostile use: thousands of handles left open (a Dir holds no host descriptor, so
 * nothing runs out and nothing is left when the run ends), Proxies and throwing getters as options,
 * and handles used after close. Every refusal is Node's error and the sandbox keeps answering.
 */
describe('opendir against hostile input', () => {
  it('refuses or survives each, and the sandbox keeps working', async () => {
    const vol = new Volume();
    vol.mkdirSync('/d');
    for (let i = 0; i < 50; i++) vol.writeFileSync(`/d/f${i}`, '');
    const r = await runGuest(
      `
      const fs = require('fs');
      const out = {};
      const tryIt = (label, f) => { try { out[label] = String(f()); } catch (e) { out[label] = e.code + ' ' + e.message; } };
      const open = [];
      tryIt('5000 open handles', () => { for (let i = 0; i < 5000; i++) open.push(fs.opendirSync('/d')); return open.length; });
      tryIt('each reads its own', () => open.every((d) => d.readSync() !== null) && open[4999].readSync() !== null);
      tryIt('a file still opens', () => { const fd = fs.openSync('/d/f0', 'r'); fs.closeSync(fd); return fd > 2; });
      tryIt('throwing getter', () => fs.opendirSync('/d', { get bufferSize() { throw new Error('getter'); } }));
      tryIt('proxy options', () => fs.opendirSync('/d', new Proxy({}, { get: () => undefined })).readSync() !== null);
      const d = fs.opendirSync('/d'); d.closeSync();
      tryIt('read after close', () => d.readSync());
      tryIt('entries after close', () => typeof d.entries().next);
      tryIt('next call', () => fs.readdirSync('/d').length);
      console.log(JSON.stringify(out));
      `,
      { vol },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      '5000 open handles': '5000',
      'each reads its own': 'true',
      'a file still opens': 'true',
      'throwing getter': 'undefined getter',
      'proxy options': 'true',
      'read after close': 'ERR_DIR_CLOSED Directory handle was closed',
      'entries after close': 'function',
      'next call': '50',
    });
  });
});
