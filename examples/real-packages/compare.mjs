/**
 * Runs the drivers (drivers/*.js, in DRIVERS order: later ones read what earlier ones wrote) three
 * ways over copies of this directory: plain `node` (cwd = a copy), the sandbox over a memory
 * filesystem loaded from a copy (`--root` semantics), and the sandbox over a mounted copy
 * (`--mount`). Returns each driver's output and exit status per way, and each way's `out/` tree
 * (file names and contents) for comparison. Needs `npm run build` first (it uses dist/).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { Volume } from 'memfs';
import { createSandbox, loadDirectory } from '../../dist/host/index.js';

const run = promisify(execFile);
export const HERE = import.meta.dirname;
export const DRIVERS = ['yaml', 'ejs', 'csv-parse', 'archiver', 'adm-zip', 'sass', 'less', 'webpack'];

/** A fresh copy of this directory (node_modules included, out/ left behind). */
function copy() {
  const dir = mkdtempSync(join(tmpdir(), 'v8fsb-real-'));
  cpSync(HERE, dir, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.startsWith(join(HERE, 'out')) });
  return dir;
}

/** `name: <length>:<sha1>` for every file under `dir` of the given fs, sorted. */
function tree(fs, dir, rel = '') {
  let names;
  try {
    names = fs.readdirSync(posix.join(dir, rel)).map(String).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const p = posix.join(rel, name);
    if (fs.statSync(posix.join(dir, p)).isDirectory()) return tree(fs, dir, p);
    const data = fs.readFileSync(posix.join(dir, p));
    return [`${p}: ${data.length}:${createHash('sha1').update(data).digest('hex')}`];
  });
}

const hostFs = { readdirSync, readFileSync, statSync };

async function nodeSide(drivers) {
  const dir = copy();
  const results = {};
  try {
    for (const d of drivers) {
      try {
        const r = await run(process.execPath, [`drivers/${d}.js`], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 120_000 });
        results[d] = { stdout: r.stdout, stderr: r.stderr, exitCode: 0 };
      } catch (e) {
        results[d] = { stdout: e.stdout ?? '', stderr: e.stderr ?? String(e), exitCode: e.code ?? 1 };
      }
    }
    return { results, out: tree(hostFs, join(dir, 'out')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sandboxSide(drivers, mode) {
  const dir = copy();
  let vfs;
  try {
    if (mode === 'root') {
      vfs = new Volume();
      loadDirectory(vfs, dir);
    }
    const results = {};
    for (const d of drivers) {
      const out = [];
      const err = [];
      const sandbox = createSandbox({
        ...(mode === 'root' ? { vfs } : { mount: dir }),
        stdout: (b) => void out.push(Buffer.from(b)),
        stderr: (b) => void err.push(Buffer.from(b)),
      });
      try {
        const r = await sandbox.runFile(`/drivers/${d}.js`, { cwd: '/' });
        results[d] = { stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), exitCode: r.exitCode };
      } finally {
        if (mode === 'mount') sandbox.vfs.close?.();
      }
    }
    return { results, out: mode === 'root' ? tree(vfs, '/out') : tree(hostFs, join(dir, 'out')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every way's results: { node, root, mount }, each { results: { driver: run }, out: tree lines }. */
export async function compareAll(drivers = DRIVERS, modes = ['root', 'mount']) {
  const all = { node: await nodeSide(drivers) };
  for (const mode of modes) all[mode] = await sandboxSide(drivers, mode);
  return all;
}
