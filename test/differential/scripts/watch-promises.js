// fs.promises.watch: an async iterator of { eventType, filename }, ended by its AbortSignal with
// Node's AbortError (the reason as cause), or by leaving a for await loop.
const fs = require('fs');
fs.mkdirSync('w');
fs.mkdirSync('w/sub');

(async () => {
  const ac = new AbortController();
  const it = fs.promises.watch('w', { signal: ac.signal });
  const first = it.next();
  fs.writeFileSync('w/one.txt', '1');
  console.log('first', await first);
  ac.abort(new Error('stop now'));
  try {
    await it.next();
  } catch (e) {
    console.log('after abort', e.name, e.code, e.message, e.cause.message);
  }
  console.log('then', await it.next());
  await new Promise((r) => setTimeout(r, 30));

  const ac2 = new AbortController();
  let seen = 0;
  setTimeout(() => fs.writeFileSync('w/two.txt', '2'), 20);
  try {
    for await (const ev of fs.promises.watch('w', { signal: ac2.signal, encoding: 'hex' })) {
      if (seen++ === 0) {
        console.log('loop', ev.eventType, ev.filename);
        ac2.abort();
      }
    }
  } catch (e) {
    console.log('loop ended', e.name, e.cause.name);
  }
  await new Promise((r) => setTimeout(r, 30));

  setTimeout(() => fs.writeFileSync('w/sub/three.txt', '3'), 20);
  for await (const ev of fs.promises.watch('w', { recursive: true })) {
    console.log('recursive', ev.eventType, ev.filename);
    break;
  }
  console.log('left the loop');
  await new Promise((r) => setTimeout(r, 30));

  // persistent: false holds nothing; a timer holds the run here.
  setTimeout(() => fs.appendFileSync('w/one.txt', '+'), 20);
  const hold = setTimeout(() => {}, 5000);
  const f = fs.promises.watch('w/one.txt', { persistent: false });
  console.log('file', (await f.next()).value);
  console.log('return', await f.return());
  clearTimeout(hold);
  process.on('exit', () => console.log('exit'));
})();
