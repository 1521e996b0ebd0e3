import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { Kind } from '../../bridge/channel/host.js';
import { setAllocationBound, oversizeFindings } from '../oracles/alloc.js';
import type { Finding, FuzzLimits, Outcome } from '../types.js';
import { Lane, type ChannelTarget } from './channel.js';
import { firstHostFrame } from './dispatch.js';

/**
 * The window rewritten while the host reads it: a second thread writes random bytes over the shared
 * window (and, if asked, the control words) without pause, while the scripted guest makes calls. No
 * answer can be trusted then; what must hold is that the host allocates within its limits, ends the
 * channel only through the documented path (a ChannelError of its own), and that the dispatcher behind
 * it serves a fresh channel afterwards.
 */

/** The scribbler: plain JavaScript for an eval Worker, seeded, stopped through a shared flag. */
const SCRIBBLER = `
const { workerData } = require('node:worker_threads');
const { buffer, stop, seed, control } = workerData;
const ctl = new Int32Array(buffer, 0, 16);
const win = new Uint8Array(buffer, 64);
const halt = new Int32Array(stop);
let x = seed | 1;
const rnd = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x >>> 0; };
while (Atomics.load(halt, 0) === 0) {
  const r = rnd();
  if ((r & 3) === 0) {
    // The length field of the frame being read: small, huge, or just past the window.
    const v = [0, 4, win.length, win.length + 1, 0xffffffff, rnd()][rnd() % 6];
    win[0] = v >>> 24; win[1] = v >>> 16; win[2] = v >>> 8; win[3] = v;
  } else {
    const at = rnd() % win.length;
    const n = 1 + (rnd() % 64);
    for (let i = 0; i < n && at + i < win.length; i++) win[at + i] = rnd();
  }
  if (control && (r & 0x3f00) === 0) Atomics.store(ctl, 1 + (rnd() % 2), rnd() % 3 === 0 ? rnd() | 0 : rnd() % 8);
  if (control && (r & 0xff0000) === 0) { Atomics.store(ctl, 0, rnd() & 1); Atomics.notify(ctl, 0); }
}
`;

/** How long one call may wait for the host while the window is being scribbled on. */
const RACE_ANSWER_MS = 200;

/** One race: up to `frames.length` calls on one lane while the scribbler runs. Returns the calls made. */
export async function runRace(target: ChannelTarget, limits: FuzzLimits, frames: readonly Uint8Array[], seed: number, control: boolean): Promise<Outcome & { calls: number }> {
  const out: Finding[] = [];
  const lane = new Lane(4096, target.dispatcher, limits, seed & 1 ? 1024 : 0);
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(SCRIBBLER, { eval: true, workerData: { buffer: lane.buffer, stop, seed, control } });
  await once(worker, 'online');
  let calls = 0;
  setAllocationBound(limits.maxRequestBytes);
  try {
    for (const frame of frames) {
      calls++;
      lane.guest.post(Kind.Last, frame.subarray(0, lane.window));
      let a = await lane.answer(RACE_ANSWER_MS);
      // A reply in parts is read to its end, whatever its bytes have become.
      while (typeof a !== 'string' && a.kind === Kind.Reply) {
        lane.guest.post(Kind.Next, new Uint8Array(0));
        a = await lane.answer(RACE_ANSWER_MS);
      }
      if (typeof a !== 'string' && a.kind === Kind.ReplyBulk) lane.moved.shift();
      if (a === 'broken' || a === 'hang') break;
    }
  } finally {
    Atomics.store(new Int32Array(stop), 0, 1);
    await worker.terminate();
    lane.channel.close();
    setAllocationBound(Infinity);
  }
  out.push(...oversizeFindings(limits.maxAnswerBytes, firstHostFrame));
  for (const e of lane.broken) if (/^[A-Za-z]*Error: /.test(e.message)) out.push({ oracle: 'broken', message: `the channel ended on an exception: ${e.message}` });
  out.push(...(await target.healthy()));
  return { findings: out, notes: lane.broken.length > 0 ? ['race: the channel ended (ChannelError)'] : ['race: the channel survived'], calls };
}
