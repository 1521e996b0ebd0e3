import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base64Length } from '../../bridge/legacy.js';
import { cli, type CliRun, randomBytes, tempDir } from './helpers.js';


type Line = { method: string; status: number; requestBytes: number; responseBytes: number };

/** Runs a script that reads a 300 000-byte file and writes it back, with `--protocol`; returns its trace. */
async function traced(protocol: string): Promise<{ r: CliRun; lines: Line[]; data: Buffer }> {
  const root = tempDir();
  const data = randomBytes(300_000, 9);
  writeFileSync(join(root, 'a.bin'), data);
  const script = join(tempDir(), 'job.js');
  writeFileSync(script, `const fs = require('fs'); const b = fs.readFileSync('a.bin'); fs.writeFileSync('b.bin', b); console.log(b.length, b.equals(fs.readFileSync('b.bin')));`);
  const trace = join(tempDir(), 'trace.jsonl');
  const r = await cli(['run', script, '--root', root, '--trace', trace, '--protocol', protocol]);
  const lines = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
  return { r, lines, data };
}

describe('v8-fs-bridge run --protocol', () => {
  it('legacy: same output; binary reads are status-0 answers of about 4/3 the file size', async () => {
    const { r, lines } = await traced('legacy');
    expect(r).toEqual({ code: 0, stdout: '300000 true\n', stderr: '' });
    // The guest announces raw support; an old host does not know the method.
    expect(lines[0]).toMatchObject({ method: 'bridge.hello', status: 1 });
    const reads = lines.filter((l) => l.method === 'fs.readFileSync');
    expect(reads).toHaveLength(2);
    for (const read of reads) {
      expect(read.status).toBe(0);
      expect(read.responseBytes).toBeGreaterThanOrEqual(base64Length(300_000));
      expect(read.responseBytes / 300_000).toBeCloseTo(4 / 3, 3);
    }
    const write = lines.find((l) => l.method === 'fs.writeFileSync')!;
    expect(write.requestBytes).toBeGreaterThanOrEqual(base64Length(300_000));
    expect(lines.some((l) => l.status === 2)).toBe(false);
  });

  it('raw (the default): status 2 with exactly the file size, no large status-0 answer', async () => {
    const { r, lines } = await traced('raw');
    expect(r).toEqual({ code: 0, stdout: '300000 true\n', stderr: '' });
    expect(lines[0]).toMatchObject({ method: 'bridge.hello', status: 0 });
    const reads = lines.filter((l) => l.method === 'fs.readFileSync');
    expect(reads.map((l) => [l.status, l.responseBytes])).toEqual([
      [2, 300_000],
      [2, 300_000],
    ]);
    expect(lines.filter((l) => l.status === 0 && l.responseBytes > 1024)).toEqual([]);
  });

  it('documents both values and rejects others with status 2', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toMatch(/--protocol raw\|legacy[^\n]*\n[^\n]*\n[^\n]*legacy: behave as an old host/);
    const bad = await cli(['run', 'x.js', '--protocol', 'base64']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--protocol takes raw or legacy, got 'base64'");
  });
});
