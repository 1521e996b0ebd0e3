import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../host/index.js';
import { makeFixture } from '../differential/fixture.js';
import { differentialNode, runGuest } from './helpers.js';

/**
 * What the differential trees do not compare: permission bits, owners and times. One script changes
 * them with every form of chmod, chown, lchown, utimes and lutimes (and creates entries whose modes
 * come from mkdir, mkdtemp and copyFile); it runs under plain node and in the sandbox, and the
 * metadata of each touched entry must then be the same on both sides.
 */
const uid = process.getuid?.() ?? 0;
const gid = process.getgid?.() ?? 0;

const SCRIPT = `
const fs = require('fs');
(async () => {
  fs.chmodSync('dir/a.txt', 0o600);
  fs.mkdirSync('made');
  // (Copied before any time is set: reading a file may move its atime.)
  fs.copyFileSync('dir/a.txt', 'made/copy.txt');
  fs.chmodSync('links/to-file', '640');
  await new Promise((r) => fs.chmod('dir/b', 0o711, r));
  await fs.promises.chmod('dir/empty', 0o1777);
  fs.chownSync('dir/b/c.txt', ${uid}, ${gid});
  fs.lchownSync('links/to-dir', -1, ${gid});
  await new Promise((r) => fs.chown('bin/a.bin', -1, -1, r));
  await fs.promises.lchown('links/dangling', ${uid}, -1);
  fs.utimesSync('dir/a.txt', 1000.5, new Date(2000000));
  fs.utimesSync('links/to-dir', '12', 13);
  fs.lutimesSync('links/to-file', 7, 8);
  fs.lutimesSync('links/dangling', new Date(9000), 10);
  await new Promise((r) => fs.utimes('bin/zero.bin', 20, 21, r));
  await fs.promises.utimes('bin/H.bin', 30.25, 31.75);
  await new Promise((r) => fs.lutimes('links/to-dir', 40, 41, r));
  await fs.promises.lutimes('text/utf8.txt', 50, 51);
  fs.mkdirSync('made/deep/er', { recursive: true, mode: 0o750 });
  fs.mkdirSync('made/plain');
  fs.mkdirSync('made/octal', '700');
  await fs.promises.mkdir('made/p', 0o705);
  fs.renameSync(fs.mkdtempSync('made/t-'), 'made/temp');
  fs.utimesSync('made/copy.txt', 60, 61);
  fs.utimesSync('made/deep', 72, 73);
  // Last: memfs moves a directory's atime when a path is looked up through it (Linux does not).
  fs.utimesSync('made', 70, 71);
  console.log('done');
})();
`;

/** The entries the script touched, with the metadata that must agree. */
const PATHS = [
  'dir/a.txt', 'text/utf8.txt', 'dir/b', 'dir/empty', 'dir/b/c.txt', 'links/to-dir', 'bin/a.bin', 'links/dangling', 'dir',
  'links/to-file', 'bin/zero.bin', 'bin/H.bin', 'made', 'made/deep', 'made/plain', 'made/octal', 'made/p', 'made/temp', 'made/copy.txt',
];
const TIMED = new Set(['dir/a.txt', 'links/to-file', 'links/dangling', 'bin/zero.bin', 'bin/H.bin', 'links/to-dir', 'text/utf8.txt', 'dir', 'made/copy.txt', 'made', 'made/deep']);

interface Meta {
  mode: string;
  uid: number;
  gid: number;
  atimeMs?: number;
  mtimeMs?: number;
}

function meta(st: { mode: number; uid: number; gid: number; atimeMs: number; mtimeMs: number; isSymbolicLink(): boolean }, timed: boolean): Meta {
  // Symlink permission bits are meaningless (Linux 0777, memfs 0666); their type still shows.
  const mode = st.isSymbolicLink() ? 'link' : (st.mode & 0o177777).toString(8);
  return { mode, uid: st.uid, gid: st.gid, ...(timed ? { atimeMs: st.atimeMs, mtimeMs: st.mtimeMs } : {}) };
}

let fixture: string;
beforeAll(() => {
  fixture = makeFixture({ big: false });
});

describe('metadata changes match plain node', () => {
  it('modes, owners and times of every touched entry are the same on both sides', async () => {
    const node = await differentialNode(SCRIPT, fixture);
    const vol = new Volume();
    loadDirectory(vol, fixture);
    const guest = await runGuest(SCRIPT, { vol });
    expect(guest.stderr).toBe('');
    expect(guest.stdout).toBe(node.stdout);
    // memfs moves a directory's atime whenever a path is looked up through it: read parents first.
    const byDepth = [...PATHS].sort((a, b) => a.split('/').length - b.split('/').length);
    const guestMeta = new Map(byDepth.map((p) => [p, meta(vol.lstatSync(`/${p}`), TIMED.has(p))]));
    for (const p of PATHS) {
      expect(guestMeta.get(p), p).toEqual(meta(lstatSync(join(node.dir, p)), TIMED.has(p)));
    }
  });
});
