#!/usr/bin/env node
/**
 * node bench/url.mjs [--quick]
 *
 * WHATWG URL in the sandbox (the guest's URL: Node's own parser in the Worker, reached through a
 * capability that returns the href and writes the component offsets into a guest array) against
 * plain node's URL, and against whatwg-url, the pure-JavaScript implementation a sandbox could
 * bundle instead, both under plain node and loaded by the guest from node_modules (bench/url/,
 * installed from its lock file on first run). One kernel per case, the same source for every
 * implementation, timed inside the runtime that runs it (so sandbox start-up is not counted) and
 * checked by its checksum. Prints markdown.
 */
import os from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createSandbox } from '../dist/host/index.js';
import { ensureInstalled } from '../scripts/install-tree.mjs';

const quick = process.argv.includes('--quick');
const LIBRARY = join(import.meta.dirname, 'url');
const N = quick ? 2_000 : 20_000;
const SAMPLES = quick ? 3 : 7;

/** Kernels: `(URL, n) => checksum`, written once and run everywhere. */
const KERNELS = {
  'parse + read every getter': `(URL, n) => { let s = 0; for (let i = 0; i < n; i++) { const u = new URL('https://user:pw@example' + (i % 97) + '.com:8080/a/b/' + i + '?x=' + i + '&y=2#frag'); s += u.href.length + u.origin.length + u.protocol.length + u.username.length + u.password.length + u.host.length + u.hostname.length + u.port.length + u.pathname.length + u.search.length + u.hash.length; } return s; }`,
  'parse relative against a base': `(URL, n) => { let s = 0; for (let i = 0; i < n; i++) s += new URL('../c/' + i + '?q#h', 'http://a.com/b/d/e').href.length; return s; }`,
  'five setters, then href': `(URL, n) => { let s = 0; const u = new URL('http://a.com/'); for (let i = 0; i < n; i++) { u.pathname = '/p/' + i; u.search = '?i=' + i; u.hash = 'h' + i; u.port = String(1000 + (i % 50)); u.hostname = 'h' + (i % 10) + '.org'; s += u.href.length; } return s; }`,
  'searchParams: append 4, read, serialize': `(URL, n) => { let s = 0; for (let i = 0; i < n; i++) { const u = new URL('http://a/?a=1'); const p = u.searchParams; p.append('b', String(i)); p.append('c', 'x y'); p.set('a', 'z'); p.append('d', 'é'); s += (p.get('b') || '').length + u.href.length; } return s; }`,
  'URL.canParse (valid and invalid)': `(URL, n) => { let s = 0; for (let i = 0; i < n; i++) s += (URL.canParse('http://a.com/' + i) ? 1 : 0) + (URL.canParse('no scheme ' + i) ? 1 : 0); return s; }`,
};

/**
 * The guest program: runs each kernel SAMPLES times over `URLImpl` (an expression) and prints
 * `name \t ms \t checksum` lines.
 */
function guestProgram(URLImpl) {
  const lines = Object.entries(KERNELS).map(([name, src]) => `{ const k = ${src}; k(URLImpl, ${Math.min(N, 500)}); for (let r = 0; r < ${SAMPLES}; r++) { const t = process.hrtime.bigint(); const c = k(URLImpl, ${N}); console.log(${JSON.stringify(name)} + '\\t' + Number(process.hrtime.bigint() - t) / 1e6 + '\\t' + c); } }`);
  return `const URLImpl = ${URLImpl};\n${lines.join('\n')}`;
}

function runLocal(URLClass) {
  const out = [];
  for (const [name, src] of Object.entries(KERNELS)) {
    const k = (0, eval)(src);
    k(URLClass, Math.min(N, 500));
    for (let r = 0; r < SAMPLES; r++) {
      const t = performance.now();
      const c = k(URLClass, N);
      out.push([name, performance.now() - t, c]);
    }
  }
  return out;
}

/** The kernels in a fresh sandbox; `library` runs them over whatwg-url loaded from the mounted bench/url. */
async function runSandbox(library = false) {
  let text = '';
  const sandbox = createSandbox({
    stdout: (b) => void (text += Buffer.from(b).toString()),
    stderr: (b) => process.stderr.write(b),
    ...(library ? { mount: LIBRARY } : {}),
  });
  const source = guestProgram(library ? "require('whatwg-url').URL" : 'URL');
  const r = await sandbox.run(source, { filename: library ? join(LIBRARY, 'bench.js') : '/bench.js' });
  if (r.exitCode !== 0) throw new Error(`sandbox exited ${r.exitCode}`);
  return text.trim().split('\n').map((l) => {
    const [name, ms, c] = l.split('\t');
    return [name, Number(ms), Number(c)];
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function summarise(rows) {
  const by = new Map();
  for (const [name, ms, c] of rows) {
    const e = by.get(name) ?? { ms: [], checks: new Set() };
    e.ms.push(ms);
    e.checks.add(c);
    by.set(name, e);
  }
  return by;
}

async function main() {
  ensureInstalled(LIBRARY, (line) => process.stderr.write(`${line}\n`));
  const impls = {
    node: summarise(runLocal(URL)),
    sandbox: summarise(await runSandbox()),
    'whatwg-url under node': summarise(runLocal(createRequire(join(LIBRARY, 'index.js'))('whatwg-url').URL)),
    'whatwg-url in the sandbox': summarise(await runSandbox(true)),
  };
  const names = Object.keys(KERNELS);
  const header = ['case', ...Object.keys(impls).map((k) => `${k} (µs/op)`), 'sandbox / node', 'sandbox / whatwg-url in the sandbox'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  let failed = false;
  for (const name of names) {
    const cells = [name];
    const ref = impls.node.get(name);
    for (const [impl, by] of Object.entries(impls)) {
      const e = by.get(name);
      const ok = e.checks.size === 1 && [...e.checks][0] === [...ref.checks][0];
      if (!ok) failed = true;
      cells.push(`${((median(e.ms) * 1000) / N).toFixed(2)}${ok ? '' : ' (CHECK FAILED)'}`);
    }
    const sandbox = median(impls.sandbox.get(name).ms);
    cells.push(`${(sandbox / median(ref.ms)).toFixed(1)}x`, `${(sandbox / median(impls['whatwg-url in the sandbox'].get(name).ms)).toFixed(2)}x`);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const cpus = os.cpus();
  console.log(`# URL: sandbox vs node\n\n${N} operations per sample, median of ${SAMPLES} samples, timed inside each runtime.\n`);
  console.log(lines.join('\n'));
  console.log(`\nMachine: ${cpus[0]?.model.trim()} x ${cpus.length}, ${os.type()} ${os.release()} ${os.arch()}; Node ${process.version}; load average (1 min) ${os.loadavg()[0].toFixed(2)}. Date: ${new Date().toISOString()}.`);
  if (failed) process.exitCode = 1;
}

await main();
