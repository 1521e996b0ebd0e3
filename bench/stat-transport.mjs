#!/usr/bin/env node
/**
 * node bench/stat-transport.mjs [--runs N] [--ops N]      (after npm run build)
 *
 * How a stat result crosses the bridge: the raw stat record this bridge sends (status 2, fourteen
 * Float64 numbers read by the guest through one typed-array view) against a structured answer (a
 * CBOR map of the same fourteen fields, status 0, decoded into an object the guest then copies).
 *
 *   codec  host work + guest work for one answer, in one thread: the real stat handler (or a CBOR
 *          handler over the same Vfs) through Dispatcher.reply, the frame materialized, the header
 *          decoded, the payload decoded, and the guest-realm Stats built.
 *   e2e    the same through the real blocking channel: a Worker (the guest side, GuestChannel)
 *          calls the host (HostChannel + Dispatcher) `ops` times; no vm context, so only transport.
 *
 * Each figure is the median of `runs` runs of `ops` calls, in microseconds per call. Every run
 * verifies that both transports built the same Stats.
 */
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Volume } from 'memfs';
import { createChannelBuffer, HostChannel } from '../dist/bridge/channel/host.js';
import { GuestChannel } from '../dist/bridge/channel/guest.js';
import { decodeResponseHeader, encodeCallHeader } from '../dist/bridge/wire/frame.js';
import { Method, StatField, Status } from '../dist/bridge/wire/protocol.js';
import { decodeValue, encodeArgs, encodeValue } from '../dist/bridge/wire/values.js';
import { Stats } from '../dist/guest-assets/fs/stats/index.js';
import { Dispatcher, materialize } from '../dist/host/dispatcher/index.js';
import { FdTable, fsHandlers } from '../dist/host/fs/index.js';
import { statRecord } from '../dist/host/fs/stats.js';

const RAW_METHOD = 'bench.statRaw';
const CBOR_METHOD = 'bench.statCbor';
const FIELDS = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'];

function args() {
  const a = { runs: 31, ops: 20000 };
  for (let i = 2; i < process.argv.length; i++) {
    if (process.argv[i] === '--runs') a.runs = Number(process.argv[++i]);
    if (process.argv[i] === '--ops') a.ops = Number(process.argv[++i]);
  }
  return a;
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/**
 * The host: the real fs handlers over a memfs volume (Method.stat also walks the path as the kernel
 * does), plus two handlers that do the same single Vfs stat and differ only in the answer: the raw
 * stat record, or a CBOR map of the same fields.
 */
function hostDispatcher() {
  const vol = new Volume();
  vol.writeFileSync('/file.bin', Buffer.alloc(12345));
  const d = new Dispatcher('bench', fsHandlers(vol, { maxFileBytes: 1 << 28 }, new FdTable(vol)));
  d.register(RAW_METHOD, ([path]) => statRecord(vol.statSync(path, { bigint: false })));
  d.register(CBOR_METHOD, ([path]) => {
    const st = vol.statSync(path, { bigint: false });
    const map = {};
    for (const f of FIELDS) map[f] = st[f];
    return map;
  });
  return { d, vol };
}

/** The answer alone, no dispatcher: fill + view (raw) against encode + decode of a map (CBOR), each to Stats. */
function answerRun(vol, raw, ops) {
  const st = vol.statSync('/file.bin', { bigint: false });
  let last;
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) {
    if (raw) last = guestStats(Status.Raw, statRecord(st).slice());
    else {
      const map = {};
      for (const f of FIELDS) map[f] = st[f];
      last = guestStats(Status.Ok, encodeValue(map).slice());
    }
  }
  return { us: ((performance.now() - t0) * 1000) / ops, stats: last };
}

/** The guest's work on a reply payload: a typed-array view (raw) or a CBOR decode (map), then Stats. */
function guestStats(status, payload) {
  if (status === Status.Raw) {
    const r = new Float64Array(payload.buffer, payload.byteOffset, 14);
    const F = StatField;
    return new Stats(r[F.dev], r[F.mode], r[F.nlink], r[F.uid], r[F.gid], r[F.rdev], r[F.blksize], r[F.ino], r[F.size], r[F.blocks], r[F.atime], r[F.mtime], r[F.ctime], r[F.birthtime]);
  }
  const m = decodeValue(payload);
  return new Stats(m.dev, m.mode, m.nlink, m.uid, m.gid, m.rdev, m.blksize, m.ino, m.size, m.blocks, m.atimeMs, m.mtimeMs, m.ctimeMs, m.birthtimeMs);
}

function requestFrame(method, id) {
  const payload = encodeArgs(['/file.bin', false, true]);
  const header = encodeCallHeader('bench', id, method, payload.length);
  const frame = new Uint8Array(header.length + payload.length);
  frame.set(header);
  frame.set(payload, header.length);
  return frame;
}

const sameStats = (a, b) => FIELDS.every((f) => a[f] === b[f]) && a.mtime.getTime() === b.mtime.getTime();

/** One thread, no channel: host handler + framing + guest decode per call. */
async function codecRun(d, method, ops) {
  const frame = requestFrame(method, 1);
  let last;
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) {
    const bytes = await materialize(await d.reply(frame));
    const h = decodeResponseHeader(bytes);
    // A fresh copy, as the guest gets (aligned, its own ArrayBuffer).
    last = guestStats(h.status, bytes.slice(h.headerLength, h.frameLength));
  }
  return { us: ((performance.now() - t0) * 1000) / ops, stats: last, bytes: (await materialize(await d.reply(frame))).length };
}

/** The guest side of the e2e run: blocking calls through the shared window. */
function guestWorker() {
  const { buffer, method, ops, runs } = workerData;
  const channel = new GuestChannel(buffer, 2000);
  const lat = new Float64Array(ops);
  let mean = 0;
  let last;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    for (let i = 0; i < ops; i++) {
      const t = performance.now();
      const frame = requestFrame(method, i + 1);
      let status = -1;
      const { payload } = channel.call([frame], (h, length) => ((status = h.status), new Uint8Array(new ArrayBuffer(length))));
      last = guestStats(status, payload);
      lat[i] = performance.now() - t;
    }
    mean = ((performance.now() - t0) * 1000) / ops;
  }
  // The first pass warms the JIT; the second is measured: its mean and its median call.
  parentPort.postMessage({ us: mean, p50: median(Array.from(lat)) * 1000, stats: { ...last, mtime: last.mtime.getTime() } });
}

async function e2e(d, method, ops, runs) {
  const buffer = createChannelBuffer();
  const host = new HostChannel(buffer, { serve: (req) => d.reply(req), refuse: () => { throw new Error('refused'); }, broken: (e) => { throw e; } }, 1 << 20);
  void host.run();
  const worker = new Worker(new URL(import.meta.url), { workerData: { buffer, method, ops, runs } });
  const result = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  host.close();
  await worker.terminate();
  return { ...result, stats: { ...result.stats, mtime: new Date(result.stats.mtime) } };
}

async function main() {
  const { runs, ops } = args();
  const { d, vol } = hostDispatcher();
  const rows = { answer: { raw: [], cbor: [] }, codec: { raw: [], cbor: [], full: [] } };
  const bytes = {};
  for (let run = 0; run < runs; run++) {
    const a = answerRun(vol, true, ops);
    const b = answerRun(vol, false, ops);
    const raw = await codecRun(d, RAW_METHOD, ops);
    const cbor = await codecRun(d, CBOR_METHOD, ops);
    const full = await codecRun(d, Method.stat, ops);
    if (![b, raw, cbor, full].every((x) => sameStats(a.stats, x.stats))) throw new Error('the transports built different Stats');
    rows.answer.raw.push(a.us);
    rows.answer.cbor.push(b.us);
    rows.codec.raw.push(raw.us);
    rows.codec.cbor.push(cbor.us);
    rows.codec.full.push(full.us);
    Object.assign(bytes, { raw: raw.bytes, cbor: cbor.bytes });
  }
  // Alternate the transports run by run (one Worker each, a warm-up run first) so drift hits both alike.
  const e2eRuns = { raw: [], cbor: [], full: [], rawP50: [], cborP50: [], fullP50: [] };
  let e2eStats = [];
  for (let run = 0; run <= runs; run++) {
    // Rotate which transport goes first, so no one always follows a Worker's teardown.
    const methods = [RAW_METHOD, CBOR_METHOD, Method.stat];
    const results = [];
    for (let k = 0; k < 3; k++) {
      const i = (run + k) % 3;
      results[i] = await e2e(d, methods[i], ops, 2);
    }
    if (run === 0) continue;
    e2eRuns.raw.push(results[0].us);
    e2eRuns.cbor.push(results[1].us);
    e2eRuns.full.push(results[2].us);
    e2eRuns.rawP50.push(results[0].p50);
    e2eRuns.cborP50.push(results[1].p50);
    e2eRuns.fullP50.push(results[2].p50);
    e2eStats = results.map((x) => x.stats);
  }
  if (!sameStats(e2eStats[0], e2eStats[1]) || !sameStats(e2eStats[0], e2eStats[2])) throw new Error('e2e transports built different Stats');
  const e2eRaw = { us: median(e2eRuns.raw) };
  const e2eCbor = { us: median(e2eRuns.cbor) };
  const e2eFull = { us: median(e2eRuns.full) };
  const r = (x) => Math.round(x * 100) / 100;
  const row = (label, raw, cbor) => console.log(`| ${label} | ${r(raw)} | ${r(cbor)} | ${r(cbor / raw)} |`);
  console.log(`stat transport: median of ${runs} runs x ${ops} calls, us per call (node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores)`);
  console.log('| what | raw stat record (status 2) | CBOR map (status 0) | CBOR / raw |');
  console.log('|---|---|---|---|');
  row('response frame bytes', bytes.raw, bytes.cbor);
  row('answer only: host encode + guest decode + Stats', median(rows.answer.raw), median(rows.answer.cbor));
  row('dispatcher: handler + frame + guest decode + Stats', median(rows.codec.raw), median(rows.codec.cbor));
  row('e2e: blocking call through the shared-memory channel, mean', e2eRaw.us, e2eCbor.us);
  row('e2e: the same, median call', median(e2eRuns.rawP50), median(e2eRuns.cborP50));
  console.log(`fs.statSync's own handler (kernel-style path walk, then the raw record): dispatcher ${r(median(rows.codec.full))} us, e2e mean ${r(e2eFull.us)} us, median call ${r(median(e2eRuns.fullP50))} us`);
}

if (isMainThread) await main();
else guestWorker();
