import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';


describe('realm isolation', () => {
  it('every object reachable from what the bridge hands the guest is the guest realm own', async () => {
    const vol = new Volume();
    vol.writeFileSync('/data.bin', Buffer.from([0, 1, 2, 3]));
    // Large enough to be moved to the guest whole (limits.bulkBytes) rather than copied through the window.
    vol.writeFileSync('/big.bin', Buffer.alloc(300_000, 5));
    const r = await runGuest(
      `${PROBE}
const fs = require('fs');
const roots = { globalThis, require, module, exports, fs, fsp: require('fs/promises'), buffer: require('buffer'), path: require('path'),
  util: require('util'), timers: require('timers'), console, process, argv: process.argv, env: process.env };
roots.read = fs.readFileSync('/data.bin'); roots.readBuffer = roots.read.buffer;
roots.big = fs.readFileSync('/big.bin'); roots.bigBuffer = roots.big.buffer; roots.bigSlice = roots.bigBuffer.slice(0, 8);
if (!(roots.bigBuffer instanceof ArrayBuffer) || roots.big.length !== 300000 || roots.big[299999] !== 5) throw new Error('big read');
roots.text = fs.readFileSync('/data.bin', 'latin1');
try { fs.readFileSync('/missing'); } catch (e) { roots.sysError = e; }
try { fs.readFileSync({}); } catch (e) { roots.argError = e; }
try { require('child_process'); } catch (e) { roots.requireError = e; }
roots.timeout = setTimeout(() => {}, 1); roots.immediate = setImmediate(() => {});
roots.encoded = new TextEncoder().encode('hé'); roots.hr = process.hrtime();
const pending = [fs.promises.readFile('/data.bin'), fs.promises.readFile('/big.bin'), fs.promises.readFile('/missing').catch((e) => e), new Promise((res) => fs.readFile('/data.bin', (...args) => res(args))),
  new Promise((res) => fs.readFile('/missing', (...args) => res(args)))];
roots.promise = pending[0];
Promise.all(pending).then((values) => {
  roots.asyncValues = values; roots.asyncBigBuffer = values[1].buffer;
  if (!(values[1].buffer instanceof ArrayBuffer) || values[1].length !== 300000 || values[1][299999] !== 5) throw new Error('async big read');
  const out = probe(roots);
  console.log(JSON.stringify(out));
});`,
      { vol, env: { HOME: '/home' } },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[] };
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(500);
  });

  it('watchers, their events, Stats, errors and iterators are the guest realm own', async () => {
    const vol = new Volume();
    vol.mkdirSync('/d');
    vol.writeFileSync('/d/f.txt', 'f');
    const r = await runGuest(
      `${PROBE}
const fs = require('fs');
const roots = {};
roots.watcher = fs.watch('/d', { encoding: 'buffer' });
roots.recursive = fs.watch('/d', { recursive: true });
roots.fileWatcher = fs.watch('/d/f.txt');
try { fs.watch('/nope'); } catch (e) { roots.watchError = e; }
try { fs.watch('/d', 5); } catch (e) { roots.argError = e; }
const events = [];
roots.watcher.on('change', function (...args) { events.push({ args, self: this }); });
roots.recursive.on('change', function (...args) { events.push({ args, self: this }); });
roots.fileWatcher.on('change', function (...args) { events.push({ args, self: this }); });
roots.stat = fs.watchFile('/d/f.txt', { interval: 20 }, function (curr, prev) { events.push({ curr, prev, self: this }); });
roots.bigStat = fs.watchFile('/d/missing', { interval: 20, bigint: true }, function (curr, prev) { events.push({ curr, prev, self: this }); });
const ac = new AbortController();
roots.iterator = fs.promises.watch('/d', { signal: ac.signal });
roots.first = roots.iterator.next();
fs.writeFileSync('/d/f.txt', 'changed!');
fs.writeFileSync('/d/g.txt', 'g');
setTimeout(async () => {
  roots.firstValue = await roots.first;
  ac.abort();
  roots.aborted = await roots.iterator.next().catch((e) => e);
  roots.missingIterator = await fs.promises.watch('/nope').next().catch((e) => e);
  roots.events = events;
  for (const w of [roots.watcher, roots.recursive, roots.fileWatcher]) w.close();
  fs.unwatchFile('/d/f.txt'); fs.unwatchFile('/d/missing');
  if (events.length < 5) throw new Error('too few events: ' + events.length);
  console.log(JSON.stringify(probe(roots)));
}, 200);`,
      { vol },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[] };
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(200);
  });

  // The host marker is process.reallyExit: the real process has it, the guest's process never does.
  it('the classic escapes find no host process', async () => {
    const r = await runGuest(`
const fs = require('fs');
const results = {};
const attempt = (name, f) => { try { const v = f(); results[name] = typeof v === 'object' && v !== null ? 'object:' + Object.keys(v).slice(0, 3) : String(v); } catch (e) { results[name] = 'threw ' + e.constructor.name; } };
attempt('this.constructor', () => this.constructor.constructor('return typeof process === "object" && process.reallyExit ? "HOST" : "guest"')());
attempt('globalThis.constructor', () => globalThis.constructor.constructor('return typeof require')());
attempt('buffer', () => fs.readFileSync.constructor('return this')() === globalThis);
attempt('error', () => { try { fs.readFileSync('/nope'); } catch (e) { return e.constructor.constructor('return typeof process.reallyExit')(); } });
attempt('callerOfTimer', () => 'pending');
setTimeout(function cb() {
  results.callerOfTimer = String(cb.caller);
  Error.prepareStackTrace = (e, frames) => frames.map((f) => [typeof f.getThis(), f.getFunction() === undefined || f.getFunction().constructor === Function]);
  const frames = new Error().stack;
  Error.prepareStackTrace = undefined;
  results.timerFrames = frames.every(([t, ok]) => ok && (t === 'undefined' || t === 'object'));
  fs.readFile('/nope', function cb2(err) {
    results.callerOfFsCallback = String(cb2.caller);
    console.log(JSON.stringify(results));
  });
}, 1);
`);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      'this.constructor': 'guest',
      'globalThis.constructor': 'undefined',
      buffer: 'true',
      error: 'undefined',
      callerOfTimer: 'null',
      timerFrames: true,
      callerOfFsCallback: 'null',
    });
  });
});
