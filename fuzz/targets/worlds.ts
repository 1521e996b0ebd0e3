import * as fs from 'node:fs';
import { join } from 'node:path';
import { createMemoryVfs } from '../../host/vfs/index.js';
import type { Vfs } from '../../host/vfs/index.js';
import { makeJail, SECRET, type Jail } from '../../test/host/mount-jail.js';
import { COMMON_PATHS, type World } from '../generators/index.js';
import { Rng } from '../random/index.js';

/**
 * The file systems the dispatch targets serve, filled the same way each time: a memory volume, and
 * a temporary directory mounted with a sentinel tree beside it (test/host/mount-jail.ts: a secret
 * outside the mount, and links inside it that point there).
 */

/** The file a probe reads, and its bytes. */
export const PROBE_PATH = '/ok.txt';
export const PROBE_TEXT = 'still fine';

/** A file larger than the bulk threshold (its answers move whole) and smaller than the file limit. */
export const BIG_BYTES = new Rng(7).bytes(200_000);

/** The entries both worlds hold, created through `vfs`. */
function fill(vfs: Vfs & { chmodSync(p: string, m: number): void }): void {
  vfs.mkdirSync('/d/sub/deeper', { recursive: true });
  vfs.mkdirSync('/m', { recursive: true });
  vfs.writeFileSync(PROBE_PATH, PROBE_TEXT);
  vfs.writeFileSync('/d/f', 'fine');
  vfs.writeFileSync('/big', BIG_BYTES);
  vfs.writeFileSync('/empty', '');
  vfs.writeFileSync('/m/index.js', 'module.exports = 1;\n');
  vfs.writeFileSync('/m/package.json', '{"main":"index.js"}');
  vfs.writeFileSync('/ro', 'read only');
  vfs.chmodSync('/ro', 0o444);
  vfs.symlinkSync('/d', '/l');
  vfs.symlinkSync('/d/f', '/lf');
  vfs.symlinkSync('/nope', '/dangling');
  vfs.symlinkSync('/loop2', '/loop1');
  vfs.symlinkSync('/loop1', '/loop2');
}

const LOCAL_PATHS = ['/d', '/d/', '/d/f', '/d/f/', '/d/sub', '/d/sub/deeper', '/d/sub/deeper/x', '/big', '/empty', '/m', '/m/index.js', '/m/package.json', '/m/nope.js', '/ro', '/l', '/l/f', '/l/sub', '/l/..', '/lf', '/lf/x', '/dangling', '/loop1', '/loop1/x', '/nope'];

/** A fresh memory volume, filled. */
export function memoryWorld(): { vfs: Vfs; world: World } {
  const vol = createMemoryVfs();
  fill(vol as unknown as Vfs & { chmodSync(p: string, m: number): void });
  return { vfs: vol as unknown as Vfs, world: { paths: [...LOCAL_PATHS, ...COMMON_PATHS] } };
}

/** Links of the jail that lead out of the mount, and paths through them. */
const ESCAPES = ['/inside.txt', '/rel-out', '/abs-out', '/dir-out', '/dir-out/secret', '/dir-out/dir/x', '/dir-abs-out/secret', '/to-root', '/to-root/etc/passwd', '/to-up', '/to-up/outside/secret', '/sub/up3', '/sub/up3/outside/secret', '/sub/deeper/rel-out', '/chain1', '/in1', '/loop1', '/sub', '/sub/deeper'];

/** A fresh jail whose root is filled; the caller mounts `jail.root`. */
export function mountWorld(): { jail: Jail; world: World } {
  const jail = makeJail();
  const at = (p: string) => join(jail.root, p);
  fs.mkdirSync(at('d/sub/deeper'), { recursive: true });
  fs.mkdirSync(at('m'));
  fs.writeFileSync(at(PROBE_PATH), PROBE_TEXT);
  fs.writeFileSync(at('d/f'), 'fine');
  fs.writeFileSync(at('big'), BIG_BYTES);
  fs.writeFileSync(at('empty'), '');
  fs.writeFileSync(at('m/index.js'), 'module.exports = 1;\n');
  fs.writeFileSync(at('m/package.json'), '{"main":"index.js"}');
  fs.writeFileSync(at('ro'), 'read only', { mode: 0o444 });
  fs.symlinkSync('d', at('l'));
  fs.symlinkSync('d/f', at('lf'));
  fs.symlinkSync('nope', at('dangling'));
  // The host's own spelling of the outside, which a guest may guess.
  const hostNames = [join(jail.outside, 'secret'), jail.base, jail.root];
  return { jail, world: { paths: [...LOCAL_PATHS.filter((p) => !p.startsWith('/loop')), ...ESCAPES, ...hostNames, ...COMMON_PATHS] } };
}

/** Byte strings whose presence in an answer means the outside secret was read: as is, and as the encodings a read can answer in. */
export function secretNeedles(): Uint8Array[] {
  const raw = Buffer.from(SECRET);
  const needles = [raw, Buffer.from(raw.toString('hex')), Buffer.from(raw.toString('ucs2'))];
  for (let shift = 0; shift < 3; shift++) {
    for (const encoding of ['base64', 'base64url'] as const) {
      const text = Buffer.concat([Buffer.alloc(shift), raw]).toString(encoding);
      // The characters that depend on the secret's bytes alone, whatever precedes or follows it.
      needles.push(Buffer.from(text.slice(4, -4)));
    }
  }
  return needles;
}
