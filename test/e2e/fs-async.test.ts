import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { randomBytes, runGuest } from './helpers.js';

/**
 * Async fs is really async: callback and promise forms travel as messages, so the guest's timers keep
 * firing while a large read is in flight, and many calls can be in flight at once.
 */

/** The same checksum on both sides. */
function checksum(b: Uint8Array): number {
  let h = 0;
  for (let i = 0; i < b.length; i += 997) h = (h * 31 + b[i]!) >>> 0;
  return h;
}
const CHECKSUM = `function checksum(b) { let h = 0; for (let i = 0; i < b.length; i += 997) h = (h * 31 + b[i]) >>> 0; return h; }`;

describe('async fs', () => {
  it('guest timers fire while a 64 MiB fs.promises.readFile is in flight', async () => {
    const vol = new Volume();
    const data = randomBytes(64 * 1024 * 1024, 5);
    vol.writeFileSync('/big.bin', data);
    const r = await runGuest(`${CHECKSUM}
const fs = require('fs');
let ticks = 0;
let ticksWhilePending = 0;
let pending = true;
const iv = setInterval(() => { ticks++; if (pending) ticksWhilePending++; }, 1);
const sync = (() => { const before = ticks; fs.readFileSync('/big.bin'); return ticks - before; })();
fs.promises.readFile('/big.bin').then((b) => {
  pending = false;
  clearInterval(iv);
  console.log(JSON.stringify({ size: b.length, sum: checksum(b), ticksWhilePending, sync }));
});`, { vol, limits: { timeoutMs: 60_000 } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { size: number; sum: number; ticksWhilePending: number; sync: number };
    expect(out.size).toBe(data.length);
    expect(out.sum).toBe(checksum(data));
    // The blocking form holds the guest's event loop; the message form leaves it running.
    expect(out.sync).toBe(0);
    expect(out.ticksWhilePending).toBeGreaterThan(0);
    const reads = r.trace.filter((t) => t.method === 'fs.readFileSync');
    expect(reads.map((t) => t.transport)).toEqual(['sync', 'async']);
    expect(reads.every((t) => t.status === 2 && t.responseBytes === data.length)).toBe(true);
  }, 90_000);

  it('guest timers fire while a large callback read and a FileHandle read are in flight', async () => {
    const vol = new Volume();
    vol.writeFileSync('/big.bin', randomBytes(48 * 1024 * 1024, 6));
    const r = await runGuest(`
const fs = require('fs');
let ticks = 0;
const iv = setInterval(() => ticks++, 1);
const out = {};
fs.open('/big.bin', (err, fd) => {
  const before = ticks;
  fs.read(fd, Buffer.alloc(48 * 1024 * 1024), 0, 48 * 1024 * 1024, 0, (err2, n) => {
    out.callback = { n, ticks: ticks - before };
    fs.closeSync(fd);
    fs.promises.open('/big.bin').then(async (fh) => {
      const at = ticks;
      const { bytesRead } = await fh.read(Buffer.alloc(48 * 1024 * 1024), 0, 48 * 1024 * 1024, 0);
      out.handle = { n: bytesRead, ticks: ticks - at };
      await fh.close();
      clearInterval(iv);
      console.log(JSON.stringify(out));
    });
  });
});`, { vol, limits: { timeoutMs: 60_000 } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, { n: number; ticks: number }>;
    expect(out.callback!.n).toBe(48 * 1024 * 1024);
    expect(out.handle!.n).toBe(48 * 1024 * 1024);
    expect(out.callback!.ticks).toBeGreaterThan(0);
    expect(out.handle!.ticks).toBeGreaterThan(0);
  }, 90_000);

  it('100 concurrent fs.promises.readFile calls all complete with the right bytes', async () => {
    const vol = new Volume();
    const sums: number[] = [];
    for (let i = 0; i < 100; i++) {
      const file = randomBytes(1000 + i * 9973, i + 1);
      vol.writeFileSync(`/f${i}.bin`, file);
      sums.push(checksum(file));
    }
    const r = await runGuest(`${CHECKSUM}
const fs = require('fs');
let settled = 0;
const calls = [];
for (let i = 0; i < 100; i++) calls.push(fs.promises.readFile('/f' + i + '.bin').then((b) => (settled++, [b.length, checksum(b)])));
const settledWhenAllSent = settled;
Promise.all(calls).then((results) => console.log(JSON.stringify({ settledWhenAllSent, results })));`, { vol });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { settledWhenAllSent: number; results: [number, number][] };
    expect(out.settledWhenAllSent).toBe(0);
    expect(out.results.map(([n]) => n)).toEqual(sums.map((_, i) => 1000 + i * 9973));
    expect(out.results.map(([, s]) => s)).toEqual(sums);
    const reads = r.trace.filter((t) => t.method === 'fs.readFileSync');
    expect(reads).toHaveLength(100);
    expect(reads.every((t) => t.transport === 'async' && t.status === 2)).toBe(true);
  }, 60_000);

  it('callback and promise forms of descriptor, stat and stream calls travel as messages', async () => {
    const vol = new Volume();
    vol.writeFileSync('/a.txt', 'hello');
    const r = await runGuest(`
const fs = require('fs');
fs.open('/a.txt', 'r+', (e, fd) => fs.read(fd, Buffer.alloc(5), 0, 5, 0, () => fs.write(fd, 'x', 0, () =>
  fs.fstat(fd, () => fs.ftruncate(fd, 4, () => fs.fsync(fd, () => fs.fdatasync(fd, () => fs.close(fd, async () => {
    await fs.promises.stat('/a.txt');
    await fs.promises.lstat('/a.txt');
    const fh = await fs.promises.open('/a.txt', 'r+');
    await fh.read(Buffer.alloc(2), 0, 2, 0);
    await fh.write('y', 1);
    await fh.stat();
    await fh.truncate(3);
    await fh.sync();
    await fh.readFile();
    await fh.writeFile('z');
    await fh.close();
    fs.createReadStream('/a.txt').on('close', () => {
      const ws = fs.createWriteStream('/b.txt');
      ws.end('done', () => console.log('ok'));
    }).resume();
  }))))))));`, { vol });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok\n');
    const methods = new Set(r.trace.filter((t) => t.method.startsWith('fs.')).map((t) => `${t.method} ${t.transport}`));
    expect([...methods].every((m) => m.endsWith(' async'))).toBe(true);
    for (const m of ['openSync', 'readSync', 'writeSync', 'fstatSync', 'ftruncateSync', 'fsyncSync', 'fdatasyncSync', 'closeSync', 'statSync', 'lstatSync', 'readFileSync', 'writeFileSync']) {
      expect(methods.has(`fs.${m} async`)).toBe(true);
    }
    expect(Buffer.from(vol.readFileSync('/b.txt') as Buffer).toString()).toBe('done');
  }, 30_000);
});
