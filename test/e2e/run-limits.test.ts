import { describe, expect, it } from 'vitest';
import { Volume } from 'memfs';
import { createSandbox, type SandboxOptions } from '../../host/index.js';

/** A sandbox whose output is captured; `run` returns the result with the text each side received. */
function capture(options: SandboxOptions) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sandbox = createSandbox({ ...options, stdout: (b) => void out.push(Buffer.from(b)), stderr: (b) => void err.push(Buffer.from(b)) });
  return {
    sandbox,
    async run(source: string) {
      out.length = 0;
      err.length = 0;
      const started = Date.now();
      const result = await sandbox.run(source);
      return { ...result, ms: Date.now() - started, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
    },
  };
}

describe('busy-time (CPU) limit', () => {
  const sb = capture({ limits: { cpuMs: 300 } });

  it('ends an infinite loop, with status 124 and a message', async () => {
    const r = await sb.run('for (;;) {}');
    expect(r.terminated).toBe('cpu');
    expect(r.exitCode).toBe(124);
    expect(r.stderr).toBe('v8-fs-bridge: guest was busy for more than 300 ms (CPU time limit)\n');
    expect(r.ms).toBeLessThan(5000);
  });

  it('ends an endless chain of microtasks', async () => {
    const r = await sb.run('const again = () => Promise.resolve().then(again); again();');
    expect(r.terminated).toBe('cpu');
    expect(r.exitCode).toBe(124);
  });

  it('does not count time spent idle: a run that waits longer than the limit completes', async () => {
    const r = await sb.run("setTimeout(() => console.log('waited'), 700);");
    expect(r).toMatchObject({ exitCode: 0, stdout: 'waited\n', stderr: '' });
    expect(r.terminated).toBeUndefined();
    expect(r.ms).toBeGreaterThanOrEqual(650);
  });

  it('leaves the sandbox usable for the next run', async () => {
    await sb.run('for (;;) {}');
    const r = await sb.run("console.log(require('fs').existsSync('/'))");
    expect(r).toMatchObject({ exitCode: 0, stdout: 'true\n' });
  });

  it('has a default and accepts 0 for none', () => {
    expect(createSandbox().limits.cpuMs).toBe(300_000);
    expect(createSandbox({ limits: { cpuMs: 0 } }).limits.cpuMs).toBe(0);
    expect(() => createSandbox({ limits: { cpuMs: -1 } })).toThrow(RangeError);
  });
});

describe('output limit', () => {
  const vol = new Volume();
  const sb = capture({ vfs: vol, limits: { maxOutputBytes: 1000 } });
  const PROGRAM = `
    const fs = require('fs');
    for (let i = 0; i < 100; i++) console.log('line ' + i + ' ' + 'x'.repeat(20));
    let direct;
    try { fs.writeSync(1, 'direct'.repeat(20) + '\\n'); direct = 'written'; } catch (e) { direct = e.code + ' ' + e.syscall; }
    process.stdout.write('streamed'.repeat(20) + '\\n', (e) => fs.writeFileSync('/result.json', JSON.stringify({ direct, stream: e && e.code })));
    process.stdout.on('error', () => {});
  `;

  it('refuses output past the limit with ENOSPC, drops console output, and says so once', async () => {
    const r = await sb.run(PROGRAM);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    // Whole lines up to the limit, in order, then nothing (the later, longer writes are refused too).
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.length).toBeLessThan(40);
    expect(lines.every((l, i) => l === `line ${i} ${'x'.repeat(20)}`)).toBe(true);
    expect(Buffer.byteLength(r.stdout)).toBeLessThanOrEqual(1000);
    expect(r.stderr).toBe("v8-fs-bridge: the guest's output reached its limit of 1000 bytes; further output is refused\n");
    expect(JSON.parse(vol.readFileSync('/result.json', 'utf8') as string)).toEqual({ direct: 'ENOSPC write', stream: 'ENOSPC' });
  });

  it('gives every run a budget of its own', async () => {
    const r = await sb.run("console.log('fresh')");
    expect(r).toMatchObject({ exitCode: 0, stdout: 'fresh\n', stderr: '' });
  });
});
