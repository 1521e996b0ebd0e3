import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';

/**
 * cp against hostile trees and callbacks: a symlink loop followed with `dereference` ends in an
 * error (the kernel's, or the name-length limit) instead of running forever, filters that are
 * Proxies or throw, and a wide tree copied whole; the sandbox answers the next call.
 */
describe('cp against hostile input', () => {
  it('ends or refuses each, and the sandbox keeps working', async () => {
    const vol = new Volume();
    vol.mkdirSync('/loop');
    vol.writeFileSync('/loop/f.txt', 'f');
    vol.symlinkSync('.', '/loop/self');
    vol.mkdirSync('/wide');
    for (let i = 0; i < 2000; i++) vol.writeFileSync(`/wide/f${i}.txt`, String(i));
    const r = await runGuest(
      `
      const fs = require('fs');
      const out = {};
      const tryIt = (label, f) => { try { out[label] = String(f()); } catch (e) { out[label] = e.code; } };
      tryIt('loop followed', () => fs.cpSync('/loop', '/copy-loop', { recursive: true, dereference: true }));
      tryIt('loop kept as a link', () => (fs.cpSync('/loop', '/copy-link', { recursive: true }), fs.readlinkSync('/copy-link/self')));
      tryIt('proxy filter', () => (fs.cpSync('/loop/f.txt', '/p.txt', { filter: new Proxy(() => true, {}) }), fs.existsSync('/p.txt')));
      tryIt('filter with a throwing getter result', () => fs.cpSync('/loop/f.txt', '/q.txt', { filter: () => ({ get [Symbol.toPrimitive]() { throw new Error('no'); } }) }));
      const t = Date.now();
      tryIt('2000 files', () => (fs.cpSync('/wide', '/wide-copy', { recursive: true }), fs.readdirSync('/wide-copy').length));
      out.wideMs = Date.now() - t;
      tryIt('next call', () => fs.readFileSync('/wide-copy/f1999.txt', 'utf8'));
      console.log(JSON.stringify(out));
      `,
      { vol },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, string | number>;
    expect(['ELOOP', 'ENAMETOOLONG']).toContain(out['loop followed']);
    // As in Node: a relative link target is made absolute (without verbatimSymlinks).
    expect(out['loop kept as a link']).toBe('/loop');
    expect(out['proxy filter']).toBe('true');
    // The filter's result is only tested for truth: the object is truthy, so the file is copied.
    expect(out['filter with a throwing getter result']).toBe('undefined');
    expect(out['2000 files']).toBe('2000');
    expect(out['next call']).toBe('1999');
    expect(vol.readdirSync('/wide-copy')).toHaveLength(2000);
  });
});
