/**
 * What a case's require graph needs from the built-ins, and what of that the guest lacks: node runs
 * the case hooked (probe-node.cjs) and lists the built-ins and properties it used; a sandbox then
 * checks each of them in the guest. This tells every blocker at once, not only the first one a run
 * trips over (properties read only for feature tests are listed too: "missing" is not "blocking").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '../../../dist/host/index.js';

const PROBE = join(dirname(fileURLToPath(import.meta.url)), 'probe-node.cjs');

/** { compiled, builtins: { name: { props, firstFrom } } } of one case under node. */
export function nodeNeeds(dir, caseFile) {
  const tmp = mkdtempSync(join(tmpdir(), 'v8fsb-probe-'));
  try {
    const out = join(tmp, 'needs.json');
    execFileSync(process.execPath, [PROBE, caseFile, out], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The guest's side: for each wanted built-in, whether require() gives it, and which properties it
 * lacks: a property is lacking when its kind (typeof, or 'null') differs from node's, so a `null`
 * stand-in (path.win32 of a POSIX-only path module) counts as lacking.
 */
function guestCheck(want) {
  return `
const want = ${JSON.stringify(want)};
const kind = (v) => (v === null ? 'null' : typeof v);
const missing = [];
for (const [name, props] of Object.entries(want)) {
  let m;
  try { m = require(name); } catch (e) { missing.push({ name, module: true, code: e.code ?? null }); continue; }
  const lacks = Object.keys(props).filter((p) => m === null || m === undefined || kind(m[p]) !== props[p]);
  if (lacks.length) missing.push({ name, props: lacks.map((p) => p + (kind(m?.[p]) === 'undefined' ? '' : ' (' + kind(m[p]) + ' here, ' + props[p] + ' in node)')) });
}
process.stdout.write(JSON.stringify(missing));
`;
}

/** What of `needs.builtins` the guest lacks: [{ name, module: true } | { name, props }]. */
export async function guestMissing(vol, needs) {
  const want = Object.fromEntries(Object.entries(needs.builtins).map(([name, b]) => [name, b.props]));
  let out = '';
  let err = '';
  const sandbox = createSandbox({ vfs: vol, codeCache: false, stdout: (b) => void (out += Buffer.from(b).toString()), stderr: (b) => void (err += Buffer.from(b).toString()) });
  const r = await sandbox.run(guestCheck(want), { filename: '/bench-probe.js' });
  if (r.exitCode !== 0) throw new Error(`guest probe failed (exit ${r.exitCode}): ${err.slice(0, 500)}`);
  return JSON.parse(out);
}

/** One line per missing built-in: `os (module; first from node_modules/...)`, `util.deprecate, util.debuglog`. */
export function describeMissing(missing, needs) {
  return missing.map((m) => {
    const from = needs.builtins[m.name]?.firstFrom;
    const where = from ? `; first required by ${from}` : '';
    return m.module ? `${m.name} (whole module${where})` : `${m.props.map((p) => `${m.name}.${p}`).join(', ')}${where ? ` (${where.slice(2)})` : ''}`;
  });
}

/** The first error line of a failed run's stderr (the thrown error's own line), for the report. */
export function firstError(stderr) {
  const lines = stderr.split('\n').map((l) => l.trim());
  return lines.find((l) => /^([A-Z][A-Za-z]*Error|Error)\b/.test(l)) ?? lines.find(Boolean) ?? '';
}
