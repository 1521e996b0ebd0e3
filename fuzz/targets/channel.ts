import { createChannelBuffer, HostChannel, Kind, Owner, Control, type BulkReplies, type ChannelError } from '../../bridge/channel/host.js';
import { decodeResponse, decodeResponseHeader } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import type { Dispatcher } from '../../host/dispatcher/index.js';
import type { Vfs } from '../../host/vfs/index.js';
import { createSandbox, type Sandbox } from '../../host/sandbox/index.js';
import { FakeGuest } from '../../test/host/fake-guest.js';
import { SESSION } from '../generators/index.js';
import { callFrame } from '../generators/frames.js';
import { setAllocationBound, oversizeFindings } from '../oracles/alloc.js';
import { checkReply } from '../oracles/reply.js';
import type { Finding, FuzzLimits, Outcome, Step } from '../types.js';
import { firstHostFrame } from './dispatch.js';
import { memoryWorld, PROBE_PATH, PROBE_TEXT } from './worlds.js';

/**
 * The shared-memory channel (bridge/channel/host.ts) driven by a scripted guest on the same thread
 * (test/host/fake-guest.ts), over a sandbox's dispatcher as a Run wires it (refusals, unreadable
 * bodies, large replies moved whole through a bulk port). After every message the host must hand the
 * window back or end the channel; it may end it only because the guest broke the protocol, never for
 * a valid call; a channel still open must serve a valid call afterwards.
 */

/** How long the host may take to hand the window back. */
const ANSWER_MS = 5000;

/** A message of the host: its kind and the window bytes it covers. */
interface Answer {
  kind: number;
  bytes: Uint8Array;
}

/** One channel over one buffer, and what the host told its handler. */
export class Lane {
  readonly guest: FakeGuest;
  readonly channel: HostChannel;
  readonly broken: ChannelError[] = [];
  readonly moved: Uint8Array[] = [];
  readonly window: number;
  readonly buffer: SharedArrayBuffer;
  /** The last whole reply read. */
  last: Uint8Array | undefined;

  constructor(window: number, dispatcher: Dispatcher, limits: FuzzLimits, bulkBytes: number) {
    const buffer = createChannelBuffer(window);
    this.buffer = buffer;
    this.window = window;
    const bulk: BulkReplies = { minBytes: bulkBytes, allocate: (size, zeroed) => (zeroed ? new Uint8Array(size) : Buffer.allocUnsafeSlow(size)), send: (bytes) => void this.moved.push(bytes) };
    this.channel = new HostChannel(
      buffer,
      {
        serve: (request) => dispatcher.reply(request),
        refuse: (head, declared) => dispatcher.refuse(head, declared, limits.maxFileBytes),
        broken: (e) => void this.broken.push(e),
        unreadable: (header, e) => dispatcher.failure(decodeResponseHeader(header).id, '', 0, e),
      },
      limits.maxRequestBytes,
      { spinMicros: 0, now: () => performance.now() },
      bulkBytes > 0 ? bulk : undefined,
    );
    void this.channel.run();
    this.guest = new FakeGuest(buffer);
  }

  /** The host's next message, or undefined once the channel has ended (or after ANSWER_MS: a hang). */
  async answer(timeoutMs = ANSWER_MS): Promise<Answer | 'broken' | 'hang'> {
    const { ctl, window } = this.guest;
    const deadline = performance.now() + timeoutMs;
    while (Atomics.load(ctl, Control.state) !== Owner.Guest) {
      if (this.broken.length > 0) return 'broken';
      if (performance.now() > deadline) return 'hang';
      const w = Atomics.waitAsync(ctl, Control.state, Owner.Host, 2);
      if (w.async) await w.value;
    }
    const length = Atomics.load(ctl, Control.length);
    return { kind: Atomics.load(ctl, Control.kind), bytes: window.slice(0, Math.max(0, Math.min(length, window.length))) };
  }
}

/** The scripted guest's view after a step: the channel idle, mid-transfer, ended, or hung. */
type After = 'idle' | 'busy' | 'broken' | 'hang';

/** The channel target: one lane per window size, over one sandbox's dispatcher. */
export class ChannelTarget {
  readonly limits: FuzzLimits;
  readonly #sandbox: Sandbox;
  readonly #dispatcher: Dispatcher;
  readonly #lanes = new Map<number, Lane>();
  readonly #vfs: Vfs;
  #bulkChoice = 0;

  constructor(limits: FuzzLimits) {
    this.limits = limits;
    const { vfs } = memoryWorld();
    this.#vfs = vfs;
    this.#sandbox = createSandbox({ vfs, limits: { maxFileBytes: limits.maxFileBytes }, stdout: () => undefined, stderr: () => undefined, codeCache: false });
    this.#dispatcher = this.#sandbox.createDispatcher(SESSION);
    void this.#dispatcher.handle(callFrame(SESSION, 1, Method.hello, encodeArgs([2])));
  }

  #lane(window: number): Lane {
    let lane = this.#lanes.get(window);
    if (lane === undefined) {
      // Lanes alternate: replies moved whole past 64 KiB, past 1 KiB, or always through the window.
      const bulk = [64 * 1024, 1024, 0][this.#bulkChoice++ % 3]!;
      lane = new Lane(window, this.#dispatcher, this.limits, bulk);
      this.#lanes.set(window, lane);
    }
    return lane;
  }

  #retire(lane: Lane): void {
    lane.channel.close();
    this.#lanes.delete(lane.window);
  }

  /** Reads a whole reply that starts with `first`; checks it against `request`. */
  async #readReply(lane: Lane, request: Uint8Array, first: Answer, out: Finding[], abuse?: { at: number; kind: number }): Promise<After> {
    const parts: Uint8Array[] = [];
    let a: Answer | 'broken' | 'hang' = first;
    for (let chunk = 0; ; chunk++) {
      if (typeof a === 'string') return a;
      if (a.kind === Kind.ReplyBulk) {
        const moved = lane.moved.shift();
        if (moved === undefined) return fail(out, 'reply', 'ReplyBulk without a moved buffer');
        parts.push(a.bytes, moved);
        break;
      }
      parts.push(a.bytes);
      if (a.kind === Kind.ReplyLast) break;
      if (a.kind !== Kind.Reply) return fail(out, 'reply', `the host answered a request with kind ${a.kind}`);
      if (abuse && abuse.at === chunk) {
        lane.guest.post(abuse.kind, lane.guest.window.slice(0, 16));
        return settle(await lane.answer());
      }
      lane.guest.post(Kind.Next, new Uint8Array(0));
      a = await lane.answer();
    }
    lane.last = Buffer.concat(parts);
    checkReply(request, lane.last, SESSION, out);
    return 'idle';
  }

  /** Sends a request in window-sized chunks, as the guest bridge does, and reads its reply. */
  async #call(lane: Lane, frame: Uint8Array, out: Finding[], abuse?: { at: number; kind: number }): Promise<After> {
    const w = lane.window;
    for (let at = 0; ; at += w) {
      const last = at + w >= frame.length;
      lane.guest.post(last ? Kind.Last : Kind.Chunk, frame.subarray(at, at + w));
      const a = await lane.answer();
      if (typeof a === 'string') {
        if (a === 'broken') out.push({ oracle: 'broken', message: `a well-formed request ended the channel: ${lane.broken[0]?.message}` });
        return a;
      }
      if (a.kind === Kind.Ack && !last) continue;
      return this.#readReply(lane, frame, a, out, abuse);
    }
  }

  async #step(lane: Lane, step: Step, out: Finding[]): Promise<After> {
    switch (step.do) {
      case 'call':
        return this.#call(lane, step.frame, out);
      case 'bad-reply-read':
        return this.#call(lane, step.frame, out, { at: step.at, kind: step.kind });
      case 'post': {
        lane.guest.post(step.kind, step.bytes.subarray(0, lane.window), step.length ?? Math.min(step.bytes.length, lane.window));
        // Rewritten before the host looks: it must read the window once and trust nothing it read.
        if (step.then) lane.guest.window.set(step.then.bytes.subarray(0, Math.max(0, lane.window - step.then.at)), step.then.at);
        const a = await lane.answer();
        if (typeof a === 'string') return a;
        if (a.kind === Kind.Ack || a.kind === Kind.Reply) return 'busy';
        if (a.kind === Kind.ReplyBulk) lane.moved.shift();
        return 'idle';
      }
      default: {
        const never: never = step;
        throw new TypeError(`unknown step ${JSON.stringify(never)}`);
      }
    }
  }

  /** Runs one script; then the channel has ended properly, or it serves a valid call. */
  async run(window: number, steps: readonly Step[]): Promise<Outcome> {
    const out: Finding[] = [];
    const lane = this.#lane(window);
    setAllocationBound(this.limits.maxRequestBytes);
    let after: After = 'idle';
    try {
      for (const step of steps) {
        after = await this.#step(lane, step, out);
        if (after !== 'idle') break;
      }
      if (after === 'idle') after = await this.#probe(lane, out);
    } finally {
      setAllocationBound(Infinity);
    }
    out.push(...oversizeFindings(this.limits.maxAnswerBytes, firstHostFrame));
    if (after === 'hang') out.push({ oracle: 'hang', message: 'the host neither answered nor ended the channel' });
    for (const e of lane.broken) {
      // The channel wraps anything else it caught as a ChannelError named after it ("RangeError: ...").
      if (/^[A-Za-z]*Error: /.test(e.message)) out.push({ oracle: 'broken', message: `the channel ended on an exception: ${e.message}` });
    }
    if (after !== 'idle') this.#retire(lane);
    return { findings: out, notes: after === 'broken' ? [`channel ended: ${lane.broken[0]?.message.replace(/\d+/g, 'N') ?? ''}`] : [] };
  }

  /** A valid read through `lane` must answer the probe file's text. */
  async #probe(lane: Lane, out: Finding[]): Promise<After> {
    // The calls before may have renamed, removed or locked the probe file (they are valid calls): it is put
    // back when it can be, and the answer is compared with what the file system holds.
    const vol = this.#vfs as Vfs & { rmSync(p: string, o: object): void; writeFileSync(p: string, d: string): void; chmodSync(p: string, m: number): void; readFileSync(p: string, e: string): string };
    let expected: string;
    try {
      vol.chmodSync('/', 0o777);
      vol.rmSync(PROBE_PATH, { recursive: true, force: true });
      vol.writeFileSync(PROBE_PATH, PROBE_TEXT);
    } catch {
      // Left as the calls made it.
    }
    try {
      expected = vol.readFileSync(PROBE_PATH, 'utf8');
    } catch (e) {
      expected = `error ${String((e as { code?: unknown }).code)}`;
    }
    const frame = callFrame(SESSION, 777, Method.readFile, encodeArgs([PROBE_PATH, 'utf8']));
    const probe: Finding[] = [];
    lane.last = undefined;
    const after = await this.#call(lane, frame, probe);
    const response = lane.last === undefined ? undefined : decodeResponse(lane.last);
    const text = response === undefined ? undefined : response.status === Status.Error ? `error ${decodeErrorRecord(response.payload).code}` : decodeValue(response.payload);
    if (after !== 'idle' || probe.length > 0 || text !== expected) {
      out.push({ oracle: 'recovery', message: `the channel did not serve a valid call afterwards (${after}${probe.length ? `: ${probe[0]!.message}` : `, answered ${JSON.stringify(text)}`})` });
    }
    return after;
  }

  /** Findings of a probe through a fresh lane: the dispatcher behind the channels is unharmed. */
  async healthy(): Promise<Finding[]> {
    const lane = new Lane(4096, this.#dispatcher, this.limits, 0);
    const out: Finding[] = [];
    try {
      await this.#probe(lane, out);
    } finally {
      lane.channel.close();
    }
    return out;
  }

  /** The dispatcher the lanes serve (the race target shares it). */
  get dispatcher(): Dispatcher {
    return this.#dispatcher;
  }

  close(): void {
    for (const lane of this.#lanes.values()) lane.channel.close();
    this.#lanes.clear();
  }
}

function fail(out: Finding[], oracle: Finding['oracle'], message: string): After {
  out.push({ oracle, message });
  return 'busy';
}

function settle(a: Answer | 'broken' | 'hang'): After {
  if (typeof a === 'string') return a;
  return a.kind === Kind.Ack || a.kind === Kind.Reply ? 'busy' : 'idle';
}
