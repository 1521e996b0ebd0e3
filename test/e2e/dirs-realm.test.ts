import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm probe (realm-probe.ts), run over everything the
 * directory functions hand the guest: Dirent objects, name arrays (strings and Buffers), results of
 * every form, fs.constants, and each kind of error they throw.
 */

const SCRIPT = `${PROBE}
const fs = require('fs');
const roots = { Dirent: fs.Dirent, constants: fs.constants, exists: fs.exists, realpathSync: fs.realpathSync, realpath: fs.realpath };
const grab = (name, f) => { try { roots[name] = f(); } catch (e) { roots[name] = e; } };
grab('names', () => fs.readdirSync('/d'));
grab('bufferNames', () => fs.readdirSync('/d', 'buffer'));
grab('dirents', () => fs.readdirSync('/d', { withFileTypes: true }));
grab('bufferDirents', () => fs.readdirSync(Buffer.from('/d'), { withFileTypes: true, encoding: 'buffer' }));
grab('recursive', () => fs.readdirSync('/d', { recursive: true, withFileTypes: true }));
grab('realpathBuffer', () => fs.realpathSync('/l', 'buffer'));
grab('readlinkBuffer', () => fs.readlinkSync('/l', 'buffer'));
grab('mkdtemp', () => fs.mkdtempSync('/t-', 'buffer'));
grab('mkdirFirst', () => fs.mkdirSync('/m/n', { recursive: true }));
grab('sysError', () => fs.readdirSync('/missing'));
grab('rmError', () => fs.rmSync('/d'));
grab('bindingError', () => fs.accessSync('/d', 99));
grab('argError', () => fs.readdirSync('/d', { recursive: 1 }));
grab('rangeError', () => fs.chownSync('/d/f', 2 ** 40, 0));
grab('cbThrow', () => fs.readdir('/d'));
const later = [
  new Promise((res) => fs.readdir('/d', { withFileTypes: true }, (...a) => res(a))),
  new Promise((res) => fs.readdir('/d', { recursive: true }, (...a) => res(a))),
  new Promise((res) => fs.rm('/d', (...a) => res(a))),
  new Promise((res) => fs.exists('/d', (...a) => res(a))),
  new Promise((res) => fs.realpath('/missing', (...a) => res(a))),
  fs.promises.readdir('/d', { withFileTypes: true, recursive: true }),
  fs.promises.rm('/d').catch((e) => e),
  fs.promises.rmdir('/d').catch((e) => e),
  fs.promises.realpath('/l', 'buffer'),
  fs.promises.mkdtemp('/u-'),
  fs.promises.access('/d', 'x').catch((e) => e),
];
roots.pending = later[0];
Promise.all(later).then((values) => {
  roots.later = values;
  const kinds = [roots.dirents[0] instanceof fs.Dirent, Buffer.isBuffer(roots.bufferNames[0]), Buffer.isBuffer(roots.bufferDirents[0].name),
    roots.recursive.length, Buffer.isBuffer(roots.realpathBuffer), roots.sysError.code, roots.rmError.code, roots.bindingError.code,
    roots.argError.code, roots.rangeError.code, roots.cbThrow.code, values[0][1][0] instanceof fs.Dirent, values[2][0].code, values[3][0],
    values[4][0].code, values[5].length, values[6].code, values[7].code, Buffer.isBuffer(values[8]), typeof values[9], values[10].code];
  console.log(JSON.stringify({ ...probe(roots), kinds }));
});
`;

describe('realm isolation of the directory functions', () => {
  it('every object reachable from Dirents, name arrays, results and errors is the guest realm own', async () => {
    const vol = new Volume();
    vol.mkdirSync('/d/sub', { recursive: true });
    vol.writeFileSync('/d/f', 'x');
    vol.symlinkSync('/d', '/l');
    const r = await runGuest(SCRIPT, { vol });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[]; kinds: unknown[] };
    expect(out.kinds).toEqual([true, true, true, 2, true, 'ENOENT', 'ERR_FS_EISDIR', 'ERR_OUT_OF_RANGE', 'ERR_INVALID_ARG_TYPE', 'ERR_OUT_OF_RANGE',
      'ERR_INVALID_ARG_TYPE', true, 'ERR_FS_EISDIR', true, 'ENOENT', 2, 'ERR_FS_EISDIR', 'ENOTEMPTY', true, 'string', 'ERR_INVALID_ARG_TYPE']);
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(300);
  });
});
