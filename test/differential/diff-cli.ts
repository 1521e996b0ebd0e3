/**
 * Developer tool: shows where one differential script's output differs between node and the sandbox.
 * Usage: npx vite-node test/differential/diff-cli.ts <script.js>   (after npm run build)
 */
import { writeFileSync } from 'node:fs';
import { Volume } from 'memfs';
import { loadDirectory } from '../../host/index.js';
import { differentialNode, runGuest } from '../e2e/helpers.js';
import { makeFixture, scriptSource } from './fixture.js';

const script = process.argv[2];
if (!script) throw new Error('usage: diff-cli <script.js>');
const source = scriptSource(script);
const fixture = makeFixture();
const node = await differentialNode(source, fixture);
const vol = new Volume();
loadDirectory(vol, fixture);
const guest = await runGuest(source, { vol });
writeFileSync('/tmp/diff-node.txt', node.stdout);
writeFileSync('/tmp/diff-guest.txt', guest.stdout);
const a = node.stdout.split('\n');
const b = guest.stdout.split('\n');
let shown = 0;
for (let i = 0; i < Math.max(a.length, b.length) && shown < 20; i++) {
  if (a[i] !== b[i]) {
    console.log(`line ${i + 1}\n  node : ${a[i]}\n  guest: ${b[i]}`);
    shown++;
  }
}
console.log(`exit node ${node.code} guest ${guest.exitCode}; stderr guest: ${guest.stderr.slice(0, 500)}`);
