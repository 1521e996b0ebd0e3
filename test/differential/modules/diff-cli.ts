/**
 * Developer tool: runs module cases under plain node and in the sandbox and shows where they differ.
 * Usage: npx vite-node test/differential/modules/diff-cli.ts [--node-only] [case-name ...]   (after npm run build)
 * With no names, every case. --node-only prints node's normalised output instead of comparing.
 */
import { guestCase, nodeCase, removeCopies, stderrHead } from './run.js';
import { makeModulesFixture, moduleCases } from './fixture.js';

const args = process.argv.slice(2);
const nodeOnly = args.includes('--node-only');
const names = args.filter((a) => !a.startsWith('--'));
const fixture = makeModulesFixture();
try {
  for (const c of moduleCases().filter((m) => names.length === 0 || names.includes(m.name))) {
    const node = await nodeCase(fixture, c.entry);
    if (nodeOnly) {
      console.log(`==== ${c.name} (exit ${node.exitCode})\n${node.stdout}---- stderr${c.stderr ? ' (compared head)' : ''}\n${node.stderr}`);
      continue;
    }
    const guest = await guestCase(fixture, c.entry, 'memory');
    const a = node.stdout.split('\n');
    const b = guest.stdout.split('\n');
    const diffs = [];
    for (let i = 0; i < Math.max(a.length, b.length) && diffs.length < 10; i++) {
      if (a[i] !== b[i]) diffs.push(`  line ${i + 1}\n    node : ${a[i]}\n    guest: ${b[i]}`);
    }
    if (c.stderr && stderrHead(node.stderr) !== stderrHead(guest.stderr)) diffs.push(`  stderr head\n    node : ${stderrHead(node.stderr)}\n    guest: ${stderrHead(guest.stderr)}`);
    if (node.exitCode !== guest.exitCode) diffs.push(`  exit node ${node.exitCode} guest ${guest.exitCode}`);
    console.log(`${diffs.length === 0 ? 'same' : 'DIFF'} ${c.name}`);
    if (diffs.length > 0) console.log(`${diffs.join('\n')}\n  guest stderr: ${guest.stderr.slice(0, 400)}`);
  }
} finally {
  removeCopies(fixture);
}
