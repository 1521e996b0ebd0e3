import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSameThread } from '../../examples/embedding/same-thread.mjs';
import { runTwoProcess } from '../../examples/embedding/two-process/host.mjs';
import { loadDirectory } from '../../host/index.js';
import { differentialNode } from '../e2e/helpers.js';
import { makeFixture, scriptSource } from '../differential/fixture.js';
import { hostTree, volumeTree } from '../differential/trees.js';

/**
 * The embedding examples run the same guest bundle over other transports: a vm context on the
 * test's own thread calling the Dispatcher directly, and a guest process whose frames come over
 * length-prefixed socket streams. Every differential fs script must print, exit and leave the tree
 * as plain node does, over the raw wire and over a legacy host's.
 */
const SCRIPTS = join(import.meta.dirname, '..', 'differential', 'scripts');
const scripts = readdirSync(SCRIPTS).filter((f) => f.endsWith('.js')).sort();

const hosts = { 'same thread': runSameThread, 'two processes': runTwoProcess } as const;

/** Runs `source` through an example host over a copy of `fixture`; what it printed, its status, its volume. */
async function embedded(host: keyof typeof hosts, source: string, fixture: string, protocol: 'raw' | 'legacy') {
  const vol = new Volume();
  loadDirectory(vol, fixture);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const exitCode = await hosts[host](source, { vfs: vol, protocol, stdout: (b) => void out.push(Buffer.from(b)), stderr: (b) => void err.push(Buffer.from(b)) });
  return { exitCode, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), vol };
}

let fixture: string;
beforeAll(() => {
  fixture = makeFixture();
});

const cases = Object.keys(hosts).flatMap((host) => scripts.flatMap((script) => (['raw', 'legacy'] as const).map((protocol) => [host as keyof typeof hosts, script, protocol] as const)));
describe.each(cases)('embedded (%s): %s (%s)', (host, script, protocol) => {
  it('prints, exits and leaves the tree exactly as plain node', async () => {
    const source = scriptSource(join(SCRIPTS, script));
    const node = await differentialNode(source, fixture);
    const guest = await embedded(host, source, fixture, protocol);
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.code);
    expect(node.stdout.length).toBeGreaterThan(0);
    expect(volumeTree(guest.vol)).toEqual(hostTree(node.dir));
  });
});

describe.each(Object.keys(hosts) as (keyof typeof hosts)[])('the %s example', (host) => {
  it("reports an uncaught error as Node does and exits with 1", async () => {
    const r = await embedded(host, "const fs = require('fs');\nfs.readFileSync('/nope');\n", makeFixture(), 'raw');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error: ENOENT: no such file or directory, open '\/nope'$/m);
    expect(r.stderr).toContain("code: 'ENOENT'");
  });

  it('keeps running while timers and async calls are pending, and ends with process.exit', async () => {
    const source = [
      "const fs = require('fs');",
      "setTimeout(() => fs.promises.writeFile('/later.txt', 'x').then(() => { console.log('written'); process.exit(7); }), 20);",
      "process.on('exit', (c) => console.log('exit', c));",
    ].join('\n');
    const r = await embedded(host, source, makeFixture(), 'raw');
    expect(r.stdout).toBe('written\nexit 7\n');
    expect(r.exitCode).toBe(7);
    expect(String(r.vol.readFileSync('/later.txt'))).toBe('x');
  });
});
