// cp, cpSync and promises.cp: Node 20's algorithm and options (recursive, force, errorOnExist,
// dereference, verbatimSymlinks, preserveTimestamps, filter sync and async, mode) and its errors.
const fs = require('fs');
const path = require('path');
// Absolute paths differ (node runs in a directory of its own, the sandbox at /): shown from /.
const here = process.cwd();
const norm = (s) => (here === '/' ? String(s) : String(s).split(`${here}/`).join('/'));
const fail = (label, e) => console.log(label, e.name, e.code, e.errno, e.syscall, norm(e.path), norm(JSON.stringify(e.message)));
const tryIt = (label, f) => {
  try {
    f();
    console.log(label, 'ok');
  } catch (e) {
    fail(label, e);
  }
};
/** A tree as sorted lines: kind, path, then content, link target or entry count; modes and mtimes. */
function tree(dir) {
  const out = [];
  const walk = (p) => {
    for (const name of fs.readdirSync(p).sort()) {
      const q = path.join(p, name);
      const st = fs.lstatSync(q);
      const mode = (st.mode & 0o777).toString(8);
      if (st.isSymbolicLink()) out.push(`link ${q} -> ${norm(fs.readlinkSync(q))}`);
      else if (st.isDirectory()) {
        out.push(`dir ${q} ${mode}`);
        walk(q);
      } else out.push(`file ${q} ${mode} ${JSON.stringify(fs.readFileSync(q, 'utf8'))}`);
    }
  };
  walk(dir);
  return out.join('\n  ');
}

fs.mkdirSync('src/sub/deep', { recursive: true });
fs.writeFileSync('src/a.txt', 'A');
fs.writeFileSync('src/sub/b.txt', 'B');
fs.writeFileSync('src/sub/deep/c.log', 'C');
fs.writeFileSync('src/ro.txt', 'read only');
fs.chmodSync('src/ro.txt', 0o444);
fs.chmodSync('src/sub', 0o750);
fs.utimesSync('src/a.txt', 1000, 2000);
// Links in a tree of their own: which entry of a directory cp meets first is the system's order.
fs.mkdirSync('lnk/sub', { recursive: true });
fs.writeFileSync('lnk/a.txt', 'A');
fs.writeFileSync('lnk/sub/b.txt', 'B');
fs.symlinkSync('a.txt', 'lnk/rel-link');
fs.symlinkSync(path.resolve('lnk/sub/b.txt'), 'lnk/abs-link');
fs.symlinkSync('sub', 'lnk/dir-link');

tryIt('file to a new file', () => fs.cpSync('src/a.txt', 'out/one/a-copy.txt'));
console.log('  ', tree('out'));
tryIt('directory without recursive', () => fs.cpSync('src', 'out/nope'));
tryIt('directory, recursive', () => fs.cpSync('src', 'out/all', { recursive: true }));
console.log('  ', tree('out/all'));
tryIt('again into the same tree (force)', () => fs.cpSync('src', 'out/all', { recursive: true }));
tryIt('force false keeps files', () => fs.cpSync('src', 'out/all', { recursive: true, force: false }));
console.log('   a.txt is', fs.readFileSync('out/all/a.txt', 'utf8'));
tryIt('errorOnExist', () => fs.cpSync('src/a.txt', 'out/all/a.txt', { force: false, errorOnExist: true }));
tryIt('errorOnExist for a directory', () => fs.cpSync('src/sub', 'out/all/sub', { recursive: true, force: false, errorOnExist: true }));
tryIt('links', () => fs.cpSync('lnk', 'out/links-resolved', { recursive: true }));
console.log('  ', tree('out/links-resolved'));
tryIt('dereference', () => fs.cpSync('lnk', 'out/deref', { recursive: true, dereference: true }));
console.log('  ', tree('out/deref'));
tryIt('verbatimSymlinks', () => fs.cpSync('lnk', 'out/verbatim', { recursive: true, verbatimSymlinks: true }));
console.log('  ', tree('out/verbatim'));
tryIt('a link onto the same link', () => fs.cpSync('lnk/rel-link', 'out/links-resolved/rel-link'));
tryIt('a link onto a file', () => (fs.cpSync('lnk/rel-link', 'out/all/a.txt'), fs.lstatSync('out/all/a.txt').isSymbolicLink()));
fs.unlinkSync('out/all/a.txt');
fs.writeFileSync('out/all/a.txt', 'changed');
tryIt('preserveTimestamps', () => fs.cpSync('src/a.txt', 'out/times.txt', { preserveTimestamps: true }));
console.log('   mtime', fs.statSync('out/times.txt').mtimeMs);
tryIt('preserveTimestamps of a read-only file', () => fs.cpSync('src/ro.txt', 'out/ro-times.txt', { preserveTimestamps: true }));
console.log('   mode', (fs.statSync('out/ro-times.txt').mode & 0o777).toString(8));
const seen = [];
tryIt('filter', () => fs.cpSync('src', 'out/filtered', { recursive: true, filter: (s, d) => (seen.push(`${s}>${d}`), !s.endsWith('.log') && !s.endsWith('deep')) }));
console.log('   filter saw', seen.sort().join(' '));
console.log('  ', tree('out/filtered'));
tryIt('filter skipping the root', () => fs.cpSync('src', 'out/none', { recursive: true, filter: () => false }));
console.log('   none exists', fs.existsSync('out/none'));
tryIt('async filter in cpSync', () => fs.cpSync('src', 'out/async-filter', { recursive: true, filter: async () => true }));
tryIt('throwing filter', () => fs.cpSync('src', 'out/throwing', { recursive: true, filter: (s) => { if (s === 'src') throw new Error('filter says no'); return true; } }));
tryIt('COPYFILE_EXCL', () => fs.cpSync('src/a.txt', 'out/all/sub/b.txt', { mode: fs.constants.COPYFILE_EXCL }));
tryIt('same file', () => fs.cpSync('src/a.txt', 'src/a.txt'));
tryIt('into itself', () => fs.cpSync('src', 'src/sub/inner', { recursive: true }));
tryIt('directory onto a file', () => fs.cpSync('src', 'out/all/a.txt', { recursive: true }));
tryIt('file onto a directory', () => fs.cpSync('src/a.txt', 'out/all/sub'));
tryIt('missing source', () => fs.cpSync('src/missing', 'out/x'));
tryIt('bad option', () => fs.cpSync('src', 'out/x', { recursive: 'yes' }));
tryIt('options not an object', () => fs.cpSync('src', 'out/x', 'recursive'));
tryIt('dereference with verbatimSymlinks', () => fs.cpSync('src', 'out/x', { dereference: true, verbatimSymlinks: true }));
tryIt('bad filter', () => fs.cpSync('src', 'out/x', { filter: 'all' }));
tryIt('bad mode', () => fs.cpSync('src', 'out/x', { mode: 8 }));
tryIt('bad src', () => fs.cpSync(42, 'out/x'));
tryIt('bad dest', () => fs.cpSync('src', {}));
tryIt('link onto a link into its own target', () => {
  fs.mkdirSync('out/links');
  fs.symlinkSync(path.resolve('lnk/sub'), 'out/links/l');
  fs.cpSync('lnk/dir-link', 'out/links/l');
});
tryIt('URL paths', () => fs.cpSync(new URL('file://' + path.resolve('src/a.txt')), new URL('file://' + path.resolve('out/url.txt'))));

(async () => {
  await fs.promises.cp('src', 'out/promise', { recursive: true, filter: async (s) => !s.endsWith('.log') });
  console.log('promises.cp', tree('out/promise'));
  await fs.promises.cp('src', 'out/nope2').catch((e) => fail('promises.cp directory without recursive', e));
  await fs.promises.cp('src', 'src/sub/inner', { recursive: true }).catch((e) => fail('promises.cp into itself', e));
  await fs.promises.cp('src/a.txt', 'out/all/a.txt', { force: false, errorOnExist: true }).catch((e) => fail('promises.cp errorOnExist', e));
  await fs.promises.cp('src', 'out/rejecting', { recursive: true, filter: async () => { throw new Error('async filter says no'); } }).catch((e) => fail('promises.cp rejecting filter', e));
  await fs.promises.cp('src', 'out/x', { recursive: 1 }).catch((e) => fail('promises.cp bad option', e));
  await new Promise((resolve) => fs.cp('src/sub', 'out/callback', { recursive: true }, (err) => (console.log('cp callback', err, tree('out/callback')), resolve())));
  await new Promise((resolve) => fs.cp('src/a.txt', 'out/callback2.txt', (err) => (console.log('cp callback, no options', err, fs.readFileSync('out/callback2.txt', 'utf8')), resolve())));
  await new Promise((resolve) => fs.cp('src', 'out/x', (err) => (fail('cp callback error', err), resolve())));
  tryIt('cp without a callback', () => fs.cp('src', 'out/x'));
  fs.chmodSync('src/ro.txt', 0o644);
  fs.chmodSync('out/all/ro.txt', 0o644);
  fs.chmodSync('out/filtered/ro.txt', 0o644);
  fs.chmodSync('out/promise/ro.txt', 0o644);
  fs.chmodSync('out/ro-times.txt', 0o644);
  // The trees are compared after the run: absolute link targets name each side's own directory.
  const dropAbsoluteLinks = (p) => {
    for (const name of fs.readdirSync(p)) {
      const q = path.join(p, name);
      const st = fs.lstatSync(q);
      if (st.isSymbolicLink() && path.isAbsolute(fs.readlinkSync(q))) fs.unlinkSync(q);
      else if (st.isDirectory()) dropAbsoluteLinks(q);
    }
  };
  dropAbsoluteLinks('lnk');
  dropAbsoluteLinks('out');
})();
