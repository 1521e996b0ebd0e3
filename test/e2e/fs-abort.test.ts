import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest, tempDir } from './helpers.js';
import { runMounted } from './mount-helpers.js';

/**
 * An abort while a large whole-file write is in flight: the caller gets Node's AbortError at once,
 * and the file holds its old content or the whole new one, never a part (the host applies a
 * whole-file write at once, on a mount by an atomic rename). The next calls get their own answers.
 */
const PROGRAM = `
const fs = require('fs');
const size = 24 * 1024 * 1024;
const big = Buffer.alloc(size, 0x61);
(async () => {
  const results = [];
  for (const [label, start] of [
    ['promises.writeFile', (signal) => fs.promises.writeFile('/data/file.bin', big, { signal })],
    ['promises.appendFile', (signal) => fs.promises.appendFile('/data/file.bin', big, { signal })],
    ['writeFile', (signal) => new Promise((res, rej) => fs.writeFile('/data/file.bin', big, { signal }, (e) => (e ? rej(e) : res())))],
    ['promises.readFile', (signal) => fs.promises.readFile('/data/big.bin', { signal })],
  ]) {
    const ac = new AbortController();
    const p = start(ac.signal);
    ac.abort(new Error('stop ' + label));
    const outcome = await p.then(() => 'resolved', (e) => e.name + ' ' + e.code + ' ' + e.cause.message);
    const size = fs.statSync('/data/file.bin').size;
    results.push([label, outcome, size]);
  }
  // The next calls get their own answers.
  results.push(['after', fs.readFileSync('/data/small.txt', 'utf8'), (await fs.promises.readFile('/data/small.txt', 'utf8'))]);
  console.log(JSON.stringify(results));
})();
`;

type Row = [string, string, number | string];

function check(stdout: string, oldSize: number): void {
  const rows = JSON.parse(stdout) as Row[];
  const whole = 24 * 1024 * 1024;
  for (const [label, outcome, size] of rows.slice(0, 4)) {
    expect(outcome, label).toBe(`AbortError ABORT_ERR stop ${label}`);
    // Old content, the whole new content, or (for appends) old plus the whole appended part.
    expect([oldSize, whole, whole * 2, oldSize + whole, whole * 3], label).toContain(size);
  }
  expect(rows[4]).toEqual(['after', 'small', 'small']);
}

/** The old content (or none), then only whole 24 MiB writes of 'a': no write was cut short. */
function madeOfWholeWrites(file: Buffer): boolean {
  const old = Buffer.from('old content');
  const rest = file.subarray(0, old.length).equals(old) ? file.subarray(old.length) : file;
  return rest.length % (24 * 1024 * 1024) === 0 && rest.every((b) => b === 0x61);
}

describe('signal: an abort during a large transfer', () => {
  it('rejects at once and never leaves a partly written file (memory filesystem)', async () => {
    const vol = Volume.fromJSON({ '/data/file.bin': 'old content', '/data/small.txt': 'small' });
    vol.writeFileSync('/data/big.bin', Buffer.alloc(8 * 1024 * 1024, 1));
    const run = await runGuest(PROGRAM, { vol });
    expect(run.stderr).toBe('');
    check(run.stdout, 'old content'.length);
    expect(madeOfWholeWrites(vol.readFileSync('/data/file.bin') as Buffer)).toBe(true);
  });

  it('rejects at once and never leaves a partly written file (--mount)', async () => {
    const dir = tempDir('v8fsb-abort-');
    try {
      writeFileSync(join(dir, 'file.bin'), 'old content');
      writeFileSync(join(dir, 'small.txt'), 'small');
      writeFileSync(join(dir, 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 1));
      const run = await runMounted(PROGRAM.replaceAll('/data/', '/'), dir);
      expect(run.stderr).toBe('');
      check(run.stdout, 'old content'.length);
      expect(madeOfWholeWrites(readFileSync(join(dir, 'file.bin')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
