/**
 * One whole run of a module bench case per call, for each implementation (see cases.mjs). A run
 * resolves { ms, code, stdout, stderr }: ms is wall time from start to exit as seen from this process
 * (spawn to close for a process; createSandbox to runFile's result for a sandbox).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeCache, createSandbox } from '../../../dist/host/index.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../../dist/host/cli.js');

/** Runs a process to its end, collecting its output. */
function runProcess(file, args, cwd) {
  return new Promise((resolve, reject) => {
    const out = [];
    const err = [];
    const t = performance.now();
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - t;
      resolve({ ms, code: code ?? `signal ${signal}`, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

/** A process implementation: `args(caseFile)` is its command line after the node binary. */
function processRunner(name, dir, args) {
  return { name, run: (c) => runProcess(process.execPath, args(c.file), dir) };
}

/**
 * A sandbox implementation over `vol`. `trace`, when given, receives every bridge call of the run
 * (used by the check run only: a trace costs time on every call).
 */
function sandboxRunner(name, vol, protocol, codeCache) {
  return {
    name,
    async run(c, trace) {
      const out = [];
      const err = [];
      const t = performance.now();
      const sandbox = createSandbox({
        vfs: vol,
        protocol,
        codeCache,
        stdout: (b) => void out.push(Buffer.from(b)),
        stderr: (b) => void err.push(Buffer.from(b)),
        ...(trace ? { trace } : {}),
      });
      const r = await sandbox.runFile(`/${c.file}`, { cwd: '/' });
      const ms = performance.now() - t;
      return { ms, code: r.terminated ? `terminated: ${r.terminated}` : r.exitCode, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
    },
  };
}

/** The runners of `impls` over the tree `dir` (on disk) and `vol` (its copy in memory). */
export function makeRunners(impls, dir, vol) {
  const all = {
    node: () => processRunner('node', dir, (file) => [file]),
    cli: () => processRunner('cli', dir, (file) => [CLI, 'run', file, '--mount', '.']),
    raw: () => sandboxRunner('raw', vol, 'raw', false),
    legacy: () => sandboxRunner('legacy', vol, 'legacy', false),
    'raw-cache': () => sandboxRunner('raw-cache', vol, 'raw', new CodeCache()),
  };
  return impls.map((name) => all[name]());
}

/** Counts trace entries per method, and their payload bytes. */
export function countCalls(entries) {
  const byMethod = {};
  let requestBytes = 0;
  let responseBytes = 0;
  for (const e of entries) {
    byMethod[e.method] = (byMethod[e.method] ?? 0) + 1;
    requestBytes += e.requestBytes ?? 0;
    responseBytes += e.responseBytes ?? 0;
  }
  return { calls: entries.length, byMethod, requestBytes, responseBytes };
}
