// Output helpers shared by differential scripts that start with `// @prelude: ...`; the harness
// puts this text in place of that line, for plain node and for the sandbox alike.
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
/** A fresh tree under `p`: a file, a directory with a subdirectory, an empty directory, links to each and a dangling one. */
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
