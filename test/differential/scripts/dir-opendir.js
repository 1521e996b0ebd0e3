// opendir and fs.Dir: sync, callback and promise forms, reading to the end, async iteration (which
// closes), recursive listings, buffer names, and Node's errors (closed handles, concurrent work,
// bad options, missing paths and files). Names are sorted: a directory's order is the system's.
const fs = require('fs');
fs.mkdirSync('od/sub/deeper', { recursive: true });
fs.writeFileSync('od/a.txt', 'a');
fs.writeFileSync('od/sub/b.txt', 'b');
fs.symlinkSync('a.txt', 'od/link');
const kind = (e) => (e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : e.isFile() ? 'file' : '?');
const names = (list) => list.map((e) => `${e.parentPath}|${e.path}|${Buffer.isBuffer(e.name) ? `<buffer ${e.name}>` : e.name}|${kind(e)}`).sort().join(' ');
const fail = (label, e) => console.log(label, e.name, e.code, e.syscall, e.path, e.message);
const tryIt = (label, f) => {
  try {
    console.log(label, 'returned', f());
  } catch (e) {
    fail(label, e);
  }
};

(async () => {
  const d = fs.opendirSync('od');
  console.log(d.constructor.name, d.path, d instanceof fs.Dir, typeof fs.Dir, Object.keys(d));
  const all = [];
  for (let e; (e = d.readSync()) !== null; ) all.push(e);
  console.log('readSync', names(all), d.readSync());
  d.closeSync();
  tryIt('readSync after close', () => d.readSync());
  tryIt('closeSync twice', () => d.closeSync());
  tryIt('read(cb) after close', () => d.read(() => {}));
  tryIt('read() after close', () => d.read());
  await d.close().catch((e) => fail('close() after close', e));
  await new Promise((resolve) => d.close((e) => (fail('close(cb) after close', e), resolve())));

  tryIt('missing', () => fs.opendirSync('od/nope'));
  tryIt('a file', () => fs.opendirSync('od/a.txt'));
  tryIt('bufferSize 0', () => fs.opendirSync('od', { bufferSize: 0 }));
  tryIt('bufferSize string', () => fs.opendirSync('od', { bufferSize: '4' }));
  tryIt('bufferSize 1.5', () => fs.opendirSync('od', { bufferSize: 1.5 }));
  tryIt('bad encoding', () => fs.opendirSync('od', { encoding: 'nope' }));
  tryIt('bad path', () => fs.opendirSync(3));
  tryIt('no callback', () => fs.opendir('od'));
  tryIt('bad read callback', () => fs.opendirSync('od').read(5));

  const busy = fs.opendirSync('od', { bufferSize: 1 });
  const pendingRead = busy.read();
  tryIt('readSync while a read is pending', () => busy.readSync());
  tryIt('closeSync while a read is pending', () => busy.closeSync());
  console.log('pending read gives', (await pendingRead) instanceof fs.Dirent);
  await busy.close();
  console.log('closed');

  await new Promise((resolve) =>
    fs.opendir('od', { bufferSize: 2 }, (err, dir) => {
      console.log('opendir callback', err, dir.path);
      const seen = [];
      const next = () =>
        dir.read((e, entry) => {
          if (e) throw e;
          if (entry === null) {
            console.log('read callbacks', names(seen));
            return dir.close((e2) => (console.log('close callback', e2), resolve()));
          }
          seen.push(entry);
          next();
        });
      next();
    }),
  );
  await new Promise((resolve) => fs.opendir('od/nope', (err) => (fail('opendir callback missing', err), resolve())));
  await new Promise((resolve) => fs.opendir('od/a.txt', {}, (err) => (fail('opendir callback file', err), resolve())));

  const buffers = await fs.promises.opendir('od', { encoding: 'buffer' });
  const got = [];
  for await (const e of buffers) got.push(e);
  console.log('async iteration, buffer names', names(got));
  await buffers.close().catch((e) => fail('close after iteration', e));

  const recursive = [];
  for await (const e of await fs.promises.opendir('od', { recursive: true })) recursive.push(e);
  console.log('recursive', names(recursive));
  const early = await fs.promises.opendir('od');
  for await (const e of early) break;
  tryIt('readSync after a loop that broke', () => early.readSync());
  const viaEntries = await fs.promises.opendir('od');
  const it = viaEntries.entries();
  console.log('entries()', typeof it.next, typeof it[Symbol.asyncIterator], (await it.next()).done);
  await it.return();
  await fs.promises.opendir('od/a.txt').catch((e) => fail('promises.opendir file', e));
  const url = fs.opendirSync(new URL('file://' + require('path').resolve('od')));
  console.log('URL path', typeof url.path, url.readSync() !== null);
  url.closeSync();
})();
