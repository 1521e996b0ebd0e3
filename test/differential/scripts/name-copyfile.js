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
// copyFile in every form: modes, COPYFILE_EXCL, directories (which delete the destination, as libuv does), links, errors.
(async () => {
  const copy = (mode) => ({
    sync: (a, b) => (mode === undefined ? fs.copyFileSync(a, b) : fs.copyFileSync(a, b, mode)),
    cb: (a, b, done) => (mode === undefined ? fs.copyFile(a, b, done) : fs.copyFile(a, b, mode, done)),
    promise: (a, b) => (mode === undefined ? fs.promises.copyFile(a, b) : fs.promises.copyFile(a, b, mode)),
  });
  const CASES = [
    ['f.txt', 'new.txt'], ['f.txt', 'd/g.txt'], ['f.txt', 'd'], ['f.txt', 'ld'], ['f.txt', 'lf'], ['f.txt', 'dangling'], ['f.txt', 'f.txt'], ['f.txt', 'lf'],
    ['lf', 'copy.txt'], ['ld', 'copy'], ['d', 'copy'], ['d', 'd/g.txt'], ['d', 'dangling'], ['dangling', 'copy'], ['nope', 'copy'], ['f.txt', 'nope/x'],
    ['f.txt', 'f.txt/x'], ['f.txt/', 'x'], ['f.txt', 'x/'], ['f.txt', 'd/'], ['d/sub/../g.txt', 'ld/g2.txt'], ['f.txt', 'e/..'], ['', 'x'], ['f.txt', ''],
  ];
  for (const mode of [undefined, fs.constants.COPYFILE_EXCL]) {
    for (const [a, b] of CASES) await forms(`copyFile ${a} -> ${b} mode ${mode}`, [a, b], copy(mode));
  }
  // Other modes: 0, FICLONE (copies when reflinks are missing), EXCL | FICLONE, and a fraction (truncated to EXCL).
  for (const mode of [0, fs.constants.COPYFILE_FICLONE, 3, 1.9]) {
    for (const [a, b] of [['f.txt', 'new.txt'], ['f.txt', 'd/g.txt'], ['d', 'd/g.txt'], ['f.txt', 'dangling']]) {
      await forms(`copyFile ${a} -> ${b} mode ${mode}`, [a, b], copy(mode));
    }
  }
  sync('contents', () => fs.readFileSync('t0/new.txt', 'utf8'));
  for (const mode of [8, -1, 'r', null, NaN, Infinity, 2 ** 31, {}, true]) {
    sync(`bad mode ${String(mode)}`, () => fs.copyFileSync('bin/a.bin', 'copy', mode));
    await cb(`bad mode cb ${String(mode)}`, (done) => fs.copyFile('bin/a.bin', 'copy', mode, done));
    await prom(`bad mode promise ${String(mode)}`, () => fs.promises.copyFile('bin/a.bin', 'copy', mode));
  }
  for (const [a, b] of [[5, 'x'], ['bin/a.bin', 5], [undefined, 'x'], ['a\u0000', 'x']]) {
    sync(`bad path ${typeof a} ${typeof b}`, () => fs.copyFileSync(a, b));
    await cb(`bad path cb ${typeof a} ${typeof b}`, (done) => fs.copyFile(a, b, done));
    await prom(`bad path promise ${typeof a} ${typeof b}`, () => fs.promises.copyFile(a, b));
  }
  sync('no callback', () => fs.copyFile('bin/a.bin', 'copy2'));
  sync('big file', () => fs.copyFileSync('big/1m.bin', 'big/copy.bin'));
  sync('big file equal', () => fs.readFileSync('big/copy.bin').equals(fs.readFileSync('big/1m.bin')));
  sync('through fixture link', () => fs.copyFileSync('links/to-file', 'links/to-dir/copied.txt'));
  sync('constants', () => [fs.constants.COPYFILE_EXCL, fs.constants.COPYFILE_FICLONE, fs.constants.COPYFILE_FICLONE_FORCE]);
})();
