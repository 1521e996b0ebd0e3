import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Volume } from 'memfs';
import { createSandbox, loadDirectory, type SandboxOptions, type TraceEntry } from '../../host/index.js';
export { randomBytes } from '../bytes.js';

const run = promisify(execFile);

/** What one guest run produced. */
export interface GuestRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  trace: TraceEntry[];
  vol: Volume;
  terminated?: string;
}

/** Runs `source` in a fresh sandbox over `vol` (default: empty), capturing output and trace. */
export async function runGuest(
  source: string,
  options: Omit<SandboxOptions, 'stdout' | 'stderr' | 'trace' | 'vfs'> & { vol?: Volume; args?: string[]; filename?: string; cwd?: string } = {},
): Promise<GuestRun> {
  const vol = options.vol ?? new Volume();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const trace: TraceEntry[] = [];
  const sandbox = createSandbox({
    ...options,
    vfs: vol,
    stdout: (b) => void out.push(Buffer.from(b)),
    stderr: (b) => void err.push(Buffer.from(b)),
    trace: (t) => void trace.push(t),
  });
  const result = await sandbox.run(source, { filename: options.filename ?? '/main.js', args: options.args, cwd: options.cwd });
  return { ...result, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), trace, vol };
}

/** The temporary directories this test file made (removed after it by test/setup/temp-dirs.ts). */
const made: string[] = [];

/** A fresh temporary directory, removed when the test file ends. */
export function tempDir(prefix = 'v8fsb-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDir made (a test may have made parts of it read-only). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      chmodTree(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function chmodTree(dir: string): void {
  try {
    chmodSync(dir, 0o700);
  } catch {
    return;
  }
  for (const name of readdirSafe(dir)) chmodTree(join(dir, name));
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** What a plain `node` run of a script produced; `dir` is the tree it ran in. */
export interface NodeRun {
  stdout: string;
  stderr: string;
  code: number;
  dir: string;
}

/** Runs `source` under plain `node` with cwd = a fresh copy of `fixture`. */
export async function differentialNode(source: string, fixture: string): Promise<NodeRun> {
  const dir = tempDir('v8fsb-node-');
  cpSync(fixture, dir, { recursive: true, verbatimSymlinks: true });
  const script = join(tempDir('v8fsb-script-'), 'main.cjs');
  writeFileSync(script, source);
  try {
    const r = await run(process.execPath, [script], { cwd: dir, maxBuffer: 1 << 30, encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, code: 0, dir };
  } catch (e) {
    const x = e as { stdout: string; stderr: string; code: number };
    return { stdout: x.stdout, stderr: x.stderr, code: x.code, dir };
  }
}

/**
 * Runs the same script under plain `node` (cwd = a copy of `fixture`) and in the sandbox (`--root`
 * semantics: another copy loaded into memory, with `options`). Returns both outputs and both trees.
 */
export async function differential(
  source: string,
  fixture: string,
  options: Omit<SandboxOptions, 'stdout' | 'stderr' | 'trace' | 'vfs'> = {},
): Promise<{ node: NodeRun; guest: GuestRun }> {
  const node = await differentialNode(source, fixture);
  const vol = new Volume();
  loadDirectory(vol, fixture);
  const guest = await runGuest(source, { ...options, vol });
  return { node, guest };
}

/** Reads a file from the node side's tree and the guest's volume. */
export function bothFiles(d: { node: { dir: string }; guest: GuestRun }, name: string): [Buffer, Buffer] {
  return [readFileSync(join(d.node.dir, name)), Buffer.from(d.guest.vol.readFileSync(`/${name}`) as Buffer)];
}


/** What one CLI run printed and its exit status. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`dist/host/cli.js`) with `args`. */
export async function cli(args: string[]): Promise<CliRun> {
  try {
    const r = await run(process.execPath, [join(import.meta.dirname, '../../dist/host/cli.js'), ...args], { encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}
