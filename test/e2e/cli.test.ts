import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, randomBytes, tempDir } from './helpers.js';


describe('v8-fs-bridge run', () => {
  it('runs a script over a copy of --root, writes the trace, and leaves the root untouched', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'in'));
    const data = randomBytes(300_000, 5);
    writeFileSync(join(root, 'in', 'a.bin'), data);
    const script = join(tempDir(), 'job.js');
    writeFileSync(script, `const fs = require('fs'); const b = fs.readFileSync('in/a.bin'); fs.writeFileSync('in/a.bin', Buffer.alloc(1)); console.log(b.length, process.argv.slice(2).join(',')); process.exit(3);`);
    const trace = join(tempDir(), 'trace.jsonl');
    const r = await cli(['run', script, '--root', root, '--trace', trace, '--', 'x', '--y']);
    expect(r).toEqual({ code: 3, stdout: '300000 x,--y\n', stderr: '' });
    expect(readFileSync(join(root, 'in', 'a.bin')).equals(data)).toBe(true);
    const all = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // The guest's first call announces its protocol (bridge.hello); the loader looks up the entry
    // (module.statMany) and its package.json (none: module.read answers undefined); the script's calls follow.
    expect(all[0]).toMatchObject({ method: 'bridge.hello', status: 0 });
    const loader = all.slice(1).filter((e) => String(e.method).startsWith('module.'));
    expect(loader.map((e) => e.method)).toContain('module.read');
    expect(loader.length).toBeLessThanOrEqual(3);
    const lines = all.slice(1 + loader.length);
    expect(all.slice(1, 1 + loader.length)).toEqual(loader);
    expect(lines[0]).toMatchObject({ method: 'fs.readFileSync', status: 2, responseBytes: 300_000, transport: 'sync' });
    for (const key of ['id', 'requestBytes', 'micros']) expect(typeof lines[0]![key]).toBe('number');
    expect(lines[1]).toMatchObject({ method: 'fs.writeFileSync', status: 0, responseBytes: 0 });
  });

  it('documents itself and rejects bad usage with status 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const word of ['--root', '--trace', '--protocol', '--timeout-ms', '--heap-mb', 'Exit status']) expect(help.stdout).toContain(word);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['run', 'x.js', '--timeout-ms', 'soon'])).code).toBe(2);
  });

  it('passes through the guest exit status of an uncaught error', async () => {
    const script = join(tempDir(), 'bad.js');
    writeFileSync(script, 'null.x;');
    const r = await cli(['run', script]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("TypeError: Cannot read properties of null (reading 'x')");
  });
});
