#!/usr/bin/env node
import { createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryVfs } from './vfs.js';
import { loadDirectory } from './load-dir.js';
import { createSandbox } from './sandbox.js';
import type { TraceEntry } from './options.js';

const HELP = `Usage: v8-fs-bridge run <script> [options] [-- args...]

Runs <script> (CommonJS JavaScript read from the host) as an untrusted guest in a fresh
V8 isolate. The guest sees an in-memory filesystem at /; its fs moves file bytes raw.

Options:
  --root DIR            copy DIR's files into the guest filesystem at / (DIR is never modified)
  --trace FILE          write one JSON line per bridge call: id, method, status,
                        requestBytes, responseBytes (payload bytes, all chunks), micros, transport
  --protocol raw|legacy wire protocol for file bytes (default raw; legacy is not available yet)
  --env KEY=VALUE       add a variable to the guest's process.env (repeatable; default empty)
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

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      trace: { type: 'string' },
      protocol: { type: 'string', default: 'raw' },
      env: { type: 'string', multiple: true },
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
  if (values.protocol !== 'raw') usage(`--protocol ${values.protocol} is not available in this version (raw only)`);
  const env: Record<string, string> = {};
  for (const pair of values.env ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) usage(`--env takes KEY=VALUE, got '${pair}'`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const vfs = createMemoryVfs();
  if (values.root !== undefined) loadDirectory(vfs, values.root);
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
  });
  const result = await sandbox.run(readFileSync(script, 'utf8'), { filename: `/${basename(script)}`, args });
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
