import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../host/index.js';

/** process.stdout/stderr write bytes as they are and strings in their encoding's bytes, as plain node does. */
const PROGRAM = `
process.stdout.write(Buffer.from([0xff, 0xfe, 0x41]));
process.stdout.write('\\u00e9', 'latin1');
process.stdout.write('\\u00e9');
process.stdout.write('00ff', 'hex');
process.stdout.write(new Uint8Array([0x80, 0x0a]));
process.stderr.write(Buffer.from([0xc3]));
`;

describe('stdio bytes', () => {
  it('reach the host exactly as plain node writes them', async () => {
    const node = execFileSync(process.execPath, ['-e', PROGRAM], { stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const r = await createSandbox({ stdout: (b) => void out.push(Buffer.from(b)), stderr: (b) => void err.push(Buffer.from(b)) }).run(PROGRAM);
    expect(r.exitCode).toBe(0);
    expect(Buffer.concat(out).toString('hex')).toBe(node.toString('hex'));
    expect(Buffer.concat(out).toString('hex')).toBe('fffe41e9c3a900ff800a');
    expect(Buffer.concat(err).toString('hex')).toBe('c3');
  });
});
