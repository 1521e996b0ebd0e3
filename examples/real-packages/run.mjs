#!/usr/bin/env node
/**
 * `npm run examples`: installs this directory's packages from the lock file (never committed),
 * runs every driver under plain node and in the sandbox (memory root and mount), and prints which
 * print and write exactly what node does. Exit status 1 if any differs.
 */
import { ensureInstalled } from '../../scripts/install-tree.mjs';
import { compareAll, DRIVERS, HERE } from './compare.mjs';

ensureInstalled(HERE, (line) => console.error(line));
const started = performance.now();
const all = await compareAll(DRIVERS);
let failed = 0;
for (const d of DRIVERS) {
  const node = all.node.results[d];
  const cells = ['root', 'mount'].map((mode) => {
    const r = all[mode].results[d];
    const same = r.stdout === node.stdout && r.exitCode === node.exitCode;
    if (!same) failed++;
    return `${mode} ${same ? 'same' : `DIFFERS (exit ${r.exitCode}: ${(r.stderr.split('\n').find((l) => /Error/.test(l)) ?? r.stderr.slice(0, 120)).trim()})`}`;
  });
  console.log(`${d.padEnd(10)} node exit ${node.exitCode}, ${node.stdout.split('\n').length - 1} lines | ${cells.join(' | ')}`);
}
for (const mode of ['root', 'mount']) {
  const same = JSON.stringify(all[mode].out) === JSON.stringify(all.node.out);
  if (!same) failed++;
  console.log(`files written (${mode}): ${same ? `same ${all.node.out.length} files as node` : 'DIFFER'}`);
}
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 ? 0 : 1);
