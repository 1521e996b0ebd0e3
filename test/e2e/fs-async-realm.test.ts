import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * Realm isolation of the descriptor surface: Stats and BigIntStats, FileHandle and its results and
 * errors, ReadStream/WriteStream and every argument their events carry, the events and stream
 * modules. The probe is realm.test.ts's: every object reachable through own properties (values,
 * getters, setters), prototypes and `.constructor` must belong to the guest's realm.
 */

const SCENARIO = `
const fs = require('fs');
const roots = { fs, events: require('events'), stream: require('stream'), streamPromises: require('stream/promises') };
const all = [];
const record = (name) => (...args) => { roots[name] = args; };
roots.stat = fs.statSync('/data.bin');
roots.bigStat = fs.statSync('/data.bin', { bigint: true });
roots.lstat = fs.lstatSync('/link');
roots.noEntry = fs.statSync('/missing', { throwIfNoEntry: false });
try { fs.statSync('/missing'); } catch (e) { roots.statError = e; }
try { fs.readSync(9999, Buffer.alloc(1)); } catch (e) { roots.ebadf = e; }
try { fs.readSync('x', Buffer.alloc(1)); } catch (e) { roots.argError = e; }
const fd = fs.openSync('/data.bin', 'r+');
roots.fd = fd;
roots.fstat = fs.fstatSync(fd);
roots.readSyncResult = fs.readSync(fd, Buffer.alloc(4), 0, 4, 0);
all.push(new Promise((res) => fs.read(fd, Buffer.alloc(4), 0, 4, 0, (...a) => { roots.readCb = a; res(); })));
all.push(new Promise((res) => fs.read(fd, (...a) => { roots.readCbDefault = a; res(); })));
all.push(new Promise((res) => fs.write(fd, 'x', 4, (...a) => { roots.writeCb = a; res(); })));
all.push(new Promise((res) => fs.fstat(fd, { bigint: true }, (...a) => { roots.fstatCb = a; res(); })));
all.push(new Promise((res) => fs.stat('/missing', (...a) => { roots.statCbError = a; res(); })));
all.push(new Promise((res) => fs.read(9999, Buffer.alloc(1), 0, 1, 0, (...a) => { roots.readCbError = a; res(); })));
all.push((async () => {
  const fh = await fs.promises.open('/data.bin', 'r+');
  roots.handle = fh;
  roots.handleRead = await fh.read(Buffer.alloc(3), 0, 3, 0);
  roots.handleWrite = await fh.write('yz', 0);
  roots.handleStat = await fh.stat({ bigint: true });
  roots.handleReadFile = await fh.readFile('latin1');
  fh.on('close', record('handleCloseEvent'));
  await fh.close();
  try { await fh.read(Buffer.alloc(1)); } catch (e) { roots.closedHandleError = e; }
  try { await fs.promises.open('/missing'); } catch (e) { roots.openError = e; }
  roots.promiseStat = await fs.promises.stat('/data.bin');
})());
all.push(new Promise((res) => {
  const rs = fs.createReadStream('/data.bin', { highWaterMark: 2 });
  roots.readStream = rs;
  const events = (roots.readEvents = {});
  for (const name of ['open', 'ready', 'data', 'end', 'close']) rs.on(name, (...a) => { (events[name] ||= []).push(a); });
  rs.on('close', res);
}));
all.push(new Promise((res) => {
  const bad = fs.createReadStream('/missing');
  bad.on('error', record('readStreamError'));
  bad.on('close', res);
}));
all.push(new Promise((res) => {
  const ws = fs.createWriteStream('/out.bin');
  roots.writeStream = ws;
  const events = (roots.writeEvents = {});
  for (const name of ['open', 'ready', 'finish', 'close', 'drain']) ws.on(name, (...a) => { (events[name] ||= []).push(a); });
  ws.write('abc', record('writeCallback'));
  ws.end(Buffer.from('def'));
  ws.on('close', res);
}));
all.push(new Promise((res) => {
  const ws = fs.createWriteStream('/nodir/x');
  ws.on('error', record('writeStreamError'));
  ws.on('close', res);
}));
all.push(require('stream/promises').pipeline(fs.createReadStream('/data.bin'), fs.createWriteStream('/copy.bin')).then(record('pipeline')));
all.push((async () => { roots.iterated = []; for await (const c of fs.createReadStream('/data.bin', { highWaterMark: 3 })) roots.iterated.push(c); })());
Promise.all(all).then(() => {
  fs.closeSync(fd);
  console.log(JSON.stringify(probe(roots)));
});
`;

describe('realm isolation of descriptors, stats, FileHandle and streams', () => {
  it('every object reachable from them and from their callback and event arguments is the guest realm own', async () => {
    const vol = new Volume();
    vol.writeFileSync('/data.bin', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7]));
    vol.symlinkSync('/data.bin', '/link');
    const r = await runGuest(`${PROBE}${SCENARIO}`, { vol });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[] };
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(800);
  }, 30_000);

  it('the classic escapes through Stats, FileHandle and stream objects find the guest only', async () => {
    const vol = new Volume();
    vol.writeFileSync('/a', 'x');
    const r = await runGuest(`
const fs = require('fs');
const check = (v) => v.constructor.constructor('return globalThis')() === globalThis;
(async () => {
  const fh = await fs.promises.open('/a');
  const rs = fs.createReadStream('/a');
  const results = [fs.statSync('/a'), fs.statSync('/a', { bigint: true }), fh, (await fh.read()).buffer, await fh.stat(), rs, rs._readableState, fs.createWriteStream('/b')]
    .map((v) => { try { return check(v) || check(Object.getPrototypeOf(v) || {}); } catch (e) { return 'threw ' + e.constructor.name; } });
  rs.on('data', function onData(chunk) { results.push(check(chunk), String(onData.caller)); });
  rs.on('close', () => { fh.close(); console.log(JSON.stringify(results)); });
})();`, { vol });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, true, true, true, true, true, true, true, 'null']);
  });
});
