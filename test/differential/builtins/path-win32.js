// path.win32 and path/posix, path/win32: Node's results for drive letters, UNC paths, mixed
// separators, relative resolution from the working directory, parse/format, and argument errors.
const path = require('path');
const w = path.win32;
const show = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'THROW', e.name, e.code, e.message); }
};
console.log(path.posix === path, w.posix === path, w.win32 === w, path.win32 === require('path/win32'), path === require('node:path/posix'));
console.log(w.sep, w.delimiter, path.sep, path.delimiter);
for (const p of ['C:\\a\\b\\..\\c', 'C:/a//b/', '\\\\server\\share\\x\\y', '\\\\?\\C:\\x', 'C:', 'C:x\\y', 'a\\..\\..\\b', '', '.', '//a/b/c', 'C:\\']) {
  show(`normalize ${p}`, () => w.normalize(p));
  show(`isAbsolute ${p}`, () => w.isAbsolute(p));
  show(`dirname ${p}`, () => w.dirname(p));
  show(`basename ${p}`, () => w.basename(p));
  show(`extname ${p}`, () => w.extname(p));
  show(`parse ${p}`, () => w.parse(p));
  // A relative path resolves from the working directory, which differs between the two runs.
  show(`toNamespacedPath ${p}`, () => (w.isAbsolute(p) ? w.toNamespacedPath(p) : w.toNamespacedPath(p).replace(/^.*\\([^\\]*)$/, '...\\$1')));
}
show('join', () => w.join('C:\\a', '..', 'b', '/c/', 'd.txt'));
show('join empty', () => w.join());
show('resolve abs', () => w.resolve('C:\\a', 'b', '..\\c'));
show('resolve unc', () => w.resolve('\\\\s\\sh', 'x'));
show('resolve rel ends in cwd', () => w.resolve('x').endsWith('\\x'));
show('relative', () => w.relative('C:\\a\\b\\c', 'C:\\a\\d'));
show('relative drives', () => w.relative('C:\\a', 'D:\\b'));
show('basename ext', () => w.basename('C:\\x\\file.txt', '.txt'));
show('format', () => w.format({ root: 'C:\\', dir: 'C:\\a', name: 'n', ext: 'e' }));
show('format base', () => w.format({ dir: 'd', base: 'b.x' }));
show('posix format ext without dot', () => path.format({ name: 'a', ext: 'txt' }));
show('posix format root', () => path.format({ root: '/x/', base: 'b' }));
for (const [name, f] of [['join', () => w.join('a', 5)], ['resolve', () => w.resolve('a', null)], ['basename', () => w.basename('a', 1)], ['relative', () => w.relative('a', {})], ['parse', () => w.parse()], ['format', () => w.format(null)], ['posix join', () => path.join('a', 5)], ['posix resolve', () => path.resolve(1)], ['posix basename', () => path.basename('a', 1)], ['posix dirname', () => path.dirname()], ['posix format', () => path.format('x')]]) {
  show(`error ${name}`, f);
}
console.log(path.toNamespacedPath('/a'), path._makeLong('/a'), typeof w._makeLong);
