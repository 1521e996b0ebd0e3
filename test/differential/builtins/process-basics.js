// process: an EventEmitter with Node's stdio streams, warnings (printed to stderr on the next tick,
// with the one-time hint), chdir moving relative paths, umask, hrtime, memoryUsage's shape.
const { EventEmitter } = require('events');
const path = require('path');
const fs = require('fs');
console.log(process instanceof EventEmitter, typeof process.on, process.listenerCount('warning'));
console.log(typeof process.stdout.write, typeof process.stdout.on, typeof process.stdin.on, process.stdout.writable);
process.stdout.write('written through process.stdout\n');
process.stdout.write(Buffer.from('bytes through process.stdout\n'));
try { process.stdout.write(5); } catch (e) { console.log(e.name, e.code, e.message); }
process.emitWarning('first warning');
process.emitWarning('a deprecation', 'DeprecationWarning', 'DEP0999');
process.emitWarning('with detail', { type: 'CustomWarning', code: 'C1', detail: 'more words' });
for (const bad of [[5], ['x', 5], ['x', 'T', 5]]) {
  try { process.emitWarning(...bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
process.on('warning', (w) => console.log('warning event', w.name, w.message, w.code));
fs.mkdirSync('sub/inner', { recursive: true });
fs.writeFileSync('sub/inner/f.txt', 'x');
const start = process.cwd();
process.chdir('sub');
console.log(path.relative(start, process.cwd()), fs.existsSync('inner/f.txt'), path.relative(start, path.resolve('inner')));
process.chdir('..');
console.log(process.cwd() === start);
for (const bad of ['nope', 'sub/inner/f.txt', 5]) {
  try { process.chdir(bad); } catch (e) { console.log(e.name, e.code, e.syscall, e.dest, e.message.replace(start, '<cwd>')); }
}
console.log(process.umask(0o27).toString(8), process.umask().toString(8));
const t = process.hrtime();
console.log(Array.isArray(t), t.length, typeof process.hrtime.bigint(), process.hrtime(t).length);
try { process.hrtime(5); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(Object.keys(process.memoryUsage()).join(','), typeof process.memoryUsage.rss(), typeof process.uptime());
console.log(typeof process.getuid(), typeof process.versions.v8, process.release.name, typeof process.execPath, typeof process.config);
process.on('exit', (code) => console.log('exit', code));
