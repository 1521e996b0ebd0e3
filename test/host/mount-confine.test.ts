import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMountVfs, type MountVfs } from '../../host/index.js';
import { leaksHost, makeJail, SECRET, snapshot, type Jail } from './mount-jail.js';

/**
 * Confinement of a mounted directory, on the Vfs directly: `..`, absolute host paths, symlinks out
 * (relative, absolute, chains, to `/`, to `..`), hard links, and every operation's destination.
 * Each escape is refused with a Node-shaped error naming only guest paths, and nothing outside the
 * directory is read, written, created or deleted.
 */

let jail: Jail;
let vfs: MountVfs;
let before: string[];
const errors: Error[] = [];

beforeEach(() => {
  jail = makeJail();
  vfs = createMountVfs(jail.root);
  before = snapshot(jail);
  errors.length = 0;
});

afterEach(() => {
  expect(snapshot(jail)).toEqual(before);
  for (const e of errors) {
    const fields = JSON.stringify({ ...e, message: e.message, stack: e.stack });
    expect(leaksHost(jail, fields), fields).toBe(false);
  }
  expect(vfs.openFiles).toBe(0);
  vfs.close();
});

/**
 * Runs `fn`, which must fail; answers the error's code and keeps the error for the leak check,
 * unless the guest itself gave a host path (`echo`: the error then rightly repeats it).
 */
function refused(fn: () => unknown, echo = false): string {
  try {
    const value = fn();
    throw new Error(`expected a refusal, got ${String(value)}`);
  } catch (e) {
    const err = e as Error & { code?: string; errno?: number; syscall?: string };
    if (err.message.startsWith('expected a refusal')) throw err;
    if (!echo) errors.push(err);
    expect(err).toBeInstanceOf(Error);
    if (err.errno !== undefined) expect(err.message).toMatch(/^E[A-Z]+: [a-z ]+, [a-z]+/);
    return err.code ?? '';
  }
}

const escapes = ['/../outside/secret', '/../../../../../../outside/secret', '/sub/../../outside/secret', '/rel-out', '/abs-out', '/dir-out/secret',
  '/dir-abs-out/secret', '/sub/deeper/rel-out', '/chain1', '/sub/up3/../outside/secret', '/to-up/../outside/secret'];

describe('paths that point outside the mount name guest paths instead', () => {
  it('.. stops at / and absolute host paths are guest paths', () => {
    expect(vfs.realpathSync('/..')).toBe('/');
    expect(vfs.realpathSync('/sub/../../..')).toBe('/');
    expect(vfs.readdirSync('/../..')).toEqual(vfs.readdirSync('/'));
    expect(refused(() => vfs.readFileSync(jail.secret), true)).toBe('ENOENT');
    expect(refused(() => vfs.readFileSync(join(jail.root, 'inside.txt')), true)).toBe('ENOENT');
    expect(refused(() => vfs.readFileSync('/etc/passwd'))).toBe('ENOENT');
    expect(vfs.existsSync(jail.base)).toBe(false);
  });

  it.each(escapes)('%s: no read, stat, list or open reaches outside', (path) => {
    expect(refused(() => vfs.readFileSync(path, 'utf8'))).toBe('ENOENT');
    expect(refused(() => vfs.statSync(path))).toBe('ENOENT');
    expect(refused(() => vfs.openSync(path, 'r'))).toBe('ENOENT');
    expect(refused(() => vfs.realpathSync(path))).toBe('ENOENT');
    expect(refused(() => vfs.accessSync(path))).toBe('ENOENT');
    expect(vfs.existsSync(path)).toBe(false);
    expect(refused(() => vfs.readdirSync(path.replace(/\/secret$/, '')))).toMatch(/^(ENOENT|ENOTDIR)$/);
  });

  it.each(escapes)('%s: no write, append, truncate, chmod or utimes reaches outside', (path) => {
    expect(refused(() => vfs.writeFileSync(path, 'pwned'))).toBe('ENOENT');
    expect(refused(() => vfs.appendFileSync(path, 'pwned'))).toBe('ENOENT');
    expect(refused(() => vfs.openSync(path, 'w'))).toBe('ENOENT');
    expect(refused(() => vfs.truncateSync(path, 0))).toBe('ENOENT');
    expect(refused(() => vfs.chmodSync(path, 0o777))).toBe('ENOENT');
    expect(refused(() => vfs.utimesSync(path, 1, 1))).toBe('ENOENT');
    expect(refused(() => vfs.chownSync(path, 1, 1))).toBe('ENOENT');
  });

  it('links to / and to .. lead to the mount root', () => {
    for (const p of ['/to-root/inside.txt', '/to-up/inside.txt', '/sub/up3/inside.txt', '/to-root/to-up/to-root/sub/up3/inside.txt', '/in1']) {
      expect(vfs.readFileSync(p, 'utf8')).toBe('inside');
    }
    expect(vfs.realpathSync('/to-up')).toBe('/');
    expect(vfs.realpathSync('/sub/up3/sub')).toBe('/sub');
    expect(vfs.readdirSync('/to-root').sort()).toEqual(fs.readdirSync(jail.root).sort());
    expect(refused(() => vfs.readFileSync('/loop1'))).toBe('ELOOP');
    expect(vfs.readlinkSync('/abs-out')).toBe(jail.secret);
  });

  it('writes through links to / and .. land inside', () => {
    vfs.writeFileSync('/to-up/new.txt', 'n');
    vfs.mkdirSync('/sub/up3/made/deep', { recursive: true });
    vfs.writeFileSync('/to-root/made/deep/f', 'f');
    expect(fs.readFileSync(join(jail.root, 'new.txt'), 'utf8')).toBe('n');
    expect(fs.readFileSync(join(jail.root, 'made/deep/f'), 'utf8')).toBe('f');
  });

  it('a link made by the guest keeps its text and resolves inside', () => {
    vfs.symlinkSync(jail.secret, '/mine');
    vfs.symlinkSync('../../../outside/secret', '/sub/mine');
    expect(fs.readlinkSync(join(jail.root, 'mine'))).toBe(jail.secret);
    expect(refused(() => vfs.readFileSync('/mine'))).toBe('ENOENT');
    expect(refused(() => vfs.readFileSync('/sub/mine'))).toBe('ENOENT');
    // What an absolute target names is the guest's: create it, and the link works.
    vfs.mkdirSync(`${jail.outside}`, { recursive: true });
    vfs.writeFileSync(jail.secret, 'guest-made');
    expect(vfs.readFileSync('/mine', 'utf8')).toBe('guest-made');
    expect(fs.readFileSync(join(jail.root, jail.secret), 'utf8')).toBe('guest-made');
  });
});

describe('destinations outside the mount', () => {
  it('hard links never reach an outside file', () => {
    expect(refused(() => vfs.linkSync(jail.secret, '/hl'), true)).toBe('ENOENT');
    expect(refused(() => vfs.linkSync('/dir-out/secret', '/hl'))).toBe('ENOENT');
    expect(refused(() => vfs.linkSync('/inside.txt', '/dir-abs-out/hl'))).toBe('ENOENT');
    // link() does not follow: this links the symlink itself, which still resolves inside.
    vfs.linkSync('/rel-out', '/hl');
    expect(vfs.lstatSync('/hl').isSymbolicLink()).toBe(true);
    expect(refused(() => vfs.readFileSync('/hl'))).toBe('ENOENT');
    expect(fs.statSync(jail.secret).nlink).toBe(1);
  });

  it('rename, copy, symlink, mkdir and mkdtemp into outside places are refused or land inside', () => {
    expect(refused(() => vfs.renameSync('/inside.txt', '/dir-out/moved'))).toBe('ENOENT');
    expect(refused(() => vfs.renameSync('/dir-out/secret', '/stolen'))).toBe('ENOENT');
    expect(refused(() => vfs.copyFileSync('/inside.txt', '/dir-abs-out/copied'))).toBe('ENOENT');
    expect(refused(() => vfs.copyFileSync('/inside.txt', '/rel-out'))).toBe('ENOENT');
    expect(refused(() => vfs.copyFileSync('/abs-out', '/copied'))).toBe('ENOENT');
    expect(refused(() => vfs.symlinkSync('x', '/dir-out/evil'))).toBe('ENOENT');
    expect(refused(() => vfs.mkdirSync('/dir-abs-out/new'))).toBe('ENOENT');
    expect(refused(() => vfs.mkdirSync('/dir-out/new/deeper', { recursive: true }))).toBe('ENOENT');
    expect(refused(() => vfs.mkdtempSync('/dir-out/t-'))).toBe('ENOENT');
    vfs.renameSync('/inside.txt', '/../moved');
    expect(fs.readFileSync(join(jail.root, 'moved'), 'utf8')).toBe('inside');
    vfs.copyFileSync('/moved', '/../../copied');
    expect(fs.existsSync(join(jail.root, 'copied'))).toBe(true);
  });

  it('removals take the links, never what they point at, and never the mount itself', () => {
    vfs.rmSync('/dir-out', { recursive: true, force: true });
    vfs.rmSync('/dir-abs-out', { recursive: true });
    vfs.unlinkSync('/abs-out');
    expect(refused(() => vfs.rmSync('/dir-out/secret', { force: false }))).toBe('ENOENT');
    expect(refused(() => vfs.unlinkSync('/../outside/secret'))).toBe('ENOENT');
    expect(refused(() => vfs.rmdirSync('/../outside/dir'))).toBe('ENOENT');
    expect(refused(() => vfs.rmSync('/', { recursive: true, force: true }))).toBe('EBUSY');
    expect(refused(() => vfs.rmSync('/to-root/', { recursive: true, force: true }))).toMatch(/^E/);
    expect(refused(() => vfs.rmdirSync('/'))).toBe('EBUSY');
    expect(refused(() => vfs.renameSync('/', '/sub/x'))).toBe('EBUSY');
    expect(refused(() => vfs.renameSync('/sub', '/'))).toBe('EBUSY');
    expect(refused(() => vfs.unlinkSync('/'))).toBe('EISDIR');
    expect(fs.existsSync(join(jail.root, 'inside.txt'))).toBe(true);
    vfs.rmSync('/sub', { recursive: true });
    expect(fs.existsSync(join(jail.root, 'sub'))).toBe(false);
  });

  it('errors carry the guest paths, as Node would with these paths', () => {
    const err = (() => {
      try {
        vfs.renameSync('/dir-out/secret', '/x');
      } catch (e) {
        return e as Error & Record<string, unknown>;
      }
    })()!;
    errors.push(err);
    expect({ ...err, message: err.message }).toEqual({ errno: -2, code: 'ENOENT', syscall: 'rename', path: '/dir-out/secret', dest: '/x', message: "ENOENT: no such file or directory, rename '/dir-out/secret' -> '/x'" });
  });
});

describe('hostile arguments', () => {
  it('descriptors are the mount\'s own: host descriptors cannot be named', () => {
    for (const fd of [0, 1, 2, 3, 100, -1, 2 ** 31, 1.5, vfs as unknown as number]) {
      expect(refused(() => vfs.closeSync(fd))).toBe('EBADF');
      expect(refused(() => vfs.readSync(fd, Buffer.alloc(1), 0, 1, 0))).toBe('EBADF');
      expect(refused(() => vfs.writeSync(fd, Buffer.alloc(1), 0, 1, 0))).toBe('EBADF');
      expect(refused(() => vfs.fstatSync(fd))).toBe('EBADF');
    }
    expect(fs.fstatSync(1)).toBeTruthy();
  });

  it('bad paths, long names and too many open files are refused, naming no host path', () => {
    expect(refused(() => vfs.readFileSync('/inside.txt\u0000x'))).toBe('ERR_INVALID_ARG_VALUE');
    expect(refused(() => vfs.statSync(42 as unknown as string))).toBe('ERR_INVALID_ARG_TYPE');
    expect(refused(() => vfs.writeFileSync(`/${'n'.repeat(300)}`, 'x'))).toBe('ENAMETOOLONG');
    expect(refused(() => vfs.openSync('/inside.txt', 'nope'))).toBe('ERR_INVALID_ARG_VALUE');
    const small = createMountVfs(jail.root, { maxOpenFiles: 3 });
    try {
      const fds = [0, 1, 2].map(() => small.openSync('/inside.txt', 'r'));
      expect(new Set(fds).size).toBe(3);
      expect(refused(() => small.openSync('/inside.txt', 'r'))).toBe('EMFILE');
      small.closeSync(fds[0]!);
      small.closeSync(small.openSync('/inside.txt', 'r'));
      small.closeAll();
      expect(small.openFiles).toBe(0);
    } finally {
      small.close();
    }
  });
});

describe('the mount root', () => {
  it('must be a directory, given by the host', () => {
    expect(() => createMountVfs(join(jail.root, 'inside.txt'))).toThrow(/ENOTDIR/);
    expect(() => createMountVfs(join(jail.base, 'missing'))).toThrow(/ENOENT/);
  });

  it('reads and writes are live, both ways', () => {
    fs.writeFileSync(join(jail.root, 'host.txt'), 'from host');
    expect(vfs.readFileSync('/host.txt', 'utf8')).toBe('from host');
    vfs.writeFileSync('/guest.txt', 'from guest');
    expect(fs.readFileSync(join(jail.root, 'guest.txt'), 'utf8')).toBe('from guest');
    expect(SECRET).not.toContain('from');
  });
});
