import { readdirSync, readFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { nameToBytes } from '../../bridge/names/index.js';
import { loadDirectory } from '../../host/index.js';
import { runGuest, tempDir } from './helpers.js';
import { runMounted } from './mount-helpers.js';

/** A host directory whose names are not UTF-8: `f\xff` (a file), `l\xfe` -> `f\xff`, `\xd8/x`. */
function hostDirWithByteNames(): string {
  const dir = tempDir();
  const at = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  writeFileSync(at(dir, '/', [0x66, 0xff]), 'ff');
  symlinkSync(Buffer.from([0x66, 0xff]), at(dir, '/', [0x6c, 0xfe]));
  mkdirSync(at(dir, '/', [0xd8]));
  writeFileSync(at(dir, '/', [0xd8], '/x'), 'x');
  return dir;
}

const GUEST = `
const fs = require('fs');
const hex = (list) => list.map((b) => b.toString('hex')).sort().join(' ');
console.log(hex(fs.readdirSync('/', 'buffer')));
console.log(fs.readFileSync(Buffer.from([0x2f, 0x66, 0xff]), 'utf8'));
console.log(fs.readlinkSync(Buffer.from([0x2f, 0x6c, 0xfe]), 'buffer').toString('hex'));
console.log(fs.readFileSync(Buffer.from([0x2f, 0x6c, 0xfe]), 'utf8'));
console.log(hex(fs.readdirSync(Buffer.from([0x2f, 0xd8]), 'buffer')));
fs.writeFileSync(Buffer.from([0x2f, 0x6e, 0xfa]), 'new');
const w = fs.watch('/', { encoding: 'buffer' }, (type, name) => {
  console.log('watch', name.toString('hex'));
  w.close();
});
fs.writeFileSync(Buffer.from([0x2f, 0x77, 0xfb]), 'w');
`;
const EXPECTED = ['66ff 6cfe d8', 'ff', '66ff', 'ff', '78', 'watch 77fb', ''].join('\n');

describe('names that are not UTF-8 cross the bridge with their bytes', () => {
  it('in a copy of a host tree in memory (--root)', async () => {
    const vol = new Volume();
    loadDirectory(vol, hostDirWithByteNames());
    const run = await runGuest(GUEST, { vol });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(EXPECTED);
    const names = (vol.readdirSync('/') as string[]).map((n) => Buffer.from(nameToBytes(n)).toString('hex')).sort();
    expect(names).toEqual(['66ff', '6cfe', '6efa', '77fb', 'd8']);
  });

  it('on a live host directory (--mount), where the host sees the new name byte for byte', async () => {
    const dir = hostDirWithByteNames();
    const run = await runMounted(GUEST, dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(EXPECTED);
    expect(readdirSync(dir, { encoding: 'buffer' }).map((b) => b.toString('hex')).sort()).toEqual(['66ff', '6cfe', '6efa', '77fb', 'd8']);
    expect(readFileSync(Buffer.concat([Buffer.from(join(dir, '/')), Buffer.from([0x6e, 0xfa])]), 'utf8')).toBe('new');
  });
});
