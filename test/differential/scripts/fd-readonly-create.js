// A file created with a mode that forbids writing (or reading) is still written (and read) through
// the descriptor of the call that created it, as POSIX has it: every flag that creates, every form.
const fs = require('fs');
const mode = (p) => (fs.statSync(p).mode & 0o777).toString(8);
fs.mkdirSync('ro');

const cases = [['w', 0o444], ['w+', 0o444], ['wx', 0o400], ['wx+', 0o444], ['a', 0o444], ['a+', 0o400], ['ax', 0o000], ['w', 0o200]];
for (const [flags, m] of cases) {
  const p = `ro/${flags}-${m.toString(8)}`;
  const fd = fs.openSync(p, flags, m);
  console.log(p, 'wrote', fs.writeSync(fd, `data ${flags}`));
  if (flags.includes('+')) {
    const back = Buffer.alloc(32);
    console.log(p, 'read back', fs.readSync(fd, back, 0, 32, 0), back.toString('utf8').replace(/\0+$/, ''));
  }
  fs.closeSync(fd);
  console.log(p, 'mode', mode(p), 'size', fs.statSync(p).size);
}

fs.writeFileSync('ro/writeFile', 'whole', { mode: 0o444 });
console.log('writeFile', mode('ro/writeFile'), fs.statSync('ro/writeFile').size);
fs.appendFileSync('ro/appendFile', 'tail', { mode: 0o400 });
console.log('appendFile', mode('ro/appendFile'), fs.statSync('ro/appendFile').size);

// O_EXCL on an existing file still fails, and the existing file's mode is untouched.
try {
  fs.openSync('ro/wx-400', 'wx', 0o644);
} catch (e) {
  console.log('exclusive', e.code, e.syscall, mode('ro/wx-400'));
}

(async () => {
  const h = await fs.promises.open('ro/promise', 'w+', 0o444);
  await h.write('through a FileHandle');
  const { bytesRead } = await h.read(Buffer.alloc(64), 0, 64, 0);
  await h.close();
  console.log('promises.open', bytesRead, mode('ro/promise'));
  await fs.promises.writeFile('ro/promises.writeFile', 'p', { mode: 0o400 });
  console.log('promises.writeFile', mode('ro/promises.writeFile'));
  fs.open('ro/callback', 'a', 0o444, (err, fd) => {
    if (err) throw err;
    fs.write(fd, 'cb', (err2, n) => {
      if (err2) throw err2;
      fs.closeSync(fd);
      console.log('callback open', n, mode('ro/callback'));
      const ws = fs.createWriteStream('ro/stream', { mode: 0o444 });
      ws.end('streamed', () => console.log('createWriteStream', mode('ro/stream'), fs.readFileSync('ro/stream', 'utf8')));
    });
  });
})();
