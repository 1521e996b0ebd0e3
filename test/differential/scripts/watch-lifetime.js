// What keeps a run alive: a persistent watcher until it is closed (here by a timer, then by an
// AbortSignal), not one with persistent: false or after unref(); the signal option closes the
// watcher (at once when it is already aborted, on the next tick).
const fs = require('fs');
fs.mkdirSync('w');
process.on('exit', (code) => console.log('exit', code));

const quiet = fs.watch('w', { persistent: false });
quiet.on('close', () => console.log('quiet close'));
const unrefd = fs.watch('w').unref();
unrefd.on('close', () => console.log('unrefd close'));

const kept = fs.watch('w');
kept.on('close', () => console.log('kept close'));
setTimeout(() => {
  console.log('timer closes the kept watcher');
  kept.close();
  const ac = new AbortController();
  const bySignal = fs.watch('w', { signal: ac.signal });
  bySignal.on('close', () => {
    console.log('signal close', ac.signal.aborted);
    const pre = fs.watch('w', { signal: AbortSignal.abort() });
    console.log('pre-aborted open');
    pre.on('close', () => console.log('pre-aborted close'));
  });
  setTimeout(() => {
    console.log('abort');
    ac.abort();
  }, 50);
}, 100);
console.log('main done');
