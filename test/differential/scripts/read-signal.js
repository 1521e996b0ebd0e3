// The signal option: validated wherever fs reads an options object, and an aborted signal fails
// readFile/writeFile/appendFile (callback, promise, descriptor and FileHandle forms) and the file
// streams with Node's AbortError (the signal's reason as its cause) before anything is written.
const fs = require('fs');
const show = (label) => [
  (v) => console.log(label, 'ok', typeof v),
  (e) => console.log(label, e.name, e.code, e.message, e.cause === undefined ? 'no cause' : String(e.cause)),
];
const aborted = AbortSignal.abort();
const withReason = AbortSignal.abort(new Error('my reason'));
const live = new AbortController().signal;
fs.mkdirSync('out');
fs.writeFileSync('out/keep.txt', 'old content');

(async () => {
  for (const [label, f] of [
    ['promises.readFile aborted', () => fs.promises.readFile('dir/a.txt', { signal: aborted })],
    ['promises.readFile reason', () => fs.promises.readFile('dir/a.txt', { signal: withReason })],
    ['promises.readFile missing file, aborted', () => fs.promises.readFile('nope.txt', { signal: aborted })],
    ['promises.readFile live signal', () => fs.promises.readFile('dir/a.txt', { signal: live, encoding: 'utf8' })],
    ['promises.readFile object', () => fs.promises.readFile('dir/a.txt', { signal: {} })],
    ['promises.readFile null', () => fs.promises.readFile('dir/a.txt', { signal: null })],
    ['promises.readFile bad encoding first', () => fs.promises.readFile('dir/a.txt', { signal: 1, encoding: 'nope' })],
    ['promises.writeFile aborted', () => fs.promises.writeFile('out/keep.txt', 'new', { signal: aborted })],
    ['promises.writeFile number', () => fs.promises.writeFile('out/w.txt', 'x', { signal: 1 })],
    ['promises.appendFile aborted', () => fs.promises.appendFile('out/keep.txt', 'more', { signal: aborted })],
    ['promises.writeFile live', () => fs.promises.writeFile('out/live.txt', 'written', { signal: live })],
  ]) {
    try {
      await f().then(...show(label));
    } catch (e) {
      show(`${label} (thrown)`)[1](e);
    }
  }
  await new Promise((resolve) => fs.readFile('dir/a.txt', { signal: aborted }, (e, d) => (show('callback readFile')[e ? 1 : 0](e || d), resolve())));
  await new Promise((resolve) => fs.writeFile('out/keep.txt', 'new', { signal: aborted }, (e) => (show('callback writeFile')[e ? 1 : 0](e), resolve())));
  await new Promise((resolve) => fs.appendFile('out/cb.txt', 'x', { signal: withReason }, (e) => (show('callback appendFile')[e ? 1 : 0](e), resolve())));
  for (const [label, f] of [
    ['callback readFile string signal', () => fs.readFile('dir/a.txt', { signal: 'x' }, () => console.log('called'))],
    ['readFileSync number signal', () => fs.readFileSync('dir/a.txt', { signal: 1 })],
    ['writeFileSync number signal', () => fs.writeFileSync('out/s.txt', 'x', { signal: 1 })],
    ['readdirSync number signal', () => fs.readdirSync('dir', { signal: 1 })],
    ['readlinkSync number signal', () => fs.readlinkSync('links/to-file', { signal: 1 })],
    ['realpathSync number signal', () => fs.realpathSync('dir', { signal: 1 })],
    ['mkdtempSync number signal', () => fs.mkdtempSync('out/t-', { signal: 1 })],
    ['statSync number signal (not read)', () => fs.statSync('dir', { signal: 1 }).isDirectory()],
    ['createReadStream number signal', () => fs.createReadStream('dir/a.txt', { signal: 1 })],
  ]) {
    try {
      console.log(label, 'returned', typeof f());
    } catch (e) {
      show(label)[1](e);
    }
  }
  const fd = fs.openSync('out/fd.txt', 'w');
  await new Promise((resolve) => fs.writeFile(fd, 'by descriptor', { signal: aborted }, (e) => (show('descriptor writeFile')[e ? 1 : 0](e), resolve())));
  fs.closeSync(fd);
  const h = await fs.promises.open('out/keep.txt', 'r+');
  await h.readFile({ signal: aborted }).then(...show('FileHandle.readFile'));
  await h.writeFile('x', { signal: aborted }).then(...show('FileHandle.writeFile'));
  await h.appendFile('x', { signal: withReason }).then(...show('FileHandle.appendFile'));
  await h.readFile({ signal: live, encoding: 'utf8' }).then((t) => console.log('FileHandle.readFile live', t));
  await h.close();
  console.log('files', fs.readFileSync('out/keep.txt', 'utf8'), fs.existsSync('out/w.txt'), fs.existsSync('out/cb.txt'), fs.readFileSync('out/fd.txt', 'utf8').length);

  await new Promise((resolve) => {
    const rs = fs.createReadStream('dir/a.txt', { signal: aborted });
    rs.on('data', () => console.log('no data expected'));
    rs.on('error', (e) => show('createReadStream aborted')[1](e));
    rs.on('close', () => (console.log('read stream closed', rs.destroyed), resolve()));
  });
  await new Promise((resolve) => {
    const ac = new AbortController();
    const rs = fs.createReadStream('big/1m.bin', { signal: ac.signal, highWaterMark: 1024 });
    let chunks = 0;
    rs.on('data', () => ++chunks === 3 && ac.abort(new Error('enough')));
    rs.on('error', (e) => show('createReadStream aborted while reading')[1](e));
    rs.on('close', () => (console.log('chunks before the abort', chunks), resolve()));
  });
  await new Promise((resolve) => {
    const ws = fs.createWriteStream('out/ws.txt', { signal: aborted });
    ws.on('error', (e) => show('createWriteStream aborted')[1](e));
    ws.on('close', () => (console.log('write stream closed'), resolve()));
  });
})();
