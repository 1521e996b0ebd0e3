import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { posix } from 'node:path';
import type { Volume } from 'memfs';
import { nameToBytes } from '../../bridge/names/index.js';

/** The differential suite's view of a tree: what plain node and the sandbox leave must be equal. */

/** A tree as comparable lines: type, path, and contents or link target. */
export type Tree = string[];

/** A name as the trees show it: its text when it is UTF-8, else its bytes in hex. */
function shownName(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : `<${bytes.toString('hex')}>`;
}

/** Sorted names of a host directory, as raw bytes (names need not be UTF-8). */
function hostNames(dir: Buffer): Buffer[] {
  return readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare);
}

export function hostTree(dir: string, rel = ''): Tree {
  const out: Tree = [];
  const at = (...parts: Array<string | Buffer>): Buffer => Buffer.concat(parts.map((p) => Buffer.from(p)));
  const walk = (relBytes: Buffer, relShown: string): void => {
    for (const raw of hostNames(at(dir, '/', relBytes))) {
      const pBytes = relBytes.length === 0 ? raw : at(relBytes, '/', raw);
      const p = relShown === '' ? shownName(raw) : `${relShown}/${shownName(raw)}`;
      const full = at(dir, '/', pBytes);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) out.push(`link ${p} -> ${shownName(readlinkSync(full, { encoding: 'buffer' }))}`);
      else if (st.isDirectory()) {
        out.push(`dir ${p}`);
        walk(pBytes, p);
      } else out.push(`file ${p} ${digest(readFileSync(full))}`);
    }
  };
  walk(Buffer.from(rel), rel);
  return out;
}

/** The same for a volume, whose names are name strings (their bytes are the names). */
export function volumeTree(vol: Volume, rel = ''): Tree {
  const out: Tree = [];
  const shown = (name: string): string => shownName(Buffer.from(nameToBytes(name)));
  const names = (vol.readdirSync(`/${rel}`) as string[]).sort((a, b) => Buffer.compare(Buffer.from(nameToBytes(a)), Buffer.from(nameToBytes(b))));
  for (const name of names) {
    const p = posix.join(rel, name);
    const st = vol.lstatSync(`/${p}`);
    const q = p.split('/').map(shown).join('/');
    if (st.isSymbolicLink()) out.push(`link ${q} -> ${shown(String(vol.readlinkSync(`/${p}`)))}`);
    else if (st.isDirectory()) out.push(`dir ${q}`, ...volumeTree(vol, p));
    else out.push(`file ${q} ${digest(readAsOwner(vol, `/${p}`, st.mode))}`);
  }
  return out;
}

/** memfs checks modes even for root, which the host tree is read as: a file without read permission is read as its owner may. */
function readAsOwner(vol: Volume, path: string, mode: number): Buffer {
  if ((mode & 0o400) !== 0) return vol.readFileSync(path) as Buffer;
  vol.chmodSync(path, mode | 0o400);
  try {
    return vol.readFileSync(path) as Buffer;
  } finally {
    vol.chmodSync(path, mode);
  }
}

function digest(b: Buffer): string {
  let h = 2166136261;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 16777619) >>> 0;
  return `${b.length}:${h.toString(16)}`;
}
