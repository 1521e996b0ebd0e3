import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { createMountVfs, createSandbox, type Vfs } from '../../host/index.js';
import { tempDir } from './helpers.js';

/**
 * A guest ended at any moment of its writes leaves every file whole: a run rewriting one file over
 * and over, blocking and async, through a small window (so each write is many chunks) and as moved
 * buffers, is stopped by its time limit at a different moment each time; afterwards the file is
 * the old content or one write's whole content, never a mix or a part, and no temporary file is
 * left. The sandbox's next run gets its own answers.
 */
const SIZE = 3 * 1024 * 1024 + 5;
const PROGRAM = `
const fs = require('fs');
const a = Buffer.alloc(${SIZE}, 0x61);
const b = Buffer.alloc(${SIZE}, 0x62);
let i = 0;
(async () => {
  for (;;) {
    fs.writeFileSync('/data/f.bin', i++ % 2 ? a : b);
    await fs.promises.writeFile('/data/f.bin', i++ % 2 ? a : b);
    const fd = fs.openSync('/data/g.bin', 'w');
    fs.writeSync(fd, a);
    fs.closeSync(fd);
  }
})();
`;

/** The old content, or a whole write of 'a' or of 'b'. */
function whole(file: Buffer): boolean {
  if (file.equals(Buffer.from('old'))) return true;
  return file.length === SIZE && (file.every((x) => x === 0x61) || file.every((x) => x === 0x62));
}

async function killedAtManyMoments(vfs: Vfs, read: (name: string) => Buffer, list: () => string[]): Promise<void> {
  const timeouts = [40, 70, 100, 140, 180, 230, 290, 360];
  const seen = new Set<string>();
  for (const timeoutMs of timeouts) {
    const sandbox = createSandbox({ vfs, limits: { timeoutMs, windowBytes: 64 * 1024, bulkBytes: 256 * 1024 }, stdout: () => {}, stderr: () => {} });
    const r = await sandbox.run(PROGRAM);
    expect(r.terminated, `limit ${timeoutMs} ms`).toBe('timeout');
    const file = read('f.bin');
    expect(whole(file), `f.bin after ${timeoutMs} ms`).toBe(true);
    seen.add(file.length === SIZE ? String.fromCharCode(file[0]!) : 'old');
    // No temporary file of a cut write is left: only the files the program names.
    expect(list().filter((n) => n !== 'f.bin' && n !== 'g.bin'), `entries after ${timeoutMs} ms`).toEqual([]);
  }
  // The runs did write (the test proves nothing if every run ended before its first write).
  expect([...seen].filter((s) => s !== 'old').length).toBeGreaterThan(0);
  const next = createSandbox({ vfs, stdout: () => {}, stderr: () => {} });
  const r = await next.run("const fs = require('fs'); fs.writeFileSync('/data/ok.txt', 'ok'); if (fs.readFileSync('/data/ok.txt', 'utf8') !== 'ok') process.exit(3);");
  expect(r.exitCode).toBe(0);
}

describe('nothing lost when a guest is ended in the middle of its writes', () => {
  it('memory filesystem', async () => {
    const vol = new Volume();
    vol.mkdirSync('/data');
    vol.writeFileSync('/data/f.bin', 'old');
    await killedAtManyMoments(vol, (n) => vol.readFileSync(`/data/${n}`) as Buffer, () => vol.readdirSync('/data') as string[]);
  }, 60_000);

  it('--mount', async () => {
    const dir = tempDir('v8fsb-lost-');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'f.bin'), 'old');
    const vfs = createMountVfs(dir);
    try {
      await killedAtManyMoments(vfs, (n) => readFileSync(join(dir, 'data', n)), () => readdirSync(join(dir, 'data')));
    } finally {
      vfs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
