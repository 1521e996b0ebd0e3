import { cpSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join, posix } from 'node:path';
import { Volume } from 'memfs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nameToBytes } from '../../bridge/names/index.js';
import { loadDirectory } from '../../host/index.js';
import { differentialNode, runGuest, tempDir } from '../e2e/helpers.js';
import { mountCopy, runMounted } from '../e2e/mount-helpers.js';
import { makeFixture, scriptSource } from './fixture.js';

/**
 * Every script in scripts/ runs under plain node (cwd = a copy of the fixture) and in the sandbox
 * (filesystem = another copy, loaded into memory as `--root` does). Every printed line, the exit
 * status and the resulting tree must be identical.
 */
const SCRIPTS = join(import.meta.dirname, 'scripts');
const scripts = readdirSync(SCRIPTS).filter((f) => f.endsWith('.js')).sort();

/** A tree as comparable lines: type, path, and contents or link target. */
type Tree = string[];

/** A name as the trees show it: its text when it is UTF-8, else its bytes in hex. */
function shownName(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : `<${bytes.toString('hex')}>`;
}

/** Sorted names of a host directory, as raw bytes (names need not be UTF-8). */
function hostNames(dir: Buffer): Buffer[] {
  return readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare);
}

function hostTree(dir: string, rel = ''): Tree {
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
function volumeTree(vol: Volume, rel = ''): Tree {
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

let fixture: string;
beforeAll(() => {
  fixture = makeFixture();
});

// In memory (`--root`), over the raw protocol and over the legacy base64 protocol (an old host).
const inMemory = scripts.flatMap((script) => (['raw', 'legacy'] as const).map((protocol) => [script, protocol] as const));
describe.each(inMemory)('differential: %s (%s)', (script, protocol) => {
  it('prints, exits and leaves the tree exactly as plain node', async () => {
    const source = scriptSource(join(SCRIPTS, script));
    const node = await differentialNode(source, fixture);
    const vol = new Volume();
    loadDirectory(vol, fixture);
    const guest = await runGuest(source, { vol, protocol });
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.code);
    expect(node.stdout.length).toBeGreaterThan(0);
    expect(volumeTree(vol)).toEqual(hostTree(node.dir));
  });
});

// The third variant: the sandbox with a third copy of the fixture mounted live (`--mount`).
describe.each(scripts)('differential (--mount): %s', (script) => {
  it('prints, exits and leaves the mounted tree exactly as plain node', async () => {
    const source = scriptSource(join(SCRIPTS, script));
    const node = await differentialNode(source, fixture);
    const guest = await runMounted(source, mountCopy(fixture));
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.code);
    expect(hostTree(guest.dir)).toEqual(hostTree(node.dir));
  });
});

describe('the harness', () => {
  it('notices a difference', async () => {
    const dir = tempDir();
    cpSync(fixture, dir, { recursive: true });
    const node = await differentialNode("console.log(require('fs').readFileSync('dir/a.txt', 'utf8'), process.cwd() === '/')", fixture);
    const guest = await runGuest("console.log(require('fs').readFileSync('dir/a.txt', 'utf8'), process.cwd() === '/')", { vol: (() => { const v = new Volume(); loadDirectory(v, fixture); return v; })() });
    expect(node.stdout).toBe('A false\n');
    expect(guest.stdout).not.toBe(node.stdout);
  });
});
