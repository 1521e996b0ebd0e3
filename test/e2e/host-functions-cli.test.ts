import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/host/cli.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('v8-fs-bridge run --host-module', () => {
  it('runs the gzip example: host gzip/gunzip/sha256 over raw bytes, blocking and promise calls', async () => {
    const trace = join(tempDir(), 'trace.jsonl');
    const r = await cli(['run', 'examples/host-module/compress.js', '--host-module', 'examples/host-module/gzip.mjs', '--trace', trace]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      expect.stringMatching(/^data 1048576 bytes, sha256 [0-9a-f]{16}\.\.\.$/),
      expect.stringMatching(/^gzip \d+ bytes \(\d+\.\d%\), Buffer: true$/),
      'gunzip (blocking) matches',
      'corrupt input: Error Z_DATA_ERROR',
      'gunzip (promise) sha256 matches',
      '',
    ]);
    const lines = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { method: string; status: number; requestBytes: number; transport: string });
    const sha = lines.find((l) => l.method === 'host.fn.sha256');
    // The 1 MiB argument travels as bytes: the request is barely larger than the data (base64 would be 4/3).
    expect(sha).toMatchObject({ status: 2, transport: 'sync' });
    expect(sha!.requestBytes).toBeLessThan(1024 * 1024 + 64);
    expect(lines.some((l) => l.method === 'host.fn.gunzip' && l.transport === 'async')).toBe(true);
  });

  it('combines several modules, and refuses a name two modules export', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.mjs'), 'export const add = (a, b) => a + b; export const notAFunction = 1;');
    writeFileSync(join(dir, 'b.mjs'), 'export async function mul(a, b) { return a * b; }');
    writeFileSync(join(dir, 'c.mjs'), 'export function add() {}');
    const script = join(dir, 'main.js');
    writeFileSync(script, `const h = require('host'); console.log(Object.keys(h).join(), h.add(2, 3), h.mul(4n, 5n));`);
    expect(await cli(['run', script, '--host-module', join(dir, 'a.mjs'), '--host-module', join(dir, 'b.mjs')])).toEqual({ code: 0, stdout: 'add,mul 5 20n\n', stderr: '' });
    const clash = await cli(['run', script, '--host-module', join(dir, 'a.mjs'), '--host-module', join(dir, 'c.mjs')]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("host function 'add' is exported by more than one --host-module");
  });

  it('documents --host-module in --help', async () => {
    expect((await cli(['--help'])).stdout).toContain('--host-module FILE');
  });
});
