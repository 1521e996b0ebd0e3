import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMountVfs, type MountVfs } from '../../host/index.js';
import { mkdirAt } from '../../host/fs/dirs/mkdir.js';
import { createMemoryVfs, type Vfs } from '../../host/vfs/index.js';
import { budgetedVfs } from '../../host/vfs/quota.js';
import { tempDir } from '../e2e/helpers.js';

/**
 * Deep paths on a mounted directory (found by the fuzzer): a guest path of PATH_MAX bytes or more is
 * ENAMETOOLONG, as Node answers on Linux, and mkdir -p of a chain of 2,000 missing levels is fast (it
 * walked the whole path once per level, twice: 20 s of the host's thread for one call).
 */

let vfs: MountVfs;
let root: string;

beforeEach(() => {
  root = tempDir('v8fsb-deep-');
  vfs = createMountVfs(root);
});

afterEach(() => vfs.close());

const code = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    const err = e as { code?: unknown; record?: { code: string } };
    return err.record?.code ?? err.code;
  }
  return 'no error';
};

describe('deep paths on a mount', () => {
  it('makes 2,047 missing levels in one mkdir -p, quickly, answering the first one made', () => {
    const path = `${'/b'.repeat(2047)}/`;
    expect(Buffer.byteLength(path)).toBe(4095);
    const started = performance.now();
    expect(vfs.mkdirSync(path, { recursive: true })).toBe('/b');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(vfs.statSync('/b'.repeat(2047)).isDirectory()).toBe(true);
    expect(vfs.readdirSync('/b'.repeat(2047))).toEqual([]);
    // Again: everything exists, nothing is made.
    expect(vfs.mkdirSync(path, { recursive: true })).toBeUndefined();
    vfs.rmSync('/b', { recursive: true });
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('answers as Node where the deep chain meets a file', () => {
    vfs.mkdirSync('/a'.repeat(20), { recursive: true });
    vfs.writeFileSync(`${'/a'.repeat(20)}/f`, 'x');
    expect(code(() => vfs.mkdirSync(`${'/a'.repeat(20)}/f${'/c'.repeat(30)}`, { recursive: true }))).toBe('ENOTDIR');
    expect(vfs.mkdirSync(`${'/a'.repeat(20)}${'/c'.repeat(30)}`, { recursive: true })).toBe(`${'/a'.repeat(20)}/c`);
  });

  it('refuses a guest path of PATH_MAX bytes or more with ENAMETOOLONG, as Node does', () => {
    const long = '/b'.repeat(2048);
    expect(Buffer.byteLength(long)).toBe(4096);
    expect(code(() => vfs.mkdirSync(long, { recursive: true }))).toBe('ENAMETOOLONG');
    expect(code(() => vfs.statSync(long))).toBe('ENAMETOOLONG');
    expect(code(() => vfs.writeFileSync(`/${'x'.repeat(4095)}`, 'x'))).toBe('ENAMETOOLONG');
    expect(fs.readdirSync(root)).toEqual([]);
    // The mount still works.
    vfs.writeFileSync('/ok', 'fine');
    expect(vfs.readFileSync('/ok', 'utf8')).toBe('fine');
  });
});

describe('deep paths through the fs handlers (memory volume and mount)', () => {
  const volumes = () => [createMemoryVfs() as unknown as Vfs, vfs as unknown as Vfs];

  it('mkdir -p of 2,047 missing levels is fast; 4,096 bytes or more is ENAMETOOLONG with mkdir', () => {
    for (const v of volumes()) {
      const started = performance.now();
      expect(mkdirAt(v, `${'/b'.repeat(2047)}/`, true, 0o777, false)).toBe('/b');
      expect(performance.now() - started).toBeLessThan(3000);
      expect(code(() => mkdirAt(v, `/${'b/'.repeat(2100)}`, true, 0o777, false))).toBe('ENAMETOOLONG');
      expect(code(() => mkdirAt(v, '/b'.repeat(2048), true, 0o777, false))).toBe('ENAMETOOLONG');
      // A shallow chain keeps Node's step-for-step answers.
      expect(mkdirAt(v, '/s/t/u', true, 0o777, false)).toBe('/s');
      expect(code(() => mkdirAt(v, '/s/t/u', false, 0o777, false))).toBe('EEXIST');
    }
    vfs.rmSync('/b', { recursive: true });
  });
});

describe('deep paths through the filesystem budget', () => {
  it('a recursive mkdir of 2,047 levels on a budgeted mount is counted quickly and exactly', () => {
    const budgeted = budgetedVfs(vfs as unknown as Vfs, { maxBytes: 0, maxEntries: 100_000 });
    const started = performance.now();
    expect(mkdirAt(budgeted, `${'/b'.repeat(2047)}/`, true, 0o777, false)).toBe('/b');
    const ms = performance.now() - started;
    vfs.rmSync('/b', { recursive: true });
    expect(ms).toBeLessThan(3000);
    // A chain longer than the budget's room is refused before anything is made.
    const tight = budgetedVfs(vfs as unknown as Vfs, { maxBytes: 0, maxEntries: 20 });
    expect(code(() => mkdirAt(tight, '/c'.repeat(21), true, 0o777, false))).toBe('ENOSPC');
    expect(fs.readdirSync(root)).toEqual([]);
    expect(mkdirAt(tight, '/c'.repeat(20), true, 0o777, false)).toBe('/c');
  });
});
