import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { createSandbox, createMountVfs, type Vfs } from '../../host/index.js';
import { tempDir } from './helpers.js';

/**
 * What one run may add to its filesystem: bytes and entries, net of what it removes. Past either,
 * the call fails with ENOSPC, changes nothing, and the run goes on (it may use what it frees).
 */
const PROGRAM = `
const fs = require('fs');
const out = [];
const tryIt = (label, f) => { try { f(); out.push(label + ' ok'); } catch (e) { out.push(label + ' ' + e.code + ' ' + e.syscall); } };
fs.mkdirSync('/w', { recursive: true });
tryIt('600 KiB file', () => fs.writeFileSync('/w/a', Buffer.alloc(600 * 1024)));
tryIt('500 KiB more', () => fs.writeFileSync('/w/b', Buffer.alloc(500 * 1024)));
out.push('b exists ' + fs.existsSync('/w/b'));
tryIt('append past', () => fs.appendFileSync('/w/a', Buffer.alloc(500 * 1024)));
out.push('a size ' + fs.statSync('/w/a').size);
const fd = fs.openSync('/w/c', 'w');
tryIt('write within', () => fs.writeSync(fd, Buffer.alloc(100 * 1024)));
tryIt('write past', () => fs.writeSync(fd, Buffer.alloc(400 * 1024)));
tryIt('ftruncate past', () => fs.ftruncateSync(fd, 2 * 1024 * 1024));
fs.closeSync(fd);
tryIt('copy past', () => fs.copyFileSync('/w/a', '/w/a2'));
fs.unlinkSync('/w/a');
tryIt('after freeing', () => fs.copyFileSync('/w/c', '/w/c2'));
tryIt('overwrite smaller', () => fs.writeFileSync('/w/c2', 'tiny'));
tryIt('big again', () => fs.writeFileSync('/w/d', Buffer.alloc(700 * 1024)));
for (let i = 0; i < 30; i++) tryIt('entry ' + i, () => fs.writeFileSync('/w/e' + i, ''));
tryIt('mkdir -p past', () => fs.mkdirSync('/w/x/y/z', { recursive: true }));
tryIt('symlink past', () => fs.symlinkSync('a', '/w/link'));
fs.rmSync('/w/e0'); fs.rmSync('/w/e1');
tryIt('after rm', () => fs.mkdirSync('/w/free'));
fs.promises.writeFile('/w/async', Buffer.alloc(2 * 1024 * 1024)).then(() => out.push('async ok'), (e) => out.push('async ' + e.code)).then(() => console.log(JSON.stringify(out)));
`;

const EXPECTED = [
  '600 KiB file ok',
  '500 KiB more ENOSPC write',
  'b exists false',
  'append past ENOSPC write',
  'a size 614400',
  'write within ok',
  'write past ENOSPC write',
  'ftruncate past ENOSPC ftruncate',
  'copy past ENOSPC copyfile',
  'after freeing ok',
  'overwrite smaller ok',
  'big again ok',
];

function run(vfs: Vfs) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sandbox = createSandbox({ vfs, limits: { maxFsBytes: 1024 * 1024, maxFsEntries: 30 }, stdout: (b) => void out.push(Buffer.from(b)), stderr: (b) => void err.push(Buffer.from(b)) });
  return { sandbox, result: sandbox.run(PROGRAM).then((r) => ({ ...r, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() })) };
}

function checkRows(stdout: string): void {
  const rows = JSON.parse(stdout) as string[];
  expect(rows.slice(0, EXPECTED.length)).toEqual(EXPECTED);
  // Entries so far: /w, a(removed), c, c2, d = 4 net; 26 of the 30 new empty files fit.
  const entries = rows.filter((r) => r.startsWith('entry '));
  expect(entries.filter((r) => r.endsWith(' ok'))).toHaveLength(26);
  expect(entries.slice(26)).toEqual(['entry 26 ENOSPC open', 'entry 27 ENOSPC open', 'entry 28 ENOSPC open', 'entry 29 ENOSPC open']);
  expect(rows).toContain('mkdir -p past ENOSPC mkdir');
  expect(rows).toContain('symlink past ENOSPC symlink');
  expect(rows).toContain('after rm ok');
  expect(rows[rows.length - 1]).toBe('async ENOSPC');
}

describe('filesystem budget of a run', () => {
  it('refuses what would go over, in memory, and the next run has a budget of its own', async () => {
    const vol = new Volume();
    const { sandbox, result } = run(vol);
    const r = await result;
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    checkRows(r.stdout);
    // Nothing refused was written.
    expect(vol.existsSync('/w/b')).toBe(false);
    expect(vol.statSync('/w/a2', { throwIfNoEntry: false })).toBeUndefined();
    expect(vol.existsSync('/w/async')).toBe(false);
    const next = await sandbox.run("require('fs').writeFileSync('/next', Buffer.alloc(900 * 1024))");
    expect(next.exitCode).toBe(0);
    expect(vol.statSync('/next').size).toBe(900 * 1024);
  });

  it('applies to a mount as well', async () => {
    const dir = tempDir('v8fsb-budget-');
    try {
      const { result } = run(createMountVfs(dir));
      const r = await result;
      expect(r.stderr).toBe('');
      checkRows(r.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts only what the run adds: existing files do not use its budget', async () => {
    const dir = tempDir('v8fsb-budget-');
    try {
      mkdirSync(join(dir, 'w'));
      writeFileSync(join(dir, 'w', 'old'), Buffer.alloc(3 * 1024 * 1024));
      const sandbox = createSandbox({ mount: dir, limits: { maxFsBytes: 1024 * 1024 }, stdout: () => {}, stderr: () => {} });
      const r = await sandbox.run("const fs = require('fs'); fs.writeFileSync('/w/new', Buffer.alloc(512 * 1024)); fs.unlinkSync('/w/old'); fs.writeFileSync('/w/big', Buffer.alloc(3 * 1024 * 1024));");
      expect(r.exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has defaults, and 0 turns it off', async () => {
    expect(createSandbox().limits).toMatchObject({ maxFsBytes: 1024 ** 3, maxFsEntries: 100_000 });
    const sandbox = createSandbox({ limits: { maxFsBytes: 0, maxFsEntries: 0 }, stdout: () => {}, stderr: () => {} });
    const r = await sandbox.run("const fs = require('fs'); for (let i = 0; i < 200; i++) fs.writeFileSync('/f' + i, Buffer.alloc(64 * 1024));");
    expect(r.exitCode).toBe(0);
  });
});
