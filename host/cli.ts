#!/usr/bin/env node
import { createWriteStream, existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryVfs, type Vfs } from './vfs/index.js';
import { createMountVfs } from './vfs/mount/index.js';
import { loadDirectory } from './vfs/load-dir.js';
import { createSandbox } from './sandbox/index.js';
import { loadHostModules } from './host-functions/load.js';
import type { TraceEntry } from './sandbox/options.js';

const HELP = `Usage: v8-fs-bridge run <script> [options] [-- args...]

Runs <script> as an untrusted guest in a fresh V8 isolate, as 'node <script>' would: CommonJS
or an ES module by Node's rules, loading its modules and node_modules packages from the guest
filesystem. The guest sees an in-memory filesystem at / (or, with --mount, a live host
directory); its fs moves file bytes raw. A script inside the --root or --mount tree runs as the
guest file at its place there; the guest's working directory is the current directory's place
in the tree (or / when it is outside).

Options:
  --root DIR            copy DIR's files into the guest filesystem at / (DIR is never modified)
  --mount DIR           give the guest DIR itself at /, live: its writes land in DIR (each
                        whole-file write all-or-nothing); nothing outside DIR is reachable,
                        not through .., absolute paths or symlinks. Linux only; not with --root
  --trace FILE          write one JSON line per bridge call: id, method, status,
                        requestBytes, responseBytes (payload bytes, all chunks), micros, transport
  --protocol raw|legacy how file bytes cross the bridge (default raw). raw: status-2 answers,
                        no base64, for guests that announce support (this bridge's do);
                        legacy: behave as an old host: status-0 answers with bytes as
                        {"__agentOsType":"bytes","base64":...} (about 4/3 the size, slower)
  --env KEY=VALUE       add a variable to the guest's process.env (repeatable; default empty)
  --host-module FILE    an ES module whose exported functions the guest calls as
                        require('host').name(...) (blocking) or require('host/promises');
                        binary and structured values cross raw (repeatable)
  --heap-mb N           guest heap limit in MiB (default 256)
  --timeout-ms N        wall-clock limit; the run ends with status 124 (default: none)
  --max-file-bytes N    largest file one call moves (default 268435456 = 256 MiB)
  --window-bytes N      shared window size (default 4194304 = 4 MiB, minimum 4096)
  -h, --help            show this help

Exit status: the guest's (process.exit, 1 for an uncaught error), 124 on timeout,
134 when the guest runs out of memory, 2 for a usage error.`;

function usage(message: string): never {
  process.stderr.write(`v8-fs-bridge: ${message}\n\n${HELP}\n`);
  process.exit(2);
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) usage(`--${name} takes a non-negative integer, got '${value}'`);
  return n;
}

/** The in-memory filesystem, holding a copy of `root` when given. */
function memoryVfs(root: string | undefined): Vfs {
  const vol = createMemoryVfs();
  if (root !== undefined) loadDirectory(vol, root);
  return vol;
}

/** The live directory `dir`, or a usage error naming why it cannot be mounted. */
function mountOrUsage(dir: string): Vfs {
  try {
    return createMountVfs(dir);
  } catch (e) {
    usage(`--mount cannot use '${dir}': ${(e as Error).message}`);
  }
}

/**
 * Where host path `p` lies in the guest tree whose root is the host directory `tree` (both taken
 * through their real paths), or undefined when it is outside.
 */
function guestPlace(tree: string, p: string): string | undefined {
  let root: string;
  let target: string;
  try {
    root = realpathSync(tree);
    // A script that does not exist still has a place (the guest then reports it missing, as node does).
    target = existsSync(p) ? realpathSync(p) : join(realpathSync(dirname(p)), basename(p));
  } catch {
    return undefined;
  }
  const rel = relative(root, target);
  if (rel === '') return '/';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return `/${rel.split(sep).join('/')}`;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      mount: { type: 'string' },
      trace: { type: 'string' },
      protocol: { type: 'string', default: 'raw' },
      env: { type: 'string', multiple: true },
      'host-module': { type: 'string', multiple: true },
      'heap-mb': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'max-file-bytes': { type: 'string' },
      'window-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [command, script, ...args] = positionals;
  if (command !== 'run' || script === undefined) usage('expected: run <script>');
  const protocol = values.protocol;
  if (protocol !== 'raw' && protocol !== 'legacy') usage(`--protocol takes raw or legacy, got '${protocol}'`);
  const env: Record<string, string> = {};
  for (const pair of values.env ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) usage(`--env takes KEY=VALUE, got '${pair}'`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (values.root !== undefined && values.mount !== undefined) usage('--root (a copy) and --mount (live) cannot be used together');
  const vfs = values.mount !== undefined ? mountOrUsage(values.mount) : memoryVfs(values.root);
  const trace = values.trace === undefined ? undefined : createWriteStream(values.trace);
  const sandbox = createSandbox({
    vfs,
    env,
    limits: {
      heapMb: integer(values['heap-mb'], 'heap-mb'),
      timeoutMs: integer(values['timeout-ms'], 'timeout-ms'),
      maxFileBytes: integer(values['max-file-bytes'], 'max-file-bytes'),
      windowBytes: integer(values['window-bytes'], 'window-bytes'),
    },
    trace: trace && ((entry: TraceEntry) => trace.write(`${JSON.stringify(entry)}\n`)),
    protocol,
    hostFunctions: await loadHostModules(values['host-module'] ?? []),
  });
  const tree = values.mount ?? values.root;
  const place = tree === undefined ? undefined : guestPlace(tree, script);
  const cwd = tree === undefined ? '/' : (guestPlace(tree, process.cwd()) ?? '/');
  const result =
    place !== undefined
      ? await sandbox.runFile(place, { args, cwd })
      : await sandbox.run(readFileSync(script, 'utf8'), { filename: `/${basename(script)}`, args, cwd });
  if (trace) await new Promise((r) => trace.end(r));
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`v8-fs-bridge: ${e.message}\n`);
    process.exitCode = 2;
  },
);
