import * as fs from 'node:fs';
import { cpSync } from 'node:fs';
import { createMountVfs, type MountVfs } from '../../host/index.js';
import { tempDir } from '../e2e/helpers.js';
import { makeFixture } from '../differential/fixture.js';

/**
 * node:fs on a real directory as the oracle for a MountVfs: the same operation runs on two copies
 * of one tree, node:fs with the copy's absolute paths, the mount with guest paths, and results,
 * errors (host prefix cut) and resulting trees are compared.
 */

/** node:fs itself, or a MountVfs seen as one. */
export type FsLike = typeof fs;

/** One side of a comparison: an fs, and how a guest path is spelled on it. */
export interface Side {
  fs: FsLike;
  p: (guest: string) => string;
}

let small: string | undefined;

/** The fixture without its big files (shared, never modified). */
export function smallFixture(): string {
  small ??= makeFixture({ big: false });
  return small;
}

/** A fresh copy of `from` (links as written, times kept). */
export function copyTree(from: string): string {
  const dir = tempDir('v8fsb-oracle-');
  cpSync(from, dir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  return dir;
}

/** Both sides over fresh copies of the small fixture. */
export function sides(): { node: Side; mount: Side; nodeDir: string; mountDir: string; vfs: MountVfs } {
  const nodeDir = copyTree(smallFixture());
  const mountDir = copyTree(smallFixture());
  const vfs = createMountVfs(mountDir);
  return {
    node: { fs, p: (g) => (g === '/' ? nodeDir : nodeDir + g) },
    mount: { fs: vfs as unknown as FsLike, p: (g) => g },
    nodeDir,
    mountDir,
    vfs,
  };
}

function typeOf(v: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): string {
  return v.isSymbolicLink() ? 'link' : v.isDirectory() ? 'dir' : v.isFile() ? 'file' : 'other';
}

/** A comparable picture of a result or error, with the host prefix `cut` removed from every string. */
export function normalize(v: unknown, cut: string | undefined): unknown {
  const strip = (s: string) => (cut === undefined ? s : s.split(cut).join(''));
  if (typeof v === 'string') return strip(v);
  if (Buffer.isBuffer(v)) return { buffer: strip(v.toString('latin1')) };
  if (Array.isArray(v)) return v.map((x) => normalize(x, cut));
  if (v instanceof Error) {
    const e = v as Error & Record<string, unknown>;
    return { error: strip(e.message), ...Object.fromEntries(['code', 'errno', 'syscall', 'path', 'dest'].map((k) => [k, normalize(e[k], cut)])) };
  }
  if (v instanceof fs.Dirent) return { dirent: normalize(v.name, cut), type: typeOf(v), parentPath: normalize(v.parentPath, cut) };
  if (v instanceof fs.Stats) return { type: typeOf(v), mode: v.mode, size: v.isDirectory() ? 'dir' : v.size, nlink: v.nlink, uid: v.uid };
  return v;
}

/** Runs `op` on a side, answering its normalized result or error. */
export function outcome(side: Side, cut: string | undefined, op: (s: Side) => unknown): unknown {
  try {
    return { ok: normalize(op(side), cut) };
  } catch (e) {
    return { threw: normalize(e, cut) };
  }
}

/** A tree as lines (type, path, contents or link target, mode). */
export function tree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(`${dir}/${rel}`).sort()) {
    const p = rel === '' ? name : `${rel}/${name}`;
    const st = fs.lstatSync(`${dir}/${p}`);
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isSymbolicLink()) out.push(`link ${p} -> ${fs.readlinkSync(`${dir}/${p}`)}`);
    else if (st.isDirectory()) out.push(`dir ${p} ${mode}`, ...tree(dir, p));
    else out.push(`file ${p} ${mode} ${st.nlink} ${fs.readFileSync(`${dir}/${p}`).toString('base64')}`);
  }
  return out;
}
