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
// mkdtemp: a new directory named prefix + six random characters; only the prefix is printed.
(async () => {
  const shape = (r, prefix) => {
    const s = Buffer.isBuffer(r) ? r.toString() : r;
    const ok = typeof s === 'string' && s.startsWith(prefix) && /^[A-Za-z0-9]{6}$/.test(s.slice(prefix.length));
    return `${Buffer.isBuffer(r) ? 'Buffer' : typeof r} prefix ${JSON.stringify(prefix)} suffix-ok ${ok}`;
  };
  const made = [];
  const check = (r, prefix) => {
    const s = Buffer.isBuffer(r) ? r.toString() : r;
    made.push(s);
    return `${shape(r, prefix)} dir ${fs.readdirSync(s).length === 0}`;
  };
  for (const prefix of ['tmp-', 'dir/', 'dir/b/x', 'links/to-dir/t', 'dir/a.txt']) {
    sync(`mkdtempSync ${prefix}`, () => check(fs.mkdtempSync(prefix), prefix));
    await cb(`mkdtemp ${prefix}`, (done) => fs.mkdtemp(prefix, (e, r) => (e ? done(e) : done(null, check(r, prefix)))));
    await prom(`promises.mkdtemp ${prefix}`, () => fs.promises.mkdtemp(prefix).then((r) => check(r, prefix)));
  }
  sync('buffer', () => check(fs.mkdtempSync('dir/buf-', 'buffer'), 'dir/buf-'));
  sync('buffer object', () => check(fs.mkdtempSync('dir/buf-', { encoding: 'buffer' }), 'dir/buf-'));
  sync('hex', () => { const r = fs.mkdtempSync('dir/hex-', 'hex'); const s = Buffer.from(r, 'hex').toString(); made.push(s); return shape(s, 'dir/hex-'); });
  sync('buffer prefix', () => check(fs.mkdtempSync(Buffer.from('dir/bp-')), 'dir/bp-'));
  sync('two differ', () => { const a = fs.mkdtempSync('dir/two-'); const b = fs.mkdtempSync('dir/two-'); made.push(a, b); return a !== b; });
  // The async forms name the directory they tried (random): print it as prefix + its suffix's length.
  const tried = (prefix, e) => {
    if (!e || typeof e.path !== 'string' || !e.path.startsWith(prefix) || prefix === '') return e;
    const shown = `${prefix}<${e.path.length - prefix.length}>`;
    return Object.assign(new Error(e.message.replace(e.path, shown)), { code: e.code, errno: e.errno, syscall: e.syscall, path: shown });
  };
  for (const prefix of ['nope/x', 'dir/a.txt/x', 'links/dangling/x', '']) {
    sync(`error ${prefix}`, () => fs.mkdtempSync(prefix));
    await cb(`error cb ${prefix}`, (done) => fs.mkdtemp(prefix, (e, r) => done(tried(prefix, e), r)));
    await prom(`error promise ${prefix}`, () => fs.promises.mkdtemp(prefix).catch((e) => { throw tried(prefix, e); }));
  }
  for (const bad of [5, null, undefined, {}, 'a\u0000b']) {
    sync(`bad prefix ${typeof bad}`, () => fs.mkdtempSync(bad));
    await cb(`bad prefix cb ${typeof bad}`, (done) => fs.mkdtemp(bad, done));
    await prom(`bad prefix promise ${typeof bad}`, () => fs.promises.mkdtemp(bad));
  }
  for (const bad of ['nope', 5, { encoding: 'nope' }]) sync(`bad options ${JSON.stringify(bad)}`, () => fs.mkdtempSync('dir/o-', bad));
  sync('no callback', () => fs.mkdtemp('dir/nocb-'));
  // Remove what was made so the resulting trees compare equal.
  for (const p of made) fs.rmdirSync(p);
  console.log('tree', tree('.').split(' ').filter((n) => /^(\.|dir|links)\//.test(n)).join(' '));
})();
