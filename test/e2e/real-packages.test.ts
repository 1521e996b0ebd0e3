/**
 * e2e: real programs. examples/real-packages holds a package.json and lock file (webpack, sass,
 * archiver, adm-zip, yaml, ejs, csv-parse, less), installed by npm at test time and never
 * committed, and one driver per package doing real work on real files. Every driver runs under
 * plain node, in the sandbox over a memory copy of the tree and over a mounted copy: same output,
 * same exit status, and the same files written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript modules without declarations
import { ensureInstalled } from '../../scripts/install-tree.mjs';
// @ts-expect-error: plain JavaScript modules without declarations
import { compareAll, DRIVERS, HERE } from '../../examples/real-packages/compare.mjs';

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
}
type Way = { results: Record<string, Run>; out: string[] };

let all: Record<'node' | 'root' | 'mount', Way>;

beforeAll(async () => {
  ensureInstalled(HERE);
  all = await compareAll();
}, 600_000);

describe.each(DRIVERS as string[])('real package driver %s', (driver) => {
  it('does real work under node', () => {
    const node = all.node.results[driver]!;
    expect(node.exitCode).toBe(0);
    expect(node.stderr).toBe('');
    expect(node.stdout.split('\n').length).toBeGreaterThan(2);
  });
  it.each(['root', 'mount'] as const)('prints and exits in the sandbox (%s) exactly as under node', (mode) => {
    const node = all.node.results[driver]!;
    const guest = all[mode].results[driver]!;
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.stderr).toBe(node.stderr);
    expect(guest.exitCode).toBe(node.exitCode);
  });
});

describe('real package drivers, files written', () => {
  it.each(['root', 'mount'] as const)('the sandbox (%s) leaves the same out/ tree as node', (mode) => {
    expect(all.node.out.length).toBeGreaterThanOrEqual(10);
    expect(all[mode].out).toEqual(all.node.out);
  });
});
