import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMountVfs, type MountVfs } from '../../host/index.js';
import { makeJail, SECRET, snapshot, startSwapper, type Jail, type Swapper } from './mount-jail.js';

/**
 * Symlinks swapped between check and use. Another process keeps swapping `/flip` between a link
 * inside and links to an outside file, and `/d` between a real directory and a link to an outside
 * directory, while the mount reads and writes through them thousands of times. No read may ever
 * return the outside bytes and no write may ever land outside (the outside tree is unchanged).
 */

const ROUNDS = 2000;

let jail: Jail;
let vfs: MountVfs;
let swapper: Swapper | undefined;

beforeEach(() => {
  jail = makeJail();
  vfs = createMountVfs(jail.root);
});

afterEach(async () => {
  await swapper?.stop();
  swapper = undefined;
  vfs.close();
});

/** Tallies outcomes: a value that must look like inside bytes, or an error code. */
class Tally {
  readonly counts = new Map<string, number>();
  readonly escaped: string[] = [];
  value(what: string, v: string | Buffer | number): void {
    const text = String(v);
    if (text.includes('SECRET') || (typeof v === 'number' && v === SECRET.length)) this.escaped.push(`${what}: ${text}`);
    this.add(`${what} ok`);
  }
  attempt(what: string, fn: () => string | Buffer | number | void): void {
    try {
      const v = fn();
      if (v === undefined) this.add(`${what} ok`);
      else this.value(what, v);
    } catch (e) {
      this.add(`${what} ${(e as { code?: string }).code}`);
    }
  }
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  ok(what: string): number {
    return this.counts.get(`${what} ok`) ?? 0;
  }
}

describe('a symlink swapped during operations', () => {
  it('the race is real: plain node:fs through the same names does reach outside', async () => {
    swapper = await startSwapper(jail);
    let seen = 0;
    for (let i = 0; i < ROUNDS && seen === 0; i++) {
      for (const p of ['flip', 'd/secret']) {
        try {
          if (fs.readFileSync(join(jail.root, p), 'utf8') === SECRET) seen++;
        } catch {
          // Swapped out mid-call: try again.
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('never lets a read return outside bytes nor a write land outside', async () => {
    const before = snapshot(jail);
    swapper = await startSwapper(jail);
    const t = new Tally();
    const buf = Buffer.alloc(64);
    for (let i = 0; i < ROUNDS; i++) {
      t.attempt('read flip', () => vfs.readFileSync('/flip', 'utf8'));
      // Whole-file writes fsync (milliseconds each on a disk): one round in four writes.
      if (i % 4 === 0) t.attempt('write flip', () => vfs.writeFileSync('/flip', `inside-${i}`));
      t.attempt('read d', () => vfs.readFileSync('/d/secret'));
      t.attempt('read d/..', () => vfs.readFileSync('/d/../inside.txt'));
      if (i % 4 === 1) t.attempt('write d', () => vfs.writeFileSync('/d/secret', `inside-d-${i}`));
      t.attempt('append d', () => vfs.appendFileSync('/d/log', 'x'));
      t.attempt('stat flip', () => (vfs.statSync('/flip') as fs.Stats).size);
      if (i % 4 === 2) t.attempt('copy flip', () => {
        vfs.copyFileSync('/flip', '/copied');
        return vfs.readFileSync('/copied', 'utf8');
      });
      t.attempt('fd d', () => {
        const fd = vfs.openSync('/d/secret', 'r+');
        try {
          const n = vfs.readSync(fd, buf, 0, 64, 0);
          vfs.writeSync(fd, 'inside', 0);
          return buf.subarray(0, n);
        } finally {
          vfs.closeSync(fd);
        }
      });
      if (i % 2 === 0) t.attempt('mkdir d', () => {
        vfs.mkdirSync(`/d/made${i}`);
        vfs.rmdirSync(`/d/made${i}`);
      });
      t.attempt('list d', () => vfs.readdirSync('/d').join(','));
    }
    await swapper.stop();
    swapper = undefined;
    expect(t.escaped).toEqual([]);
    expect(snapshot(jail)).toEqual(before);
    // Both states were met: some calls went through, some found the name pointing away.
    for (const what of ['read flip', 'write flip', 'read d', 'write d', 'fd d']) expect(t.ok(what), what).toBeGreaterThan(0);
    expect([...t.counts.keys()].some((k) => k.endsWith('ENOENT'))).toBe(true);
    expect(fs.readdirSync(jail.root).filter((n) => n.includes('v8fsb'))).toEqual([]);
    expect(vfs.openFiles).toBe(0);
  });
});
