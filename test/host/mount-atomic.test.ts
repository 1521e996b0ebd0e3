import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createMountVfs } from '../../host/index.js';
import { randomBytes, tempDir } from '../e2e/helpers.js';

const exec = promisify(execFile);
const MOUNT = join(import.meta.dirname, '../../dist/host/vfs/mount/index.js');

/**
 * All-or-nothing writes. A write that fails half-way (here: the file-size limit, `ulimit -f`, makes
 * the kernel refuse with EFBIG after 50 KiB) leaves the old file exactly as it was and no temporary
 * file behind; a new file is not created at all.
 */

const CHILD = `
const { createMountVfs } = await import(process.argv[2]);
const vfs = createMountVfs(process.argv[3]);
const big = Buffer.alloc(300_000, 7);
const out = {};
const attempt = (name, fn) => { try { fn(); out[name] = 'ok'; } catch (e) { out[name] = e.code + ' ' + e.syscall + ' ' + (e.path ?? ''); } };
attempt('replace', () => vfs.writeFileSync('/old.bin', big));
attempt('create', () => vfs.writeFileSync('/new.bin', big));
attempt('exclusive', () => vfs.writeFileSync('/excl.bin', big, { flag: 'wx' }));
attempt('append', () => vfs.appendFileSync('/log.txt', big));
attempt('copy', () => vfs.copyFileSync('/src.bin', '/old.bin'));
attempt('small', () => vfs.writeFileSync('/small.txt', 'fits'));
console.log(JSON.stringify(out));
`;

function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('whole-file writes on a mount are all-or-nothing', () => {
  it('a write failing half-way (EFBIG) keeps the old file and leaves no temporary file', async () => {
    const dir = tempDir('v8fsb-atomic-');
    const old = randomBytes(10_000, 3);
    fs.writeFileSync(join(dir, 'old.bin'), old);
    fs.chmodSync(join(dir, 'old.bin'), 0o640);
    fs.writeFileSync(join(dir, 'log.txt'), 'line\n');
    fs.writeFileSync(join(dir, 'src.bin'), randomBytes(300_000, 4));
    const before = listing(dir);
    const script = join(tempDir(), 'child.mjs');
    fs.writeFileSync(script, CHILD);
    const { stdout } = await exec('/bin/sh', ['-c', 'ulimit -f 50 && exec "$0" "$@"', process.execPath, script, MOUNT, dir]);
    expect(JSON.parse(stdout)).toEqual({
      replace: 'EFBIG write ',
      create: 'EFBIG write ',
      exclusive: 'EFBIG write ',
      append: 'EFBIG write ',
      copy: 'EFBIG copyfile /src.bin',
      small: 'ok',
    });
    expect(fs.readFileSync(join(dir, 'old.bin')).equals(old)).toBe(true);
    expect(fs.statSync(join(dir, 'old.bin')).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('line\n');
    expect(listing(dir)).toEqual([...before, 'small.txt'].sort());
  });

  it('a replaced file keeps its mode, and a reader holding the old file keeps the old bytes', () => {
    const dir = tempDir('v8fsb-atomic-');
    fs.writeFileSync(join(dir, 'f'), 'old contents');
    fs.chmodSync(join(dir, 'f'), 0o604);
    const vfs = createMountVfs(dir);
    try {
      const fd = vfs.openSync('/f', 'r');
      vfs.writeFileSync('/f', 'new');
      const b = Buffer.alloc(32);
      const n = vfs.readSync(fd, b, 0, 32, 0);
      vfs.closeSync(fd);
      // The rename swapped in a new inode: the open descriptor still reads the old, whole file.
      expect(b.subarray(0, n).toString()).toBe('old contents');
      expect(fs.readFileSync(join(dir, 'f'), 'utf8')).toBe('new');
      expect(fs.statSync(join(dir, 'f')).mode & 0o777).toBe(0o604);
      expect(listing(dir)).toEqual(['f']);
    } finally {
      vfs.close();
    }
  });
});
