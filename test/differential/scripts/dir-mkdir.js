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
// mkdir against more of Node's cases: modes, recursive (its return value), existing entries, links, errors, every form.
(async () => {
  const mkdir = (o) => ({
    sync: (p) => fs.mkdirSync(p, o),
    cb: (p, done) => (o === undefined ? fs.mkdir(p, done) : fs.mkdir(p, o, done)),
    promise: (p) => fs.promises.mkdir(p, o),
  });
  const PATHS = ['new', 'new/', 'new/x', 'f.txt', 'd', 'e/', 'ld', 'lf', 'dangling', 'd/sub/new', 'ld/new', 'f.txt/x', 'nope/x/y', 'd/./new', 'd/sub/../new', 'e/.', 'e/..', ''];
  for (const o of [undefined, { recursive: true }, 0o700, '755', { mode: 0o711, recursive: true }]) {
    for (const p of PATHS) await forms(`mkdir ${p} ${JSON.stringify(o)}`, [p], mkdir(o));
  }
  sync('recursive returns first created', () => fs.mkdirSync('dir/b/x/y/z', { recursive: true }));
  sync('recursive relative dot', () => fs.mkdirSync('./dir/./q/r', { recursive: true }));
  sync('recursive existing', () => fs.mkdirSync('dir/b', { recursive: true }));
  sync('recursive over a file', () => fs.mkdirSync('dir/a.txt/x', { recursive: true }));
  sync('recursive file itself', () => fs.mkdirSync('dir/a.txt', { recursive: true }));
  sync('recursive through link', () => fs.mkdirSync('links/to-dir/m/n', { recursive: true }));
  sync('recursive dangling', () => fs.mkdirSync('links/dangling', { recursive: true }));
  sync('recursive under dangling', () => fs.mkdirSync('links/dangling/x', { recursive: true }));
  sync('recursive trailing slashes', () => fs.mkdirSync('s1/s2//', { recursive: true }));
  // The async walk reports the path it was working on, and ENOTDIR where the sync one says ENOENT.
  for (const p of ['links/dangling/x/y', 'dir/a.txt/x/y', 'links/to-file/x', 'links/to-file', 'nope/../dir/new/x', 'dir/b/c.txt/x']) {
    sync(`walk ${p}`, () => fs.mkdirSync(p, { recursive: true }));
    await cb(`walk cb ${p}`, (done) => fs.mkdir(p, { recursive: true }, done));
    await prom(`walk promise ${p}`, () => fs.promises.mkdir(p, { recursive: true }));
  }
  for (const bad of [{ recursive: 1 }, { recursive: 'yes' }, { mode: 'abc' }, { mode: -1 }, { mode: 2 ** 32 }, { mode: 1.5 }, 'x9', true, null, []]) {
    sync(`bad options ${JSON.stringify(bad)}`, () => fs.mkdirSync('badopt', bad));
    await cb(`bad options cb ${JSON.stringify(bad)}`, (done) => fs.mkdir('badopt', bad, done));
    await prom(`bad options promise ${JSON.stringify(bad)}`, () => fs.promises.mkdir('badopt', bad));
  }
  for (const bad of [5, undefined, {}, 'a\u0000b']) {
    sync(`bad path ${typeof bad}`, () => fs.mkdirSync(bad));
    await prom(`bad path promise ${typeof bad}`, () => fs.promises.mkdir(bad));
  }
  sync('no callback', () => fs.mkdir('nocb'));
  if (fs.existsSync('badopt')) fs.rmdirSync('badopt');
  console.log('tree', tree('.').split(' ').filter((n) => /^(\.|dir|links|s1)\//.test(n)).join(' '));
})();
