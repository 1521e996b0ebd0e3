import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

describe('v8-fs-bridge run --mount', () => {
  it('gives the guest the directory itself, live', async () => {
    const dir = tempDir('v8fsb-cli-mount-');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), 'from the host');
    const script = join(tempDir(), 'job.js');
    writeFileSync(
      script,
      `const fs = require('fs');
       console.log(fs.readFileSync('in/a.txt', 'utf8'), fs.readdirSync('/').join());
       fs.mkdirSync('/out');
       fs.writeFileSync('/out/b.txt', 'from the guest');
       try { fs.readFileSync('/../../etc/hostname'); } catch (e) { console.log(e.message); }`,
    );
    const r = await cli(['run', script, '--mount', dir]);
    expect(r).toEqual({ code: 0, stdout: "from the host in\nENOENT: no such file or directory, open '/../../etc/hostname'\n", stderr: '' });
    expect(readFileSync(join(dir, 'out', 'b.txt'), 'utf8')).toBe('from the guest');
    expect(readdirSync(dir).sort()).toEqual(['in', 'out']);
  });

  it('is documented, and is a usage error with --root or without a directory', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--mount DIR\s+give the guest DIR itself at \/, live/);
    const script = join(tempDir(), 'job.js');
    writeFileSync(script, 'console.log(1)');
    const dir = tempDir();
    const both = await cli(['run', script, '--mount', dir, '--root', dir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--root (a copy) and --mount (live) cannot be used together');
    const missing = await cli(['run', script, '--mount', join(dir, 'missing')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--mount cannot use');
    const file = await cli(['run', script, '--mount', script]);
    expect(file.code).toBe(2);
  });
});
