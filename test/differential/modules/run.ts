/**
 * Running one module case on each side: plain node over a copy of the fixture at its host path,
 * the sandbox over a Volume loaded from a copy (`--root`) or over a live mounted copy (`--mount`).
 * Every copy is a fresh temp dir, recorded so that `removeCopies` can delete it afterwards.
 */
import { execFile } from 'node:child_process';
import { cpSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Volume } from 'memfs';
import { createSandbox, loadDirectory, type SandboxOptions } from '../../../host/index.js';
import { tempDir } from '../../e2e/helpers.js';

const run = promisify(execFile);

/** What one run of a case printed and its exit status. */
export interface CaseRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const copies: string[] = [];

/** A fresh copy of the fixture (links as written), by its real path. */
export function copyTree(fixture: string): string {
  const dir = realpathSync(tempDir('v8fsb-modcopy-'));
  copies.push(dir);
  cpSync(fixture, dir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  return dir;
}

/** Deletes every copy made so far (and `extra`, e.g. the fixture itself). */
export function removeCopies(...extra: string[]): void {
  for (const dir of [...copies.splice(0), ...extra]) rmSync(dir, { recursive: true, force: true });
}

/** `text` as if the tree had been at `/`: every occurrence of the copy's root (paths, file URLs) removed. */
export function normalise(text: string, root: string): string {
  return text.split(root).join('');
}

/**
 * The part of an uncaught-error report that does not depend on the runtime's own stack frames:
 * everything before the first `    at ` line (Node's header `file:line`, the source line, the caret,
 * a blank line, then the error's text). A report without frames is compared whole.
 */
export function stderrHead(text: string): string {
  const lines = text.split('\n');
  const frame = lines.findIndex((l) => l.startsWith('    at '));
  return frame === -1 ? text : lines.slice(0, frame).join('\n');
}

/** The environment of the node side: the test runner's, minus what changes how node loads or prints. */
function nodeEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['NODE_OPTIONS', 'NODE_PATH', 'FORCE_COLOR', 'NODE_V8_COVERAGE', 'NODE_PRESERVE_SYMLINKS']) delete env[k];
  return env;
}

/** Runs `entry` (relative to the tree root) as `node <copy>/<entry>` with cwd `<copy>/app`; output normalised. */
export async function nodeCase(fixture: string, entry: string): Promise<CaseRun & { root: string }> {
  const root = copyTree(fixture);
  const opts = { cwd: join(root, 'app'), env: nodeEnv(), encoding: 'utf8' as const, maxBuffer: 1 << 26, timeout: 30_000 };
  try {
    const r = await run(process.execPath, [join(root, entry)], opts);
    return { stdout: normalise(r.stdout, root), stderr: normalise(r.stderr, root), exitCode: 0, root };
  } catch (e) {
    const x = e as { stdout: string; stderr: string; code: number };
    return { stdout: normalise(x.stdout, root), stderr: normalise(x.stderr, root), exitCode: x.code, root };
  }
}

/** Runs `entry` in the sandbox as `runFile('/<entry>', { cwd: '/app' })`, over a memory copy or a mounted copy. */
export async function guestCase(fixture: string, entry: string, fs: 'memory' | 'mount'): Promise<CaseRun> {
  const root = copyTree(fixture);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const io = { stdout: (b: Uint8Array) => void out.push(Buffer.from(b)), stderr: (b: Uint8Array) => void err.push(Buffer.from(b)) };
  let options: SandboxOptions;
  if (fs === 'memory') {
    const vol = new Volume();
    loadDirectory(vol, root);
    options = { ...io, vfs: vol };
  } else {
    options = { ...io, mount: root };
  }
  const sandbox = createSandbox(options);
  try {
    const result = await sandbox.runFile(`/${entry}`, { cwd: '/app' });
    return { stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), exitCode: result.exitCode };
  } finally {
    // A mount holds the directory open; a memfs Volume's close is close(fd), not for this.
    if (fs === 'mount') (sandbox.vfs as { close?: () => void }).close?.();
  }
}
