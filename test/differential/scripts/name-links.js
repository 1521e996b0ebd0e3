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
// symlink, readlink and link in every form, with Node's argument checks and the kernel's errors.
(async () => {
  const symlink = (target, type) => ({
    sync: (p) => fs.symlinkSync(target, p, type),
    cb: (p, done) => (type === undefined ? fs.symlink(target, p, done) : fs.symlink(target, p, type, done)),
    promise: (p) => fs.promises.symlink(target, p, type),
  });
  for (const p of ['new', 'f.txt', 'd', 'dangling', 'ld', 'nope/x', 'f.txt/x', 'new/', 'd/', 'd/.', 'ld/new', '']) {
    await forms(`symlink x -> ${p}`, [p], symlink('x'));
  }
  for (const [target, type] of [['', undefined], ['../../etc', 'dir'], ['/abs/path', 'file'], ['f.txt', 'junction'], ['f.txt', 5], ['f.txt', 'bogus'], ['f.txt', '']]) {
    await forms(`symlink ${JSON.stringify(target)} type ${JSON.stringify(type)}`, ['new'], symlink(target, type));
  }
  const readlink = (options) => ({
    sync: (p) => fs.readlinkSync(p, options),
    cb: (p, done) => (options === undefined ? fs.readlink(p, done) : fs.readlink(p, options, done)),
    promise: (p) => fs.promises.readlink(p, options),
  });
  for (const p of ['ld', 'lf', 'dangling', 'f.txt', 'd', 'nope', 'ld/', 'lf/', 'dangling/', 'f.txt/', 'ld/g.txt', 'd/.', 'nope/x', '']) {
    await forms(`readlink ${p}`, [p], readlink());
  }
  for (const o of ['hex', 'buffer', { encoding: 'base64' }, { encoding: 'buffer' }, 'nope', 5, null]) await forms(`readlink options ${JSON.stringify(o)}`, ['ld'], readlink(o));
  sync('readlink fixture', () => ['links/to-file', 'links/to-dir', 'links/dangling'].map((l) => fs.readlinkSync(l)));
  sync('readlink bad path', () => fs.readlinkSync(5));
  const link = { sync: (a, b) => fs.linkSync(a, b), cb: (a, b, done) => fs.link(a, b, done), promise: (a, b) => fs.promises.link(a, b) };
  for (const [a, b] of [['f.txt', 'h'], ['d', 'h'], ['f.txt', 'd/g.txt'], ['d', 'd/g.txt'], ['nope', 'h'], ['f.txt', 'nope/h'], ['lf', 'h'], ['dangling', 'h'], ['ld', 'h'],
    ['f.txt/', 'h'], ['f.txt', 'h/'], ['ld/', 'h'], ['f.txt', 'ld/h'], ['f.txt', 'dangling'], ['d/.', 'h'], ['f.txt', 'd/..'], ['', 'h'], ['f.txt', '']]) {
    await forms(`link ${a} -> ${b}`, [a, b], link);
  }
  // A hard link shares the data; a symlink to a link resolves through it.
  fs.writeFileSync('orig.txt', 'one');
  fs.linkSync('orig.txt', 'hard.txt');
  fs.writeFileSync('hard.txt', 'two');
  sync('shared data', () => fs.readFileSync('orig.txt', 'utf8'));
  fs.symlinkSync('hard.txt', 'soft.txt');
  fs.unlinkSync('hard.txt');
  sync('soft after unlink', () => fs.readFileSync('soft.txt', 'utf8'));
  sync('orig after unlink', () => fs.readFileSync('orig.txt', 'utf8'));
  fs.symlinkSync('../dir', 'links/again');
  sync('new link lists', () => fs.readdirSync('links/again'));
  for (const [a, b] of [[5, 'x'], ['x', 5], [null, 'x'], ['x', 'a\u0000']]) {
    sync(`symlink bad ${typeof a} ${typeof b}`, () => fs.symlinkSync(a, b));
    sync(`link bad ${typeof a} ${typeof b}`, () => fs.linkSync(a, b));
    await prom(`symlink promise bad ${typeof a} ${typeof b}`, () => fs.promises.symlink(a, b));
    await prom(`link promise bad ${typeof a} ${typeof b}`, () => fs.promises.link(a, b));
  }
  sync('symlink no callback', () => fs.symlink('x', 'y'));
  sync('link no callback', () => fs.link('bin/a.bin', 'y'));
  sync('readlink no callback', () => fs.readlink('links/to-dir'));
})();
