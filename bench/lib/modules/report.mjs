/**
 * The module bench's markdown: one section for bench/modules.mjs alone and for `npm run bench`'s report.
 */

const ms = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const times = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);
const cell = (s) => String(s).replace(/\|/g, '\\|');

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i < 3 || h === 'bridge calls by method' ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** The trace's calls per method, most frequent first. */
function byMethod(calls) {
  if (!calls) return '';
  return Object.entries(calls.byMethod)
    .sort((a, b) => b[1] - a[1])
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
}

function resultRows(doc) {
  const rows = [];
  for (const c of doc.cases) {
    for (const impl of doc.impls) {
      const r = c.impls[impl];
      if (!r) continue;
      const status = r.status === 'runs' ? 'runs' : `${r.status.toUpperCase()}: ${r.error}`;
      const calls = r.calls ? `${r.calls.calls} (${(r.calls.responseBytes / 1e6).toFixed(2)} MB back)` : '';
      rows.push([c.name, impl, status, ms(r.medianMs), ms(r.p95Ms), times(r.ratioToNode), calls, byMethod(r.calls)]);
    }
  }
  return rows;
}

function needsLines(doc) {
  return doc.cases
    .filter((c) => c.builtins)
    .map((c) => {
      const lacks = c.missing.length ? `the guest lacks ${c.missing.join('; ')}` : 'the guest has all of them';
      return `- **${c.name}** (${c.loads}; node compiles ${c.compiled} file${c.compiled === 1 ? '' : 's'}; it prints \`${c.stdout}\`): uses ${c.builtins.join(', ') || 'no built-ins'}; ${lacks}.`;
    })
    .join('\n');
}

/**
 * The section, `#` level given by `depth` (2 inside the main report, 1 alone); `errors: false` leaves
 * the errors out (the main report lists them with its own).
 */
export function modulesMarkdown(doc, { depth = 2, machine = null, errors = true } = {}) {
  const h = '#'.repeat(depth);
  const parts = [`${h} Module loading: cold package loads, whole run`];
  if (machine) parts.push(machine);
  parts.push(
    `Tree: bench/modules (${doc.tree.packages} packages, ${doc.tree.files} files, ${(doc.tree.bytes / 1e6).toFixed(1)} MB), installed with \`npm ci --ignore-scripts\` from its lock file. ` +
      `Copying it into a memory volume (loadDirectory, what --root does) takes ${ms(doc.loadDirectory.medianMs)} ms (median of ${doc.loadDirectory.ms.length}); that is done once and is not part of any time below. ` +
      `Each sample is a whole cold run: node = a fresh \`node CASE\` process (cwd bench/modules); raw, legacy = a fresh createSandbox + runFile in the bench process over that volume, protocol raw or legacy, no code cache; ` +
      `raw-cache = the same with a CodeCache kept across samples (filled by the check run); cli = a fresh process of \`v8-fs-bridge run CASE --mount .\`. ` +
      `${doc.samples} samples per case and implementation, interleaved, after one check run; median and p95 (nearest rank) of wall time; \`÷ node\` = median over node's median. ` +
      `Every sample must print exactly what node prints. Bridge calls come from one traced check run (not timed). ` +
      `BLOCKED: the run fails where the guest lacks built-ins the case uses.`,
  );
  parts.push(table(['case', 'impl', 'status', 'median ms', 'p95 ms', '÷ node', 'bridge calls', 'bridge calls by method'], resultRows(doc)));
  parts.push(`${h}# What each case needs\n\nBuilt-ins (and their properties) that the case's load reads under node, checked one by one in the guest; a lacking property read only as a feature test does not block.\n\n${needsLines(doc)}`);
  if (errors && doc.errors.length) parts.push(`${h}# Module bench errors\n\n${doc.errors.map((e) => `- ${e}`).join('\n')}`);
  return parts.join('\n\n') + '\n';
}
