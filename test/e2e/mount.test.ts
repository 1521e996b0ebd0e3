import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryVfs, createSandbox, type TraceEntry } from '../../host/index.js';
import { leaksHost, makeJail, SECRET, snapshot, startSwapper } from '../host/mount-jail.js';
import { randomBytes, tempDir } from './helpers.js';
import { runMounted } from './mount-helpers.js';

/**
 * `createSandbox({ mount })` through a real guest: the directory is live, nothing outside it is
 * reachable, errors name guest paths only, a symlink swapped under the guest's feet leads nowhere
 * outside, and a guest killed in the middle of a chunked write leaves the old file intact.
 */

const ESCAPES = `
const fs = require('fs');
const util = require('util');
const paths = JSON.parse(process.argv[2]);
const codes = {};
const attempt = (name, fn) => {
  try {
    const v = fn();
    codes[name] = 'ok ' + (Buffer.isBuffer(v) ? v.toString() : JSON.stringify(v));
  } catch (e) {
    codes[name] = e.code;
    console.log(e.message, e.path, e.dest, e.stack, util.inspect(e));
  }
};
for (const p of paths) {
  attempt('read ' + p, () => fs.readFileSync(p, 'utf8'));
  attempt('stat ' + p, () => fs.statSync(p).size);
  attempt('write ' + p, () => fs.writeFileSync(p, 'pwned'));
  attempt('append ' + p, () => fs.appendFileSync(p, 'pwned'));
  attempt('open ' + p, () => fs.openSync(p, 'r+'));
  attempt('list ' + p, () => fs.readdirSync(p.replace(/\\/secret$/, '')));
  attempt('copy to ' + p, () => fs.copyFileSync('/inside.txt', p));
  attempt('symlink at ' + p, () => fs.symlinkSync('x', p + '/new'));
  attempt('chmod ' + p, () => fs.chmodSync(p, 0o777));
  attempt('utimes ' + p, () => fs.utimesSync(p, 1, 1));
  attempt('realpath ' + p, () => fs.realpathSync(p));
}
// rename and link act on the name itself: onto (or of) a link inside, they rightly succeed.
for (const p of paths) {
  attempt('link to ' + p, () => fs.linkSync(p, '/hard-' + paths.indexOf(p)));
  fs.copyFileSync('/inside.txt', '/spare');
  attempt('rename to ' + p, () => fs.renameSync('/spare', p));
}
attempt('read via /', () => fs.readFileSync('/to-root/to-up/sub/up3/inside.txt', 'utf8'));
attempt('rm -rf /', () => fs.rmSync('/', { recursive: true, force: true }));
fs.writeFileSync('/written-by-guest', 'hello host');
console.log('CODES ' + JSON.stringify(codes));
`;

describe('a guest over a mounted directory', () => {
  it('reads and writes the directory itself and reaches nothing outside it', async () => {
    const jail = makeJail();
    const before = snapshot(jail);
    const paths = ['/../outside/secret', '/rel-out', '/abs-out', '/dir-out/secret', '/dir-abs-out/secret', '/chain1', jail.secret];
    const r = await runMounted(ESCAPES, jail.root, { args: [JSON.stringify(paths)] });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const codes = JSON.parse(r.stdout.split('CODES ')[1]!) as Record<string, string>;
    for (const [op, code] of Object.entries(codes)) {
      if (op === 'read via /') expect(code).toBe('ok "inside"');
      else if (op === 'rm -rf /') expect(code).toBe('EBUSY');
      else if (!/^(rename|link) /.test(op)) expect(code, op).toMatch(/^E[A-Z]+$/);
    }
    expect(r.stdout).not.toContain(SECRET);
    // Every message, path, stack and inspection the guest printed names guest paths only (the
    // host path the guest typed itself aside).
    expect(leaksHost(jail, r.stdout.split(jail.secret).join('<typed>').split(jail.outside).join('<typed>'))).toBe(false);
    expect(snapshot(jail)).toEqual(before);
    expect(fs.readFileSync(join(jail.root, 'written-by-guest'), 'utf8')).toBe('hello host');
    expect(fs.readFileSync(join(jail.root, 'inside.txt'), 'utf8')).toBe('inside');
  });

  it('never reads outside bytes nor writes outside while links are swapped under it', async () => {
    const jail = makeJail();
    const before = snapshot(jail);
    const swapper = await startSwapper(jail);
    const source = `
      const fs = require('fs');
      const counts = {};
      const tally = (k) => { counts[k] = (counts[k] || 0) + 1; };
      const buf = Buffer.alloc(64);
      // 1000 rounds of six operations; whole-file writes (each fsynced) one round in four.
      for (let i = 0; i < 1000; i++) {
        for (const [name, fn] of [
          ['read flip', () => fs.readFileSync('/flip', 'utf8')],
          ['read d', () => fs.readFileSync('/d/secret', 'utf8')],
          ['fd d', () => { const fd = fs.openSync('/d/secret', 'r'); try { return buf.toString('utf8', 0, fs.readSync(fd, buf, 0, 64, 0)); } finally { fs.closeSync(fd); } }],
          ['write flip', () => (i % 4 === 0 ? fs.writeFileSync('/flip', 'inside-' + i) : '')],
          ['write d', () => (i % 4 === 1 ? fs.writeFileSync('/d/secret', 'inside-d-' + i) : '')],
          ['list d', () => fs.readdirSync('/d').join()],
        ]) {
          try {
            const v = String(fn());
            tally(v.includes('SECRET') ? 'ESCAPED ' + name : name + ' ok');
          } catch (e) {
            tally(name + ' ' + e.code);
          }
        }
      }
      console.log(JSON.stringify(counts));
    `;
    const r = await runMounted(source, jail.root);
    await swapper.stop();
    expect(r.stderr).toBe('');
    const counts = JSON.parse(r.stdout) as Record<string, number>;
    expect(Object.keys(counts).filter((k) => k.startsWith('ESCAPED'))).toEqual([]);
    for (const k of ['read flip ok', 'read d ok', 'fd d ok']) expect(counts[k], k).toBeGreaterThan(0);
    expect(Object.keys(counts).some((k) => k.endsWith('ENOENT'))).toBe(true);
    expect(snapshot(jail)).toEqual(before);
  });

  it('a guest killed in the middle of a chunked write leaves the old file and no temporary file', async () => {
    const dir = tempDir('v8fsb-kill-');
    const old = randomBytes(100_000, 8);
    fs.writeFileSync(join(dir, 'big.bin'), old);
    const before = fs.readdirSync(dir);
    const trace: TraceEntry[] = [];
    const out: string[] = [];
    // 128 MiB through a 4 KiB window is 32768 acknowledged chunks. Once the guest has said
    // 'writing', the host's event loop is held (as a busy embedder would) until well past the time
    // limit: the guest is then parked waiting for the acknowledgement of an early chunk, and the
    // limit ends the run there, whatever the speed of the machine.
    const sandbox = createSandbox({
      mount: dir,
      limits: { windowBytes: 4096, timeoutMs: 1000, spinIterations: 0, hostSpinMicros: 0 },
      trace: (t) => void trace.push(t),
      stderr: () => undefined,
      stdout: (b) => {
        out.push(Buffer.from(b).toString());
        if (out.join('') === 'writing\n') {
          setImmediate(() => {
            const until = performance.now() + 1500;
            while (performance.now() < until);
          });
        }
      },
    });
    const source = `
      const fs = require('fs');
      const big = Buffer.alloc(128 * 1024 * 1024);
      fs.writeFileSync('/warm-up', 'x');
      console.log('writing');
      fs.writeFileSync('/big.bin', big);
      console.log('written');
    `;
    const r = await sandbox.run(source);
    (sandbox.vfs as { close?: () => void }).close?.();
    expect(r.terminated).toBe('timeout');
    expect(out.join('')).toBe('writing\n');
    // Only the warm-up write reached the filesystem: the big one was still arriving in chunks.
    expect(trace.filter((t) => t.method.startsWith('fs.write')).map((t) => t.requestBytes < 1024)).toEqual([true]);
    expect(fs.readFileSync(join(dir, 'big.bin')).equals(old)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual([...before, 'warm-up'].sort());
  });

  it('takes a mount or a vfs, not both', () => {
    expect(() => createSandbox({ mount: tempDir(), vfs: createMemoryVfs() })).toThrow(TypeError);
    expect(() => createSandbox({ mount: join(tempDir(), 'missing') })).toThrow(/ENOENT/);
  });
});
