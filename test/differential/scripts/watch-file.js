// fs.watchFile / fs.unwatchFile with a short interval: a change seen with (current, previous)
// Stats, zeroed Stats for a missing file and its creation, bigint Stats, listeners shared by one
// StatWatcher, unwatchFile with and without a listener, the 'stop' event, ref/unref.
const fs = require('fs');
fs.mkdirSync('w');
fs.writeFileSync('w/a.txt', 'one');
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const brief = (s) => `${s.constructor.name} size=${s.size} nlink=${s.nlink} file=${s.isFile()} mtime0=${s.mtimeMs == 0} birth0=${s.birthtimeMs == 0} ${typeof s.size}`;

(async () => {
  // A change of size, seen at the next poll.
  await new Promise((resolve) => {
    const w = fs.watchFile('w/a.txt', { interval: 20 }, function (curr, prev) {
      console.log('changed', brief(curr), '|', brief(prev), this === w);
      fs.unwatchFile('w/a.txt');
      resolve();
    });
    console.log('watcher', w.constructor.name, w.ref() === w, w.unref() === w, w.ref() === w);
    w.on('stop', () => console.log('stop event'));
    setTimeout(() => fs.writeFileSync('w/a.txt', 'three'), 60);
  });
  await wait(30);

  // A missing file: zeroed Stats at once, then its creation.
  await new Promise((resolve) => {
    let calls = 0;
    fs.watchFile('w/later.txt', { interval: 20 }, (curr, prev) => {
      calls++;
      console.log('missing', calls, brief(curr), '|', brief(prev));
      if (calls === 1) setTimeout(() => fs.writeFileSync('w/later.txt', 'now'), 40);
      else {
        fs.unwatchFile('w/later.txt');
        resolve();
      }
    });
  });

  // bigint Stats, and two listeners on one watcher: removing one keeps the other.
  await new Promise((resolve) => {
    const one = () => console.log('listener one');
    const two = (curr, prev) => {
      console.log('listener two', brief(curr), typeof prev.mtimeNs);
      fs.unwatchFile('w/a.txt', two);
      console.log('after removing two', fs.watchFile('w/a.txt', { interval: 20 }, one).listenerCount('change'));
      fs.unwatchFile('w/a.txt');
      resolve();
    };
    const w1 = fs.watchFile('w/a.txt', { interval: 20, bigint: true }, one);
    const w2 = fs.watchFile('w/a.txt', { interval: 999 }, two);
    console.log('same watcher', w1 === w2, w1.listenerCount('change'));
    fs.unwatchFile('w/a.txt', one);
    console.log('one removed', w1.listenerCount('change'));
    setTimeout(() => fs.appendFileSync('w/a.txt', '!!'), 50);
  });

  // A persistent: false watcher does not hold the run.
  fs.watchFile('w/a.txt', { persistent: false, interval: 10 }, () => console.log('never'));
  process.on('exit', () => console.log('exit with an unref watcher'));
})();
