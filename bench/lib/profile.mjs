import inspector from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { batchOf, buildFiles, caseList, MODES, SMALL_CALL_FILE_BYTES } from './cases.mjs';
import { median } from './stats.mjs';
import { sizeLabel } from './svg.mjs';

/**
 * `--profile IMPL:OP:BYTES[:SECONDS]`: CPU profiles of one case, host thread and guest Worker at
 * once. The sandbox starts its Worker with `execArgv: []`, so `node --cpu-prof` does not reach the
 * guest; the host's inspector does, through the NodeWorker domain (as DevTools attaches to
 * workers). Writes host and guest .cpuprofile files (open them in Chrome DevTools) and prints the
 * functions with the most self time on each side.
 */
export async function profileCase(spec, outDir, log) {
  const [impl, op, bytesText, secondsText] = spec.split(':');
  const bytes = Number(bytesText);
  const seconds = Number(secondsText ?? 3);
  // Small calls (stat, exists) report 0 bytes and target the SMALL_CALL_FILE_BYTES file.
  const { files, expect } = buildFiles(bytes === 0 ? [0, SMALL_CALL_FILE_BYTES] : [bytes]);
  const c = caseList(MODES.full, [bytes]).find((x) => x.op === op && x.bytes === bytes);
  if (!c) throw new Error(`no case ${op} at ${bytes} bytes`);

  const session = new inspector.Session();
  session.connect();
  const post = (method, params = {}) => new Promise((res, rej) => session.post(method, params, (e, r) => (e ? rej(e) : res(r))));
  const workers = [];
  const pending = new Map();
  let nextId = 1;
  session.on('NodeWorker.attachedToWorker', ({ params }) => workers.push(params));
  session.on('NodeWorker.receivedMessageFromWorker', ({ params }) => {
    const m = JSON.parse(params.message);
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  const toWorker = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      session.post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await post('NodeWorker.enable', { waitForDebuggerOnStart: false });

  const { create } = await import(`../adapters/${impl}.mjs`);
  const adapter = create();
  await adapter.setup(files);
  const batch = batchOf(MODES.full, c, expect);
  await adapter.run(op, c.path, bytes, { ...batch, minIter: 1, maxIter: 50, budgetUs: 200_000 }); // warm up
  const guests = workers.slice();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  for (const w of guests) {
    await toWorker(w.sessionId, 'Profiler.enable');
    await toWorker(w.sessionId, 'Profiler.setSamplingInterval', { interval: 100 });
    await toWorker(w.sessionId, 'Profiler.start');
  }
  await post('Profiler.start');
  const report = await adapter.run(op, c.path, bytes, { ...batch, minIter: 3, maxIter: 1e6, budgetUs: seconds * 1e6 });
  const { profile } = await post('Profiler.stop');
  const profiles = [{ name: 'host', profile }];
  for (const [i, w] of guests.entries()) {
    const m = await toWorker(w.sessionId, 'Profiler.stop');
    profiles.push({ name: `guest${guests.length > 1 ? i : ''}`, profile: m.result?.profile });
  }
  await adapter.teardown();
  session.disconnect();

  mkdirSync(outDir, { recursive: true });
  log(`${impl} ${op} ${sizeLabel(bytes)}: ${report.samples.length} calls, median ${median(report.samples).toFixed(1)} us${report.error ? `, ERROR ${report.error}` : ''} (profiling slows every call)`);
  for (const { name, profile: p } of profiles) {
    if (!p) continue;
    const file = join(outDir, `${impl}-${op}-${bytes}-${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(p));
    log(`\n${name}: ${file}`);
    for (const line of topSelf(p, 18)) log(line);
  }
}

/** The functions with the most self time, as lines "percent  ms  function file:line". */
export function topSelf(profile, n) {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, t]) => `${((t / total) * 100).toFixed(1).padStart(5)}% ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}
