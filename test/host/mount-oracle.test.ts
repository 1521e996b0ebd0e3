import { constants } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outcome, sides, tree, type Side } from './mount-oracle.js';

/**
 * The mounted directory against node:fs on a copy of the same tree: every operation answers the
 * same (values, or errors with the same code, syscall, path, dest and message) and leaves the same
 * tree. Paths here stay inside the tree and links are relative, where the kernel and the mount agree;
 * the confinement tests cover the rest.
 */

type Op = (s: Side) => unknown;

const sorted = (list: unknown) => (list as Array<{ toString(): string }>).map(String).sort();
const typesOf = (list: unknown) =>
  (list as Array<{ name: unknown; isDirectory(): boolean; isSymbolicLink(): boolean }>)
    .map((d) => `${String(d.name)}:${d.isSymbolicLink() ? 'l' : d.isDirectory() ? 'd' : 'f'}`)
    .sort();

const cases: Array<[string, Op]> = [
  ['readFile', ({ fs, p }) => fs.readFileSync(p('/dir/a.txt'), 'utf8')],
  ['readFile bytes', ({ fs, p }) => fs.readFileSync(p('/bin/zero.bin'))],
  ['readFile through links', ({ fs, p }) => fs.readFileSync(p('/links/to-dir/b/c.txt'), 'latin1')],
  ['readFile of a link to a file', ({ fs, p }) => fs.readFileSync(p('/links/to-file'), 'hex')],
  ['readFile of a directory', ({ fs, p }) => fs.readFileSync(p('/dir'))],
  ['readFile missing', ({ fs, p }) => fs.readFileSync(p('/dir/nope'))],
  ['readFile dangling', ({ fs, p }) => fs.readFileSync(p('/links/dangling'))],
  ['readFile file/', ({ fs, p }) => fs.readFileSync(p('/dir/a.txt/'))],
  ['readFile under a file', ({ fs, p }) => fs.readFileSync(p('/dir/a.txt/x'))],
  ['readFile bad encoding', ({ fs, p }) => fs.readFileSync(p('/nope'), 'nope' as BufferEncoding)],
  ['stat', ({ fs, p }) => fs.statSync(p('/links/to-dir'))],
  ['lstat', ({ fs, p }) => fs.lstatSync(p('/links/to-dir'))],
  ['lstat link/', ({ fs, p }) => fs.lstatSync(p('/links/to-dir/'))],
  ['stat missing', ({ fs, p }) => fs.statSync(p('/nope'))],
  ['stat missing, no throw', ({ fs, p }) => fs.statSync(p('/nope'), { throwIfNoEntry: false })],
  ['stat bigint', ({ fs, p }) => String(fs.statSync(p('/dir/a.txt'), { bigint: true }).size)],
  ['exists', ({ fs, p }) => ['/dir', '/links/to-file', '/links/dangling', '/nope', '/dir/a.txt/'].map((x) => fs.existsSync(p(x)))],
  ['access', ({ fs, p }) => fs.accessSync(p('/dir/a.txt'), constants.R_OK | constants.W_OK)],
  ['access missing', ({ fs, p }) => fs.accessSync(p('/links/dangling'))],
  ['readdir', ({ fs, p }) => sorted(fs.readdirSync(p('/links')))],
  ['readdir types', ({ fs, p }) => typesOf(fs.readdirSync(p('/links/to-dir'), { withFileTypes: true }))],
  ['readdir dirents', ({ fs, p }) => fs.readdirSync(p('/dir'), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))],
  ['readdir buffers', ({ fs, p }) => fs.readdirSync(p('/text'), { encoding: 'buffer' }).sort(Buffer.compare)],
  ['readdir hex', ({ fs, p }) => sorted(fs.readdirSync(p('/text'), 'hex'))],
  ['readdir recursive', ({ fs, p }) => fs.readdirSync(p('/'), { recursive: true })],
  ['readdir recursive dirents', ({ fs, p }) => typesOf(fs.readdirSync(p('/'), { recursive: true, withFileTypes: true }))],
  ['readdir of a file', ({ fs, p }) => fs.readdirSync(p('/dir/a.txt'))],
  ['readdir missing', ({ fs, p }) => fs.readdirSync(p('/nope'))],
  ['mkdir', ({ fs, p }) => [fs.mkdirSync(p('/new')), fs.statSync(p('/new'))]],
  ['mkdir mode', ({ fs, p }) => [fs.mkdirSync(p('/new'), 0o700), fs.statSync(p('/new'))]],
  ['mkdir existing', ({ fs, p }) => fs.mkdirSync(p('/dir'))],
  ['mkdir over a dangling link', ({ fs, p }) => fs.mkdirSync(p('/links/dangling'))],
  ['mkdir -p', ({ fs, p }) => fs.mkdirSync(p('/dir/x/y/z'), { recursive: true })],
  ['mkdir -p existing', ({ fs, p }) => fs.mkdirSync(p('/links/to-dir'), { recursive: true })],
  ['mkdir -p through a link', ({ fs, p }) => fs.mkdirSync(p('/links/to-dir/n/m'), { recursive: true })],
  ['mkdir -p under a file', ({ fs, p }) => fs.mkdirSync(p('/dir/a.txt/x/y'), { recursive: true })],
  ['mkdir -p on a file', ({ fs, p }) => fs.mkdirSync(p('/dir/a.txt'), { recursive: true })],
  ['mkdir -p through a dangling link', ({ fs, p }) => fs.mkdirSync(p('/links/dangling/x'), { recursive: true })],
  ['writeFile new', ({ fs, p }) => [fs.writeFileSync(p('/dir/new.txt'), 'fresh'), fs.readFileSync(p('/dir/new.txt'), 'utf8')]],
  ['writeFile replaces', ({ fs, p }) => [fs.writeFileSync(p('/dir/a.txt'), Buffer.from([1, 2])), fs.readFileSync(p('/dir/a.txt'))]],
  ['writeFile keeps the mode', ({ fs, p }) => [fs.chmodSync(p('/dir/a.txt'), 0o640), fs.writeFileSync(p('/dir/a.txt'), 'x', { mode: 0o600 }), fs.statSync(p('/dir/a.txt'))]],
  ['writeFile new with mode', ({ fs, p }) => [fs.writeFileSync(p('/m.txt'), 'x', { mode: 0o604 }), fs.statSync(p('/m.txt'))]],
  ['writeFile through a link', ({ fs, p }) => [fs.writeFileSync(p('/links/to-file'), 'via'), fs.lstatSync(p('/links/to-file'))]],
  ['writeFile through a dangling link', ({ fs, p }) => fs.writeFileSync(p('/links/dangling'), 'created')],
  ['writeFile wx existing', ({ fs, p }) => fs.writeFileSync(p('/dir/a.txt'), 'x', { flag: 'wx' })],
  ['writeFile wx on a link', ({ fs, p }) => fs.writeFileSync(p('/links/dangling'), 'x', { flag: 'wx' })],
  ['writeFile wx new', ({ fs, p }) => fs.writeFileSync(p('/dir/wx.txt'), 'x', { flag: 'wx' })],
  ['writeFile on a directory', ({ fs, p }) => fs.writeFileSync(p('/dir'), 'x')],
  ['writeFile new/', ({ fs, p }) => fs.writeFileSync(p('/fresh/'), 'x')],
  ['writeFile missing parent', ({ fs, p }) => fs.writeFileSync(p('/nope/x'), 'x')],
  ['writeFile r+', ({ fs, p }) => [fs.writeFileSync(p('/bin/zero.bin'), 'ab', { flag: 'r+' }), fs.readFileSync(p('/bin/zero.bin'))]],
  ['writeFile r+ missing', ({ fs, p }) => fs.writeFileSync(p('/nope'), 'ab', { flag: 'r+' })],
  ['writeFile a', ({ fs, p }) => [fs.writeFileSync(p('/dir/a.txt'), '+', { flag: 'a' }), fs.readFileSync(p('/dir/a.txt'), 'utf8')]],
  ['writeFile to a hard-linked file', ({ fs, p }) => [fs.linkSync(p('/dir/a.txt'), p('/hard')), fs.writeFileSync(p('/dir/a.txt'), 'both'), fs.readFileSync(p('/hard'), 'utf8')]],
  ['appendFile', ({ fs, p }) => [fs.appendFileSync(p('/dir/a.txt'), 'ppend'), fs.appendFileSync(p('/new.log'), 'one')]],
  ['appendFile to a directory', ({ fs, p }) => fs.appendFileSync(p('/dir'), 'x')],
  ['copyFile', ({ fs, p }) => [fs.copyFileSync(p('/bin/png.bin'), p('/dir/copy.bin')), fs.statSync(p('/dir/copy.bin'))]],
  ['copyFile keeps src mode', ({ fs, p }) => [fs.chmodSync(p('/bin/a.bin'), 0o751), fs.copyFileSync(p('/bin/a.bin'), p('/dir/a.txt')), fs.statSync(p('/dir/a.txt'))]],
  ['copyFile onto a link', ({ fs, p }) => fs.copyFileSync(p('/bin/H.bin'), p('/links/to-file'))],
  ['copyFile onto itself', ({ fs, p }) => fs.copyFileSync(p('/dir/a.txt'), p('/links/../dir/a.txt'))],
  ['copyFile EXCL', ({ fs, p }) => fs.copyFileSync(p('/bin/H.bin'), p('/dir/a.txt'), constants.COPYFILE_EXCL)],
  ['copyFile a directory', ({ fs, p }) => fs.copyFileSync(p('/dir'), p('/x'))],
  ['copyFile onto a directory', ({ fs, p }) => fs.copyFileSync(p('/dir/a.txt'), p('/dir/b'))],
  ['copyFile missing', ({ fs, p }) => fs.copyFileSync(p('/nope'), p('/x'))],
  ['rename', ({ fs, p }) => fs.renameSync(p('/dir/a.txt'), p('/bin/moved.txt'))],
  ['rename a directory', ({ fs, p }) => fs.renameSync(p('/dir'), p('/text/dir2'))],
  ['rename a link', ({ fs, p }) => fs.renameSync(p('/links/to-dir'), p('/to-dir'))],
  ['rename link/', ({ fs, p }) => fs.renameSync(p('/links/to-dir/'), p('/zz'))],
  ['rename missing', ({ fs, p }) => fs.renameSync(p('/nope'), p('/x'))],
  ['rename into itself', ({ fs, p }) => fs.renameSync(p('/dir'), p('/dir/b/inner'))],
  ['rename over a full directory', ({ fs, p }) => fs.renameSync(p('/dir/empty'), p('/dir/b'))],
  ['unlink', ({ fs, p }) => fs.unlinkSync(p('/links/to-dir'))],
  ['unlink a directory', ({ fs, p }) => fs.unlinkSync(p('/dir/empty'))],
  ['unlink link/', ({ fs, p }) => fs.unlinkSync(p('/links/to-dir/'))],
  ['unlink missing', ({ fs, p }) => fs.unlinkSync(p('/nope'))],
  ['rmdir', ({ fs, p }) => fs.rmdirSync(p('/dir/empty'))],
  ['rmdir full', ({ fs, p }) => fs.rmdirSync(p('/dir'))],
  ['rmdir a file', ({ fs, p }) => fs.rmdirSync(p('/dir/a.txt'))],
  ['rmdir link/', ({ fs, p }) => fs.rmdirSync(p('/links/to-dir/'))],
  ['rm a file', ({ fs, p }) => fs.rmSync(p('/dir/a.txt'))],
  ['rm a directory', ({ fs, p }) => fs.rmSync(p('/dir'))],
  ['rm -r', ({ fs, p }) => fs.rmSync(p('/dir'), { recursive: true })],
  ['rm -r a link to a directory', ({ fs, p }) => fs.rmSync(p('/links/to-dir'), { recursive: true })],
  ['rm missing', ({ fs, p }) => fs.rmSync(p('/nope'))],
  ['rm -f missing', ({ fs, p }) => fs.rmSync(p('/nope'), { force: true })],
  ['symlink', ({ fs, p }) => [fs.symlinkSync('../dir/b', p('/links/new')), fs.readlinkSync(p('/links/new')), fs.readdirSync(p('/links/new'))]],
  ['symlink existing', ({ fs, p }) => fs.symlinkSync('x', p('/dir/a.txt'))],
  ['symlink new/', ({ fs, p }) => fs.symlinkSync('x', p('/fresh/'))],
  ['readlink', ({ fs, p }) => [fs.readlinkSync(p('/links/to-file')), fs.readlinkSync(p('/links/dangling'), 'buffer')]],
  ['readlink of a file', ({ fs, p }) => fs.readlinkSync(p('/dir/a.txt'))],
  ['link', ({ fs, p }) => [fs.linkSync(p('/dir/a.txt'), p('/text/hl')), fs.statSync(p('/text/hl'))]],
  ['link a link', ({ fs, p }) => [fs.linkSync(p('/links/to-dir'), p('/hl')), fs.lstatSync(p('/hl'))]],
  ['link a directory', ({ fs, p }) => fs.linkSync(p('/dir'), p('/dl'))],
  ['link existing', ({ fs, p }) => fs.linkSync(p('/dir/a.txt'), p('/bin/H.bin'))],
  ['realpath', ({ fs, p }) => fs.realpathSync(p('/links/to-dir/b/../b/c.txt'))],
  ['realpath missing', ({ fs, p }) => fs.realpathSync(p('/dir/nope/x'))],
  ['realpath dangling', ({ fs, p }) => fs.realpathSync(p('/links/dangling'))],
  ['realpath under a file', ({ fs, p }) => fs.realpathSync(p('/dir/a.txt/x'))],
  ['utimes', ({ fs, p }) => [fs.utimesSync(p('/links/to-file'), 1000, 2000), fs.statSync(p('/text/utf8.txt')).mtimeMs]],
  ['lutimes', ({ fs, p }) => [fs.lutimesSync(p('/links/to-file'), 1000, 3000), fs.lstatSync(p('/links/to-file')).mtimeMs]],
  ['chmod', ({ fs, p }) => [fs.chmodSync(p('/links/to-file'), 0o444), fs.statSync(p('/text/utf8.txt'))]],
  ['chmod missing', ({ fs, p }) => fs.chmodSync(p('/nope'), 0o444)],
  ['truncate', ({ fs, p }) => [fs.truncateSync(p('/bin/png.bin'), 4), fs.readFileSync(p('/bin/png.bin'))]],
  ['mkdtemp', ({ fs, p }) => {
    const made = fs.mkdtempSync(p('/dir/t-'));
    const mode = fs.statSync(made).mode;
    fs.rmdirSync(made);
    return [made.slice(made.length - 9, made.length - 6), /^[A-Za-z0-9]{6}$/.test(made.slice(-6)), mode];
  }],
  ['mkdtemp missing', ({ fs, p }) => fs.mkdtempSync(p('/nope/t-'))],
  ['descriptors', ({ fs, p }) => {
    const fd = fs.openSync(p('/dir/a.txt'), 'r+');
    const b = Buffer.alloc(4);
    const got = [fs.readSync(fd, b, 0, 4, 0), fs.writeSync(fd, 'xyz', 1), fs.fstatSync(fd).size];
    fs.ftruncateSync(fd, 2);
    fs.fsyncSync(fd);
    fs.fdatasyncSync(fd);
    fs.fchmodSync(fd, 0o600);
    fs.futimesSync(fd, 5, 6);
    const st = fs.fstatSync(fd);
    fs.closeSync(fd);
    return [...got, b, st, st.mtimeMs, fs.readFileSync(p('/dir/a.txt'))];
  }],
  ['open flags', ({ fs, p }) => {
    const out: unknown[] = [];
    for (const flag of ['r', 'r+', 'w', 'wx', 'a', 'ax+', 'w+']) {
      try {
        fs.closeSync(fs.openSync(p('/text/bom.txt'), flag));
        out.push(flag);
      } catch (e) {
        out.push((e as Error).message);
      }
    }
    return out;
  }],
  ['open O_NOFOLLOW on a link', ({ fs, p }) => fs.openSync(p('/links/to-file'), constants.O_RDONLY | constants.O_NOFOLLOW)],
  ['open O_CREAT|O_EXCL on a dangling link', ({ fs, p }) => fs.openSync(p('/links/dangling'), constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY)],
  ['open a directory for writing', ({ fs, p }) => fs.openSync(p('/dir/'), 'w')],
];

describe('mounted directory = node:fs on the same tree', () => {
  it.each(cases)('%s', (_name, op) => {
    const { node, mount, nodeDir, mountDir, vfs } = sides();
    try {
      const expected = outcome(node, nodeDir, op);
      const actual = outcome(mount, undefined, op);
      expect(actual).toEqual(expected);
      expect(tree(mountDir)).toEqual(tree(nodeDir));
      expect(vfs.openFiles).toBe(0);
    } finally {
      vfs.close();
    }
  });
});
