'use strict';
// @prelude: test/differential/prelude.js (output helpers shared by the directory scripts)
// Buffer paths keep their raw bytes end to end, UTF-8 or not: in the names passed, in the names
// readdir, readlink, realpath and mkdtemp return (in every encoding), and in errors.
(async () => {
  const B = (...bytes) => Buffer.from(bytes);
  const join = (...parts) => Buffer.concat(parts.map((p) => Buffer.from(p)));
  const names = {
    surrogates: B(0x3d, 0xd8, 0x3d, 0xdc, 0x04),
    ff: B(0x66, 0xff, 0x2e, 0x74, 0x78, 0x74),
    encodedSurrogate: B(0xed, 0xa0, 0x80),
    truncated: B(0x61, 0xc3),
    latin1: B(0x63, 0x61, 0x66, 0xe9),
    valid: Buffer.from('caf\u00e9-\u{1f600}'),
    overlong: B(0xc0, 0xaf, 0x78),
  };
  const listing = () => fs.readdirSync('bytes', 'buffer').map((b) => b.toString('hex')).join(' ');
  fs.mkdirSync('bytes');
  for (const [label, name] of Object.entries(names)) {
    const p = join('bytes/', name);
    sync(`${label} write`, () => fs.writeFileSync(p, label));
    sync(`${label} read`, () => fs.readFileSync(p, 'utf8'));
    sync(`${label} exists`, () => fs.existsSync(p));
    sync(`${label} exists as text`, () => fs.existsSync(p.toString()));
    sync(`${label} stat`, () => fs.statSync(p).size);
    sync(`${label} open text path`, () => typeof fs.openSync(p.toString(), 'r'));
  }
  sync('listing (buffer)', listing);
  sync('listing (utf8)', () => fs.readdirSync('bytes'));
  sync('listing (latin1)', () => fs.readdirSync('bytes', 'latin1'));
  sync('listing (hex)', () => fs.readdirSync('bytes', { encoding: 'hex' }));
  sync('dirents (buffer)', () => fs.readdirSync('bytes', { withFileTypes: true, encoding: 'buffer' }));
  sync('dirents (utf8)', () => fs.readdirSync('bytes', { withFileTypes: true }));
  sync('recursive (utf8)', () => fs.readdirSync('.', { recursive: true }).filter((n) => n.startsWith('bytes')).sort());
  // Errors name the path as Node prints a Buffer path: decoded, U+FFFD for each invalid sequence.
  const missing = join('bytes/', B(0xfe, 0x41, 0xc3, 0x28));
  sync('open missing', () => fs.openSync(missing, 'r'));
  sync('stat missing', () => fs.statSync(missing));
  sync('mkdir existing', () => fs.mkdirSync(join('bytes/', names.ff)));
  sync('rename missing', () => fs.renameSync(missing, join('bytes/', names.ff)));
  await cb('readFile missing (callback)', (done) => fs.readFile(missing, done));
  await prom('readFile missing (promise)', () => fs.promises.readFile(missing));
  await prom('stat (promise)', async () => (await fs.promises.stat(join('bytes/', names.surrogates))).isFile());
  // Directories, renames, links and temporary names with raw bytes.
  const dir = join('bytes/', B(0x64, 0x80, 0x81));
  sync('mkdir', () => fs.mkdirSync(dir));
  sync('write inside', () => fs.writeFileSync(join(dir, '/', names.truncated), 'inside'));
  sync('list inside (buffer)', () => fs.readdirSync(dir, 'buffer'));
  sync('list inside (utf8)', () => fs.readdirSync(dir));
  sync('mkdir -p', () => fs.mkdirSync(join(dir, '/', B(0xf8), '/', B(0xf9)), { recursive: true }));
  sync('rename', () => fs.renameSync(join('bytes/', names.latin1), join(dir, '/', B(0xe9, 0xe8))));
  sync('after rename', () => fs.readFileSync(join(dir, '/', B(0xe9, 0xe8)), 'utf8'));
  sync('symlink', () => fs.symlinkSync(names.ff, join('bytes/', B(0x6c, 0xa0))));
  sync('readlink (buffer)', () => fs.readlinkSync(join('bytes/', B(0x6c, 0xa0)), 'buffer'));
  sync('readlink (utf8)', () => fs.readlinkSync(join('bytes/', B(0x6c, 0xa0))));
  sync('read through link', () => fs.readFileSync(join('bytes/', B(0x6c, 0xa0)), 'utf8'));
  sync('lstat link size', () => fs.lstatSync(join('bytes/', B(0x6c, 0xa0))).size);
  sync('realpath.native (buffer)', () => fs.realpathSync.native(join('bytes/', B(0x6c, 0xa0)), 'buffer').toString('hex').replace(Buffer.from(base).toString('hex'), '<cwd>'));
  sync('realpath.native (utf8)', () => fs.realpathSync.native(join('bytes/', B(0x6c, 0xa0))));
  sync('mkdtemp', () => {
    const made = fs.mkdtempSync(join('bytes/', B(0x74, 0xfd)), 'buffer');
    const found = [made.subarray(0, 8).toString('hex'), made.length, fs.statSync(made).isDirectory()];
    fs.rmdirSync(made);
    return found;
  });
  sync('copyFile', () => fs.copyFileSync(join('bytes/', names.ff), join('bytes/', B(0x63, 0xfa))));
  sync('copied', () => fs.readFileSync(join('bytes/', B(0x63, 0xfa)), 'utf8'));
  sync('unlink', () => fs.unlinkSync(join('bytes/', names.overlong)));
  sync('rm -r', () => fs.rmSync(join(dir, '/', B(0xf8)), { recursive: true }));
  // A string path's lone surrogate is U+FFFD on the disk, as Node's UTF-8 conversion makes it.
  sync('lone surrogate text', () => fs.writeFileSync('bytes/x\udc80y', 'lone'));
  sync('as U+FFFD', () => fs.readFileSync('bytes/x\ufffdy', 'utf8'));
  sync('as byte 80', () => fs.existsSync(join('bytes/x', B(0x80), 'y')));
  const fh = await fs.promises.open(join('bytes/', names.surrogates), 'r');
  sync('filehandle read', () => fh.fd >= 0);
  await fh.close();
  sync('listing at end', listing);
})();
