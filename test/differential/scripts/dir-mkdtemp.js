'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
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
