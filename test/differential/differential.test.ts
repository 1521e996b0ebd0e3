import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../host/index.js';
import { differentialNode, runGuest, tempDir } from '../e2e/helpers.js';
import { mountCopy, runMounted } from '../e2e/mount-helpers.js';
import { makeFixture, scriptSource } from './fixture.js';
import { hostTree, volumeTree } from './trees.js';

/**
 * Every script in scripts/ runs under plain node (cwd = a copy of the fixture) and in the sandbox
 * (filesystem = another copy, loaded into memory as `--root` does). Every printed line, the exit
 * status and the resulting tree must be identical.
 */
const SCRIPTS = join(import.meta.dirname, 'scripts');
const scripts = readdirSync(SCRIPTS).filter((f) => f.endsWith('.js')).sort();

let fixture: string;
beforeAll(() => {
  fixture = makeFixture();
});

// In memory (`--root`), over the raw protocol and over the legacy base64 protocol (an old host).
const inMemory = scripts.flatMap((script) => (['raw', 'legacy'] as const).map((protocol) => [script, protocol] as const));
describe.each(inMemory)('differential: %s (%s)', (script, protocol) => {
  it('prints, exits and leaves the tree exactly as plain node', async () => {
    const source = scriptSource(join(SCRIPTS, script));
    const node = await differentialNode(source, fixture);
    const vol = new Volume();
    loadDirectory(vol, fixture);
    const guest = await runGuest(source, { vol, protocol });
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.code);
    expect(node.stdout.length).toBeGreaterThan(0);
    expect(volumeTree(vol)).toEqual(hostTree(node.dir));
  });
});

// The third variant: the sandbox with a third copy of the fixture mounted live (`--mount`).
describe.each(scripts)('differential (--mount): %s', (script) => {
  it('prints, exits and leaves the mounted tree exactly as plain node', async () => {
    const source = scriptSource(join(SCRIPTS, script));
    const node = await differentialNode(source, fixture);
    const guest = await runMounted(source, mountCopy(fixture));
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.code);
    expect(hostTree(guest.dir)).toEqual(hostTree(node.dir));
  });
});

describe('the harness', () => {
  it('notices a difference', async () => {
    const dir = tempDir();
    cpSync(fixture, dir, { recursive: true });
    const node = await differentialNode("console.log(require('fs').readFileSync('dir/a.txt', 'utf8'), process.cwd() === '/')", fixture);
    const guest = await runGuest("console.log(require('fs').readFileSync('dir/a.txt', 'utf8'), process.cwd() === '/')", { vol: (() => { const v = new Volume(); loadDirectory(v, fixture); return v; })() });
    expect(node.stdout).toBe('A false\n');
    expect(guest.stdout).not.toBe(node.stdout);
  });
});
