// fs.watch, fs.watchFile, fs.unwatchFile and fs.promises.watch: argument validation and the errors
// of a missing path, as Node 20 throws them (names, codes, messages, own fields and their order).
// @prelude: test/differential/prelude.js (fix: paths under the working directory)
const show = (label, f) => {
  try {
    const r = f();
    console.log(label, 'ok', r === undefined ? 'undefined' : r.constructor.name);
    if (r && typeof r.close === 'function') r.close();
    else if (r && typeof r.stop === 'function') fs.unwatchFile('dir/a.txt');
  } catch (e) {
    const shown = (s) => (Buffer.isBuffer(s) ? `<Buffer ${s.toString()}>` : fix(s));
    console.log(label, e.name, e.code, shown(e.message), Object.keys(e).join(','), e.errno, e.syscall, shown(e.path), shown(e.filename));
  }
};
show('missing', () => fs.watch('nope'));
show('missing in dir', () => fs.watch('dir/nope/x'));
show('missing buffer', () => fs.watch(Buffer.from('nope')));
show('missing recursive', () => fs.watch('nope', { recursive: true }));
show('number', () => fs.watch(1));
show('undefined', () => fs.watch());
show('null byte', () => fs.watch('a\0b'));
show('recursive 1', () => fs.watch('dir', { recursive: 1 }));
show('encoding nope', () => fs.watch('dir', { encoding: 'nope' }));
show('encoding 1', () => fs.watch('dir', { encoding: 1 }));
show('options nope', () => fs.watch('dir', 'nope'));
show('options 5', () => fs.watch('dir', 5));
show('options true', () => fs.watch('dir', true));
show('signal 1', () => fs.watch('dir', { signal: 1 }));
show('signal {}', () => fs.watch('dir', { signal: {} }));
show('recursive signal 1', () => fs.watch('dir', { recursive: true, signal: 1 }));
show('recursive persistent 1', () => fs.watch('dir', { recursive: true, persistent: 1 }));
show('recursive encoding 1', () => fs.watch('dir', { recursive: true, encoding: 1 }));
show('listener 5', () => fs.watch('dir', { persistent: false }, 5));
show('ok dir', () => fs.watch('dir'));
show('ok file', () => fs.watch('dir/a.txt', 'buffer'));
show('ok link', () => fs.watch('links/to-dir', { encoding: 'hex' }));
show('dangling link', () => fs.watch('links/dangling'));
show('ok recursive', () => fs.watch('dir', { recursive: true }));
show('ok recursive file', () => fs.watch('dir/a.txt', { recursive: true }));
show('watchFile no listener', () => fs.watchFile('dir/a.txt'));
show('watchFile listener 5', () => fs.watchFile('dir/a.txt', {}, 5));
show('watchFile interval a', () => fs.watchFile('dir/a.txt', { interval: 'a' }, () => {}));
show('watchFile interval -1', () => fs.watchFile('dir/a.txt', { interval: -1 }, () => {}));
show('watchFile interval 1.5', () => fs.watchFile('dir/a.txt', { interval: 1.5 }, () => {}));
show('watchFile interval 2**32', () => fs.watchFile('dir/a.txt', { interval: 2 ** 32 }, () => {}));
show('watchFile path 5', () => fs.watchFile(5, () => {}));
show('watchFile ok', () => fs.watchFile('dir/a.txt', { interval: 100000 }, () => {}));
show('unwatchFile path 5', () => fs.unwatchFile(5));
show('unwatchFile never watched', () => fs.unwatchFile('nope'));
show('unwatchFile listener not added', () => fs.unwatchFile('nope', () => {}));
console.log(fs.watch.length, fs.watchFile.length, fs.unwatchFile.length, fs.promises.watch.length, fs.watch.name, fs.watchFile.name, fs.unwatchFile.name);
console.log('FSWatcher' in fs, 'StatWatcher' in fs);

(async () => {
  for (const [label, args] of [
    ['promises missing', ['nope']],
    ['promises options 5', ['dir', 5]],
    ['promises options string', ['dir', 'utf8']],
    ['promises encoding nope', ['dir', { encoding: 'nope' }]],
    ['promises encoding buffer', ['dir', { encoding: 'buffer' }]],
    ['promises persistent 1', ['dir', { persistent: 1 }]],
    ['promises recursive 1', ['dir', { recursive: 1 }]],
    ['promises signal 1', ['dir', { signal: 1 }]],
    ['promises aborted', ['dir', { signal: AbortSignal.abort() }]],
    ['promises aborted reason', ['dir', { signal: AbortSignal.abort(new Error('why')) }]],
    ['promises path 5', [5]],
  ]) {
    const it = fs.promises.watch(...args);
    console.log(label, typeof it.next, typeof it.return, typeof it[Symbol.asyncIterator], Object.prototype.toString.call(it));
    try {
      const r = await it.next();
      console.log(label, 'value', r);
    } catch (e) {
      console.log(label, e.name, e.code, e.message, Object.keys(e).join(','), e.cause === undefined ? 'no cause' : e.cause.message);
    }
  }
})();
