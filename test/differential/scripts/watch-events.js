// fs.watch events, made deterministic: watch, make one change, print the first event, close. Names
// in each encoding, events about the watched file itself, a directory watched through a symlink,
// the recursive watch, the close event and the watcher's methods.
const fs = require('fs');
fs.mkdirSync('w');
fs.mkdirSync('w/sub');
fs.writeFileSync('w/old.txt', 'old');
fs.writeFileSync('w/sub/deep.txt', 'deep');

/**
 * Watches `path`, runs `change` (after the watch is set), prints the first event and closes. The
 * next watch waits a little: Node hands the rest of an event batch already read to a watcher of the
 * same inode started meanwhile.
 */
function first(label, path, options, change) {
  return new Promise((resolve) => {
    const w = fs.watch(path, options, (type, name) => {
      console.log(label, type, Buffer.isBuffer(name) ? `<Buffer ${name.toString('hex')}>` : JSON.stringify(name), typeof name);
      w.close();
    });
    w.on('close', () => {
      console.log(label, 'close');
      setTimeout(resolve, 30);
    });
    change();
  });
}

(async () => {
  await first('create in dir', 'w', {}, () => fs.writeFileSync('w/new.txt', 'x'));
  await first('write in dir', 'w', {}, () => fs.appendFileSync('w/old.txt', 'more'));
  await first('replace in dir', 'w', {}, () => fs.writeFileSync('w/old.txt', 'replaced'));
  await first('copy over in dir', 'w', {}, () => fs.copyFileSync('w/old.txt', 'w/new.txt'));
  await first('remove in dir', 'w', {}, () => fs.unlinkSync('w/new.txt'));
  await first('mkdir in dir', 'w', {}, () => fs.mkdirSync('w/made'));
  await first('rename in dir', 'w', {}, () => fs.renameSync('w/made', 'w/moved'));
  await first('buffer name', 'w', { encoding: 'buffer' }, () => fs.writeFileSync('w/b.txt', 'b'));
  await first('hex name', 'w', 'hex', () => fs.writeFileSync('w/h.txt', 'h'));
  await first('latin1 name', 'w', { encoding: 'latin1' }, () => fs.writeFileSync('w/é.txt', 'e'));
  await first('file itself', 'w/old.txt', {}, () => fs.appendFileSync('w/old.txt', '!'));
  await first('file itself buffer', 'w/old.txt', 'buffer', () => fs.appendFileSync('w/old.txt', '?'));
  await first('trailing slash', 'w/', {}, () => fs.writeFileSync('w/t.txt', 't'));
  fs.symlinkSync('w', 'link-to-w');
  await first('through a link', 'link-to-w', {}, () => fs.writeFileSync('w/l.txt', 'l'));
  await first('recursive deep', 'w', { recursive: true }, () => fs.writeFileSync('w/sub/new-deep.txt', 'n'));
  await first('recursive file', 'w/sub/deep.txt', { recursive: true }, () => fs.appendFileSync('w/sub/deep.txt', '+'));

  const w = fs.watch('w');
  console.log('methods', w.ref() === w, w.unref() === w, w.ref() === w, typeof w.start, w.start());
  console.log('listeners', w.listenerCount('change'), w.listenerCount('close'));
  let closes = 0;
  w.on('close', () => console.log('close event', ++closes));
  console.log('close returns', w.close(), 'again', w.close());
  await new Promise((r) => setTimeout(r, 50));
  const r = fs.watch('w', { recursive: true });
  console.log('recursive methods', r.ref(), r.unref());
  r.on('close', () => console.log('recursive close (sync)'));
  r.close();
  console.log('after recursive close');
  r.close();
  console.log('done');
})();
