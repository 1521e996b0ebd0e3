import { cpSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, posix } from 'node:path';
import { createSandbox, type SandboxOptions } from '../../host/index.js';
import { tempDir } from './helpers.js';

/** What one guest run over a mounted directory produced. */
export interface MountedRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  terminated?: string;
  /** The host directory the guest saw at `/`. */
  dir: string;
}

/** Runs `source` in a fresh sandbox with `dir` mounted live at `/`, capturing its output. */
export async function runMounted(source: string, dir: string, options: Omit<SandboxOptions, 'stdout' | 'stderr' | 'vfs' | 'mount'> & { args?: string[] } = {}): Promise<MountedRun> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sandbox = createSandbox({
    ...options,
    mount: dir,
    stdout: (b) => void out.push(Buffer.from(b)),
    stderr: (b) => void err.push(Buffer.from(b)),
  });
  try {
    const result = await sandbox.run(source, { filename: '/main.js', args: options.args });
    return { ...result, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), dir };
  } finally {
    (sandbox.vfs as { close?: () => void }).close?.();
  }
}

/** A fresh copy of `fixture` to mount (links kept as written, times kept as the fixture's). */
export function mountCopy(fixture: string): string {
  const dir = tempDir('v8fsb-mount-');
  cpSync(fixture, dir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  return dir;
}

/** A host tree as comparable lines: type, path, and contents (bytes) or link target. */
export function treeOf(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const p = posix.join(rel, name);
    const st = lstatSync(join(dir, p));
    if (st.isSymbolicLink()) out.push(`link ${p} -> ${readlinkSync(join(dir, p))}`);
    else if (st.isDirectory()) out.push(`dir ${p}`, ...treeOf(dir, p));
    else out.push(`file ${p} ${readFileSync(join(dir, p)).toString('base64').slice(0, 64)} ${st.size}`);
  }
  return out;
}
