import * as fs from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../e2e/helpers.js';

/**
 * A mount with an outside: `base/root` is mounted; `base/outside` (a secret file and a directory)
 * and `base/sentinel` sit next to it. `snapshot` records everything outside the mount (names,
 * bytes, modes, times, link counts) so a test can prove nothing there was read into, written,
 * created or deleted.
 */
export interface Jail {
  base: string;
  root: string;
  outside: string;
  secret: string;
}

/** The outside file's bytes: a guest read that returns them has escaped. */
export const SECRET = 'SECRET-OUTSIDE-BYTES';

/** Builds the jail, with the escape links every confinement test tries. */
export function makeJail(): Jail {
  const base = tempDir('v8fsb-jail-');
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  const secret = join(outside, 'secret');
  fs.mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
  fs.mkdirSync(join(outside, 'dir'), { recursive: true });
  fs.writeFileSync(secret, SECRET);
  fs.writeFileSync(join(outside, 'dir', 'x'), SECRET);
  fs.writeFileSync(join(base, 'sentinel'), 'sentinel');
  fs.writeFileSync(join(root, 'inside.txt'), 'inside');
  const link = (target: string, name: string) => fs.symlinkSync(target, join(root, name));
  link('../outside/secret', 'rel-out');
  link(secret, 'abs-out');
  link('../outside', 'dir-out');
  link(outside, 'dir-abs-out');
  link('/', 'to-root');
  link('..', 'to-up');
  link('../../..', 'sub/up3');
  link('../../../outside/secret', 'sub/deeper/rel-out');
  link('chain2', 'chain1');
  link('sub/chain3', 'chain2');
  link('../rel-out', 'sub/chain3');
  link('in2', 'in1');
  link('/sub/../inside.txt', 'in2');
  link('loop2', 'loop1');
  link('loop1', 'loop2');
  return { base, root, outside, secret };
}

function describeTree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(join(dir, rel)).sort()) {
    const p = join(rel, name);
    const st = fs.lstatSync(join(dir, p));
    const meta = `${st.mode.toString(8)} ${st.nlink} ${st.size} ${st.mtimeMs} ${st.ctimeMs}`;
    if (st.isSymbolicLink()) out.push(`link ${p} ${meta} -> ${fs.readlinkSync(join(dir, p))}`);
    else if (st.isDirectory()) out.push(`dir ${p} ${meta}`, ...describeTree(dir, p));
    else out.push(`file ${p} ${meta} ${fs.readFileSync(join(dir, p)).toString('hex')}`);
  }
  return out;
}

/** Everything outside the mount, for before/after comparison (the mount itself only by name). */
export function snapshot(jail: Jail): string[] {
  const base = fs.readdirSync(jail.base).sort();
  const sentinel = fs.statSync(join(jail.base, 'sentinel'));
  return [
    `base: ${base.join(' ')}`,
    `sentinel ${fs.readFileSync(join(jail.base, 'sentinel'), 'utf8')} ${sentinel.mtimeMs} ${sentinel.ctimeMs}`,
    ...describeTree(jail.outside),
  ];
}

/** True when `text` names the host location of the jail in any form. */
export function leaksHost(jail: Jail, text: string): boolean {
  return text.includes(jail.base) || text.includes('/proc/self/fd');
}

/** A host process that keeps swapping names inside the mount while a test runs. */
export interface Swapper {
  stop(): Promise<void>;
}

const SWAPPER = `
const fs = require('fs');
const [linkPath, dirPath, outside, secret] = process.argv.slice(1);
const targets = ['inside.txt', secret, 'inside.txt', '../outside/secret'];
fs.mkdirSync(dirPath + '.real', { recursive: true });
fs.writeFileSync(dirPath + '.real/secret', 'inside-d');
fs.renameSync(dirPath + '.real', dirPath);
fs.symlinkSync(outside, dirPath + '.link');
process.stdout.write('ready\\n');
for (let i = 0; ; i++) {
  try { fs.unlinkSync(linkPath + '.tmp'); } catch {}
  fs.symlinkSync(targets[i % targets.length], linkPath + '.tmp');
  fs.renameSync(linkPath + '.tmp', linkPath);
  // The directory: the real one out and a symlink to the outside directory in, then back.
  try {
    if (i % 2 === 0) { fs.renameSync(dirPath, dirPath + '.real'); fs.renameSync(dirPath + '.link', dirPath); }
    else { fs.renameSync(dirPath, dirPath + '.link'); fs.renameSync(dirPath + '.real', dirPath); }
  } catch {}
}
`;

/**
 * Starts swapping, in another process: `root/flip` between a link to `inside.txt` and links to the
 * outside secret (absolute and relative), and `root/d` between a real directory holding `secret`
 * and a symlink to the outside directory (whose `secret` is the outside one).
 */
export async function startSwapper(jail: Jail): Promise<Swapper> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['-e', SWAPPER, join(jail.root, 'flip'), join(jail.root, 'd'), jail.outside, jail.secret], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`swapper exited early (${code})`)));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
