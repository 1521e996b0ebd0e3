// fs.openAsBlob: a Blob of a file's bytes (the type kept as given), Node's argument checks, a
// missing path, and a directory (whose Blob cannot be read).
const fs = require('fs');
const show = (label, f) => {
  try {
    const v = f();
    console.log(label, v instanceof Promise ? 'a promise' : v);
  } catch (e) {
    console.log(label, 'THROWS', e.name, e.code, e.message);
  }
};
(async () => {
  const b = await fs.openAsBlob('bin/png.bin', { type: 'Image/PNG' });
  console.log('blob', b instanceof Blob, b.size, JSON.stringify(b.type), Buffer.from(await b.slice(0, 8).arrayBuffer()).toString('hex'));
  const t = await fs.openAsBlob('text/utf8.txt');
  console.log('text', JSON.stringify(await t.text()), JSON.stringify(t.type));
  console.log('empty', (await fs.openAsBlob('bin/empty.bin')).size);
  console.log('URL path', (await fs.openAsBlob(new URL('file://' + require('path').resolve('dir/a.txt')))).size);
  show('missing', () => fs.openAsBlob('nope.bin'));
  show('bad type', () => fs.openAsBlob('dir/a.txt', { type: 5 }));
  show('bad options', () => fs.openAsBlob('dir/a.txt', 5));
  show('bad path', () => fs.openAsBlob(5));
  show('returns', () => fs.openAsBlob('dir/a.txt'));
  const d = await fs.openAsBlob('dir');
  console.log('directory', d instanceof Blob);
  await d.text().then(
    () => console.log('directory read'),
    (e) => console.log('directory read fails', e.name, e.message),
  );
})();
