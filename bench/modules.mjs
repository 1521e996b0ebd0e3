#!/usr/bin/env node
/**
 * npm run bench:modules [-- --quick] [--samples N] [--impls node,raw,legacy,raw-cache,cli]
 *                          [--cases startup,typescript,webpack,babel] [--json FILE]
 *
 * Module-loading benchmark: cold loads of real package trees (typescript: one ~9 MB file; webpack:
 * ~420 files; @babel/parser + @babel/generator: a many-file tree that needs only the guest's
 * built-ins) in a fresh run per sample, plain node against the sandbox. Installs bench/modules'
 * lock file first when its node_modules is missing or stale. Prints markdown on stdout (progress on
 * stderr); exit status 1 when a case fails its check (a BLOCKED case is reported, not an error).
 * `npm run bench` runs it too (skip with --no-modules). See bench/lib/modules/.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { CASES, IMPLS, MODES } from './lib/modules/cases.mjs';
import { runModules } from './lib/modules/index.mjs';
import { modulesMarkdown } from './lib/modules/report.mjs';

const USAGE = `usage: npm run bench:modules [-- --quick] [--samples N] [--impls ${IMPLS.join(',')}] [--cases ${CASES.map((c) => c.name).join(',')}] [--json FILE]`;

function parseArgs(argv) {
  const a = { samples: MODES.full.samples, impls: IMPLS, cases: CASES.map((c) => c.name), json: null };
  const list = (s, known, what) => {
    const names = String(s ?? '').split(',').filter(Boolean);
    for (const n of names) if (!known.includes(n)) throw new Error(`unknown ${what} ${n}; known: ${known.join(', ')}`);
    return names;
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--quick') a.samples = MODES.quick.samples;
    else if (k === '--samples') a.samples = Number(argv[++i]);
    else if (k === '--impls') a.impls = list(argv[++i], IMPLS, 'implementation');
    else if (k === '--cases') a.cases = list(argv[++i], a.cases, 'case');
    else if (k === '--json') a.json = argv[++i];
    else if (k === '--help' || k === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${k}\n${USAGE}`);
  }
  if (!Number.isInteger(a.samples) || a.samples < 1) throw new Error('--samples needs a positive integer');
  if (a.json === undefined) throw new Error('--json needs a file name');
  return a;
}

/** One line naming the machine, as the main report does. */
function machineLine() {
  const cpus = os.cpus();
  return `Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'} x ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()} ${os.arch()}; Node ${process.version}; load average (1 min) ${os.loadavg()[0].toFixed(2)}. Date: ${new Date().toISOString()}.`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = (s) => process.stderr.write(`${s}\n`);
  const t0 = performance.now();
  log(`v8-fs-bridge module bench: ${args.cases.join(', ')} x ${args.impls.join(', ')}, ${args.samples} samples`);
  const doc = await runModules({ ...args, log });
  const machine = machineLine();
  process.stdout.write(modulesMarkdown(doc, { depth: 1, machine }));
  if (args.json) writeFileSync(args.json, JSON.stringify({ machine, ...doc }, null, 2) + '\n');
  log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s${doc.errors.length ? `, ${doc.errors.length} error(s)` : ''}`);
  if (doc.errors.length) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
