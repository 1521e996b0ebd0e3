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
// rename in every form, with the kernel's answers memfs does not give (EINVAL, EISDIR, ENOTDIR, ENOTEMPTY, EBUSY).
(async () => {
  const rename = { sync: (a, b) => fs.renameSync(a, b), cb: (a, b, done) => fs.rename(a, b, done), promise: (a, b) => fs.promises.rename(a, b) };
  const CASES = [
    ['f.txt', 'new.txt'], ['f.txt', 'd/g.txt'], ['f.txt', 'd'], ['f.txt', 'e'], ['d', 'e'], ['e', 'd'], ['d', 'f.txt'], ['d', 'd/sub/x'], ['d', 'd/x'],
    ['d/sub', 'd'], ['d', 'd'], ['d', 'd/'], ['f.txt', 'f.txt'], ['nope', 'x'], ['f.txt', 'nope/x'], ['f.txt', 'f.txt/x'], ['f.txt/', 'x'], ['f.txt', 'x/'],
    ['d', 'newd/'], ['d/', 'newd'], ['ld', 'newl'], ['ld/', 'newl'], ['lf', 'newl'], ['dangling', 'newl'], ['d', 'ld'], ['ld', 'd'], ['ld', 'e'],
    ['f.txt', 'lf'], ['f.txt', 'dangling'], ['d/g.txt', 'ld/moved'], ['ld/g.txt', 'f2.txt'], ['d/sub/..', 'x'], ['d/.', 'x'], ['x', 'd/.'], ['f.txt', 'e/..'],
    ['e', 'd/sub'], ['d/sub', 'e'], ['d/sub/h.txt', 'd/sub/../h.txt'],
  ];
  for (const [a, b] of CASES) await forms(`rename ${a} -> ${b}`, [a, b], rename);
  await forms('rename empty', ['', 'x'], rename);
  await forms('rename to empty', ['f.txt', ''], rename);
  // Hard links to one file: rename between them does nothing.
  fs.writeFileSync('h1', 'h');
  fs.linkSync('h1', 'h2');
  sync('rename hard link onto its twin', () => fs.renameSync('h1', 'h2'));
  console.log(fs.readdirSync('.').filter((x) => x.startsWith('h')), fs.readFileSync('h2', 'utf8'));
  // The fixture's own directories.
  sync('rename fixture root', () => fs.renameSync('.', 'x'));
  sync('rename into link dir', () => fs.renameSync('dir/a.txt', 'links/to-dir/a2.txt'));
  sync('rename dir into itself via link', () => fs.renameSync('dir', 'links/to-dir/b/x'));
  for (const [a, b] of [[5, 'x'], ['x', 5], [null, 'x'], ['a\u0000', 'x'], ['bin/a.bin', {}]]) {
    sync(`bad ${typeof a} ${typeof b}`, () => fs.renameSync(a, b));
    await cb(`bad cb ${typeof a} ${typeof b}`, (done) => fs.rename(a, b, done));
    await prom(`bad promise ${typeof a} ${typeof b}`, () => fs.promises.rename(a, b));
  }
  sync('no callback', () => fs.rename('bin/a.bin', 'bin/b.bin'));
  console.log('tree', tree('.').split(' ').filter((n) => /^(\.|dir|links)\//.test(n)).join(' '));
})();
