import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/helpers.js';
import { makeModulesFixture, moduleCases, writeFiles, type ModuleCase } from './modules/fixture.js';
import { LINKS } from './modules/fixture-packages.js';
import { copyTree, guestCase, nodeCase, normalise, removeCopies, stderrHead, type CaseRun } from './modules/run.js';

/**
 * The module loader against plain node. Every case in modules/cases/ runs as `node <copy>/app/<case>`
 * (cwd `<copy>/app`) and in the sandbox as `runFile('/app/<case>', { cwd: '/app' })`, over a Volume
 * loaded from another copy (`--root`) and over a live mounted copy (`--mount`). node's output has the
 * copy's root removed (paths and file URLs), since the guest sees the tree at `/`. stdout and the exit
 * status must be identical; for the cases that end with an uncaught error (`// @stderr`), so must the
 * head of stderr up to the first stack frame. Every temp dir is removed afterwards.
 */
const cases = moduleCases();

let fixture: string;
const nodeRuns = new Map<string, Promise<CaseRun>>();
beforeAll(() => {
  fixture = makeModulesFixture();
});
afterAll(() => removeCopies(fixture));

/** node's run of a case, once for both sandbox variants. */
function nodeRun(c: ModuleCase): Promise<CaseRun> {
  let run = nodeRuns.get(c.name);
  if (run === undefined) nodeRuns.set(c.name, (run = nodeCase(fixture, c.entry)));
  return run;
}

/**
 * Cases where the sandbox still differs from node 20.20, each with the reason (README, "Known
 * differences"). Their test asserts that the difference is still there (`it.fails`): when the loader
 * learns the behaviour, the test fails and the case must leave this list.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
};

const variants = cases.flatMap((c) => (['memory', 'mount'] as const).map((fs) => [c.name, fs, c] as const));
describe.each(variants)('modules differential: %s (%s)', (name, fs, c) => {
  const known = KNOWN_DIFFERENCES[name];
  (known ? it.fails : it)(known ? `still differs from plain node: ${known}` : 'prints and exits exactly as plain node', async () => {
    const node = await nodeRun(c);
    // The case itself: it prints, names no host path outside the tree, and ends as it means to.
    expect(node.stdout.length).toBeGreaterThan(0);
    expect(node.stdout).not.toContain(tmpdir());
    expect(node.exitCode).toBe(c.stderr ? 1 : 0);
    const guest = await guestCase(fixture, c.entry, fs);
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.exitCode);
    if (c.stderr) {
      expect(stderrHead(node.stderr).length).toBeGreaterThan(0);
      expect(stderrHead(guest.stderr)).toBe(stderrHead(node.stderr));
    }
  });
});

describe('the modules harness', () => {
  let probe: string;
  beforeAll(() => {
    probe = realpathSync(tempDir('v8fsb-modprobe-'));
    writeFiles(probe, { 'app/probe.js': 'console.log(__dirname.length, __filename);\n' });
  });
  afterAll(() => removeCopies(probe));

  it('notices a difference', async () => {
    const node = await nodeCase(probe, 'app/probe.js');
    const guest = await guestCase(probe, 'app/probe.js', 'memory');
    // The path is normalised; a value computed from the host path is not, so the two sides differ.
    expect(node.stdout).toBe(`${join(node.root, 'app').length} /app/probe.js\n`);
    expect(guest.stdout).toBe('4 /app/probe.js\n');
    expect(guest.stdout).not.toBe(node.stdout);
  });

  it('strips the root from paths and file URLs, and cuts stderr at the first frame', () => {
    const root = '/tmp/v8fsb-modcopy-AbC123';
    expect(normalise(`${root}/app/a.js file://${root}/app/a.mjs '${root}/x'`, root)).toBe("/app/a.js file:///app/a.mjs '/x'");
    const report = 'file:///app/x.mjs:3\n  throw e;\n  ^\n\nError: boom\n    at f (file:///app/x.mjs:3:9)\n    at node:internal/x:1:1\n\nNode.js v20\n';
    expect(stderrHead(report)).toBe('file:///app/x.mjs:3\n  throw e;\n  ^\n\nError: boom');
    expect(stderrHead('no frames\n')).toBe('no frames\n');
  });

  it('copies keep the symlinks as written and their targets inside the copy', () => {
    const copy = copyTree(fixture);
    for (const [link, target] of LINKS) {
      expect(lstatSync(join(copy, link)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(copy, link))).toBe(target);
      expect(realpathSync(join(copy, link)).startsWith(`${copy}/`)).toBe(true);
    }
  });

  it('lists as known differences only cases that exist', () => {
    for (const name of Object.keys(KNOWN_DIFFERENCES)) expect(cases.map((c) => c.name)).toContain(name);
  });

  it('has cases of every kind of entry', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const ext of ['.js', '.cjs', '.mjs']) expect(cases.some((c) => c.name.endsWith(ext))).toBe(true);
    expect(cases.some((c) => c.entry.startsWith('app/esm/'))).toBe(true);
    expect(cases.filter((c) => c.stderr).length).toBeGreaterThanOrEqual(2);
  });
});
