'use strict';
// --- shared preamble (each differential script is standalone) ---
const fs = require('fs');
const base = process.cwd() === '/' ? '' : process.cwd();
function fix(s) {
  if (typeof s !== 'string') return s;
  if ((base !== '' && s === base) || (base === '' && s === '/')) return '<cwd>';
  return (s.startsWith(base + '/') ? '<cwd>' + s.slice(base.length) : s).split(`'${base}/`).join("'<cwd>/");
}
const TYPES = ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isBlockDevice', 'isCharacterDevice'];
function fmt(v) {
  if (v === undefined || v === null) return String(v);
  if (Buffer.isBuffer(v)) return `<Buffer ${v.toString('hex')}>`;
  if (v instanceof fs.Dirent) return `Dirent(${fmt(v.name)} in ${fmt(v.parentPath)}/${fmt(v.path)}: ${TYPES.filter((m) => v[m]()).join('+')})`;
  if (Array.isArray(v)) return `[${v.map(fmt).join(', ')}]`;
  if (typeof v === 'string') return JSON.stringify(fix(v));
  return String(v);
}
function err(e) {
  if (!(e instanceof Error)) return `THROW non-error ${String(e)}`;
  return `THROW ${e.name} ${e.code} ${e.errno} ${e.syscall} ${fix(e.path)} ${fix(e.dest)} | ${fix(e.message)}`;
}
function sync(label, f) {
  try { console.log(label, '=>', fmt(f())); } catch (e) { console.log(label, '=>', err(e)); }
}
function cb(label, call) {
  return new Promise((resolve) => {
    let done = false;
    try {
      call((...args) => {
        console.log(label, 'cb', args.length, args[0] === null ? 'null' : args[0] === undefined ? 'undefined' : err(args[0]), ...args.slice(1).map(fmt));
        done = true;
        resolve();
      });
      if (!done) console.log(label, 'returned before callback');
    } catch (e) { console.log(label, '=> sync', err(e)); resolve(); }
  });
}
async function prom(label, f) {
  let p;
  try { p = f(); } catch (e) { console.log(label, 'threw synchronously', err(e)); return; }
  console.log(label, 'promise', p instanceof Promise);
  try { console.log(label, '=>', fmt(await p)); } catch (e) { console.log(label, 'rejected', err(e)); }
}
function tree(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).map((d) => `${d.parentPath}/${d.name}${d.isDirectory() ? '/' : d.isSymbolicLink() ? '@' : ''}`).sort().join(' ');
}
// --- end of preamble ---
function mk(p) {
  fs.mkdirSync(`${p}/d/sub`, { recursive: true });
  fs.writeFileSync(`${p}/f.txt`, 'f');
  fs.writeFileSync(`${p}/d/g.txt`, 'g');
  fs.writeFileSync(`${p}/d/sub/h.txt`, 'h');
  fs.mkdirSync(`${p}/e`);
  fs.symlinkSync('d', `${p}/ld`);
  fs.symlinkSync('f.txt', `${p}/lf`);
  fs.symlinkSync('nowhere', `${p}/dangling`);
}
let n = 0;
/** Runs `run(target...)` in each form on a fresh tree, printing the outcome and what is left. */
async function forms(label, paths, run) {
  for (const form of ['sync', 'cb', 'promise']) {
    const root = `t${n++}`;
    mk(root);
    const args = paths.map((p) => (p === '' ? '' : `${root}/${p}`));
    const l = `${label} ${form}`;
    if (form === 'sync') sync(l, () => run.sync(...args));
    else if (form === 'cb') await cb(l, (done) => run.cb(...args, done));
    else await prom(l, () => run.promise(...args));
    console.log('  left:', tree(root));
  }
}
// realpath: the JavaScript walk (realpathSync, realpath) and realpath(3) (.native, fs.promises.realpath), every form and error.
(async () => {
  fs.symlinkSync('loop2', 'loop1');
  fs.symlinkSync('loop1', 'loop2');
  fs.symlinkSync('to-dir/b', 'links/chain');
  fs.symlinkSync('chain/../..', 'links/up');
  const PATHS = ['dir', 'dir/', './dir/b/../a.txt', 'links/to-dir', 'links/to-dir/b/c.txt', 'links/to-file', 'links/chain', 'links/chain/c.txt', 'links/up', 'links/up/text',
    'links/to-dir/../text', 'links/dangling', 'links/dangling/x', 'loop1', 'loop1/x', 'nope', 'nope/x', 'dir/a.txt/', 'dir/a.txt/x', 'links/to-file/', '.', '', 'links/to-dir/b/../../dir'];
  const js = (o) => ({ sync: (p) => fs.realpathSync(p, o), cb: (p, done) => (o === undefined ? fs.realpath(p, done) : fs.realpath(p, o, done)), promise: (p) => fs.promises.realpath(p, o) });
  const native = (o) => ({ sync: (p) => fs.realpathSync.native(p, o), cb: (p, done) => (o === undefined ? fs.realpath.native(p, done) : fs.realpath.native(p, o, done)) });
  for (const p of PATHS) {
    sync(`realpathSync ${p}`, () => fs.realpathSync(p));
    await cb(`realpath ${p}`, (done) => js().cb(p, done));
    sync(`realpathSync.native ${p}`, () => fs.realpathSync.native(p));
    await cb(`realpath.native ${p}`, (done) => native().cb(p, done));
    await prom(`promises.realpath ${p}`, () => fs.promises.realpath(p));
  }
  // Encoded results hold the absolute path: decode them before printing.
  const decode = (o, r) => {
    const enc = typeof o === 'string' ? o : o && o.encoding;
    if (Buffer.isBuffer(r)) return `Buffer ${fix(r.toString())}`;
    return enc && enc !== 'buffer' && enc !== 'utf8' ? `${enc} ${fix(Buffer.from(r, enc).toString())}` : r;
  };
  for (const o of ['hex', 'buffer', { encoding: 'latin1' }, { encoding: 'buffer' }, 'utf8', '', null, 'nope', 5]) {
    const l = JSON.stringify(o);
    sync(`options ${l}`, () => decode(o, js(o).sync('links/to-dir')));
    await cb(`options cb ${l}`, (done) => js(o).cb('links/to-dir', (e, r) => (e ? done(e) : done(e, decode(o, r)))));
    sync(`options native ${l}`, () => decode(o, native(o).sync('links/to-dir')));
    await cb(`options native cb ${l}`, (done) => native(o).cb('links/to-dir', (e, r) => (e ? done(e) : done(e, decode(o, r)))));
    await prom(`options promise ${l}`, () => js(o).promise('links/to-dir').then((r) => decode(o, r)));
  }
  // The JavaScript walk coerces any path to a string; realpath(3) checks the type.
  for (const bad of [5, null, undefined, { toString: () => 'dir' }, { valueOf: () => 'text', toString: () => 'dir' }, true, 'a\u0000b', Buffer.from('links/to-dir')]) {
    const l = typeof bad;
    sync(`coerce ${l}`, () => fs.realpathSync(bad));
    await cb(`coerce cb ${l}`, (done) => fs.realpath(bad, done));
    sync(`native bad ${l}`, () => fs.realpathSync.native(bad));
    await prom(`promise bad ${l}`, () => fs.promises.realpath(bad));
  }
  sync('no callback', () => fs.realpath('dir'));
  sync('native no callback', () => fs.realpath.native('dir'));
  sync('callback not a function', () => fs.realpath('dir', {}, 5));
  console.log(typeof fs.realpathSync.native, typeof fs.realpath.native, fs.realpath.native.name, fs.realpathSync.native.name);
  fs.unlinkSync('loop1');
  fs.unlinkSync('loop2');
})();
