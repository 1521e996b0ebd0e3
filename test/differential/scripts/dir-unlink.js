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
// unlink in every form: files, links (never followed), directories (EISDIR), trailing slashes, errors.
(async () => {
  const unlink = { sync: (p) => fs.unlinkSync(p), cb: (p, done) => fs.unlink(p, done), promise: (p) => fs.promises.unlink(p) };
  for (const p of ['f.txt', 'lf', 'ld', 'dangling', 'd', 'e', 'd/', 'f.txt/', 'ld/', 'lf/', 'nope', 'nope/', 'nope/x', 'f.txt/x', 'd/g.txt', 'ld/g.txt', 'd/sub/../g.txt', '.', 'd/..']) {
    await forms(`unlink ${p}`, [p], unlink);
  }
  sync('unlink empty', () => fs.unlinkSync(''));
  for (const bad of [5, undefined, null, {}, 'a\u0000b', Buffer.from('x\u0000')]) {
    sync(`bad path ${typeof bad}`, () => fs.unlinkSync(bad));
    await cb(`bad path cb ${typeof bad}`, (done) => fs.unlink(bad, done));
    await prom(`bad path promise ${typeof bad}`, () => fs.promises.unlink(bad));
  }
  sync('no callback', () => fs.unlink('bin/a.bin'));
  sync('buffer path', () => fs.unlinkSync(Buffer.from('bin/a.bin')));
  sync('fixture link', () => fs.unlinkSync('links/dangling'));
  sync('fixture link to dir', () => fs.unlinkSync('links/to-dir'));
  console.log('tree', tree('.').split(' ').filter((n) => /^(\.|dir|links)\//.test(n)).join(' '));
})();
