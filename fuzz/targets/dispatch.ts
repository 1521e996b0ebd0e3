import { getHeapStatistics } from 'node:v8';
import { fromLegacyBytes, isLegacyBytesTagged } from '../../bridge/legacy.js';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeCallHead, decodeResponse } from '../../bridge/wire/frame.js';
import { Method, ModuleBatch, Status } from '../../bridge/wire/protocol.js';
import { decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import { materialize, type Dispatcher } from '../../host/dispatcher/index.js';
import type { FdTable } from '../../host/fs/index.js';
import { createSandbox, type Sandbox } from '../../host/sandbox/index.js';
import type { MountVfs } from '../../host/vfs/mount/index.js';
import type { Vfs } from '../../host/vfs/index.js';
import { snapshot, type Jail } from '../../test/host/mount-jail.js';
import { ECHO, SESSION, type World } from '../generators/index.js';
import { callFrame } from '../generators/frames.js';
import { setAllocationBound, oversizeFindings } from '../oracles/alloc.js';
import { checkReply } from '../oracles/reply.js';
import type { Finding, FuzzLimits, Outcome } from '../types.js';
import { memoryWorld, mountWorld, PROBE_PATH, secretNeedles } from './worlds.js';

/**
 * The dispatcher as a sandbox assembles it (Sandbox.createDispatcher: the fs handlers over the run's
 * budgeted file system, console output, a host function), over a memory volume or a mounted temporary
 * directory, served in process. Sessions rotate as runs do (a new dispatcher and descriptor table,
 * raw, negotiated or legacy); the file system is rebuilt now and then so that it stays small.
 */

/** How the target is configured. */
export interface DispatchOptions {
  limits: FuzzLimits;
  /** Cases per session. */
  sessionCases: number;
  /** Cases per file system (then it is rebuilt). */
  worldCases: number;
  /** Longest time one frame may take, in milliseconds. */
  slowMs: number;
  /** Time after which a frame without an answer is a hang (the case goes on without it). Default 10 s. */
  hangMs?: number;
}

/** Resolves as `work` does, or with 'hang' after `ms`. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Memory outside and inside the heap (array buffers are outside). From the engine's counters:
 * process.memoryUsage() also reads the resident size from /proc, which took a third of a run's time.
 */
function memory(): { arrayBuffers: number; heapUsed: number } {
  const h = getHeapStatistics();
  return { arrayBuffers: h.external_memory, heapUsed: h.used_heap_size };
}

/** Process memory that one frame may add beyond its bound before the memory oracle fails. */
const MEMORY_SLACK = 64 * 1024 * 1024;

/** What the host may allocate for one frame: a whole request, or a module batch answer. */
export function allocationBound(frame: Uint8Array, limits: FuzzLimits): number {
  let method = '';
  try {
    method = decodeCallHead(frame).method;
  } catch {
    // Undecodable: the plain bound.
  }
  return method === Method.moduleStatMany ? ModuleBatch.maxBytes + ModuleBatch.maxPaths * 1024 : limits.maxRequestBytes;
}

const includes = (haystack: Uint8Array, needle: Uint8Array): boolean => Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength));

/** One file system (memory or mount), its sandboxes, and the session being fuzzed. */
export class DispatchTarget {
  readonly kind: 'memfs' | 'mount';
  readonly options: DispatchOptions;
  world!: World;
  jail: Jail | undefined;
  #baseline: string[] = [];
  #vfs!: Vfs;
  #raw!: Sandbox;
  #legacy!: Sandbox;
  #dispatcher!: Dispatcher;
  #fds!: FdTable;
  #sessions = 0;
  #cases = 0;
  readonly #needles = secretNeedles();
  /** A frame since the world was built named the mount's host path. */
  #baseNamed = false;
  /** Called with each new dispatcher (tests use it to plant a bug the oracles must find). */
  readonly tamper: ((d: Dispatcher) => void) | undefined;

  /** `mode`: the wire of the first session (see `mode`). */
  constructor(kind: 'memfs' | 'mount', options: DispatchOptions, tamper?: (d: Dispatcher) => void, mode = 0) {
    this.kind = kind;
    this.options = options;
    this.tamper = tamper;
    this.#sessions = mode;
    this.#build();
  }

  /** The current session's wire: 0 raw (hello 2), 1 legacy (hello 1), 2 legacy (no hello), 3 an old host (legacy, no hello method). */
  get mode(): number {
    return (this.#sessions - 1) % 4;
  }

  #build(): void {
    const sandboxOptions = {
      limits: { maxFileBytes: this.options.limits.maxFileBytes, maxOutputBytes: 1 << 20, maxFsBytes: 16 << 20, maxFsEntries: 2000 },
      stdout: () => undefined,
      stderr: () => undefined,
      hostFunctions: { [ECHO]: (...args: never[]) => args },
      codeCache: false as const,
    };
    if (this.kind === 'memfs') {
      const { vfs, world } = memoryWorld();
      this.world = world;
      this.#raw = createSandbox({ ...sandboxOptions, vfs });
      this.#legacy = createSandbox({ ...sandboxOptions, vfs, protocol: 'legacy' });
    } else {
      const { jail, world } = mountWorld();
      this.#baseNamed = false;
      this.jail = jail;
      this.world = world;
      this.#baseline = snapshot(jail);
      this.#raw = createSandbox({ ...sandboxOptions, mount: jail.root });
      this.#legacy = createSandbox({ ...sandboxOptions, vfs: this.#raw.vfs, protocol: 'legacy' });
    }
    this.#vfs = this.#raw.vfs;
    this.#newSession();
  }

  /** A new run's dispatcher: raw after hello, legacy (no hello), or an old host's. */
  #newSession(): void {
    this.#fds?.closeAll();
    const n = this.#sessions++;
    const sandbox = n % 4 === 3 ? this.#legacy : this.#raw;
    const dispatcher = sandbox.createDispatcher(SESSION);
    this.#fds = dispatcher.descriptors;
    this.#dispatcher = dispatcher;
    this.tamper?.(this.#dispatcher);
    if (n % 4 === 0 || n % 4 === 1) void this.#dispatcher.handle(callFrame(SESSION, 1, Method.hello, encodeArgs([n % 4 === 0 ? 2 : 1])));
  }

  /** Serves one frame and checks its reply; findings go to `out`. */
  async #serve(frame: Uint8Array, out: Finding[], notes: string[]): Promise<void> {
    const d = this.#dispatcher;
    const started = performance.now();
    let bytes: Uint8Array | 'hang';
    try {
      bytes = await within(
        (async () => {
          const reply = await d.reply(frame);
          try {
            return await materialize(reply);
          } catch (e) {
            // A body that failed to read (a file cut short by another call in flight, a descriptor opened for
            // writing only): the error answer the channel sends instead (its `unreadable`, as a Sandbox wires it).
            return materialize(d.failure(reply.id, reply.method, reply.requestBytes, e));
          }
        })(),
        this.options.hangMs ?? 10_000,
      );
    } catch (e) {
      out.push({ oracle: 'throw', message: `the dispatcher threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` });
      return;
    }
    if (bytes === 'hang') {
      out.push({ oracle: 'hang', message: `no answer within ${this.options.hangMs ?? 10_000} ms` });
      return;
    }
    const ms = performance.now() - started;
    if (ms > this.options.slowMs) out.push({ oracle: 'slow', message: `one frame took ${Math.round(ms)} ms` });
    const facts = checkReply(frame, bytes, SESSION, out);
    if (facts.note) notes.push(facts.note);
    if (this.jail && facts.response) this.#leaks(frame, facts.response.payload, out);
  }

  #leaks(frame: Uint8Array, payload: Uint8Array, out: Finding[]): void {
    for (const needle of this.#needles) if (includes(payload, needle)) out.push({ oracle: 'leak', message: 'an answer holds the secret from outside the mount' });
    const base = Buffer.from(this.jail!.base);
    // Once a guest has written the host's path itself (as a link's target, a file's text), answers may echo it.
    if (includes(frame, base)) this.#baseNamed = true;
    if (!this.#baseNamed && includes(payload, base)) out.push({ oracle: 'leak', message: "an answer names the mount's host path" });
  }

  /** Serves the frames of one case (several at once when there are several) under the allocation and memory oracles. */
  async run(frames: readonly Uint8Array[]): Promise<Outcome> {
    const findings: Finding[] = [];
    const notes: string[] = [];
    let bound = 0;
    for (const f of frames) bound = Math.max(bound, allocationBound(f, this.options.limits));
    const before = memory();
    setAllocationBound(bound);
    try {
      if (frames.length === 1) await this.#serve(frames[0]!, findings, notes);
      else await Promise.all(frames.map((f) => this.#serve(f, findings, notes)));
    } finally {
      setAllocationBound(Infinity);
    }
    findings.push(...oversizeFindings(this.options.limits.maxAnswerBytes, firstHostFrame));
    const after = memory();
    if (after.arrayBuffers - before.arrayBuffers > bound + MEMORY_SLACK) findings.push({ oracle: 'memory', message: `array buffers grew by ${after.arrayBuffers - before.arrayBuffers} bytes` });
    if (after.heapUsed - before.heapUsed > 4 * MEMORY_SLACK) findings.push({ oracle: 'memory', message: `the heap grew by ${after.heapUsed - before.heapUsed} bytes` });
    this.#cases++;
    if (this.#cases % this.options.sessionCases === 0) this.#newSession();
    if (this.#cases % this.options.worldCases === 0) findings.push(...this.rebuild());
    return { findings, notes };
  }

  /** The differential probe: a read through the dispatcher answers what the file system itself holds. */
  async probe(): Promise<Finding[]> {
    const out: Finding[] = [];
    const frame = callFrame(SESSION, 424242, Method.readFile, encodeArgs([PROBE_PATH]));
    let bytes: Uint8Array;
    try {
      bytes = await this.#dispatcher.handle(frame);
    } catch (e) {
      return [{ oracle: 'recovery', message: `a valid read threw: ${String(e)}` }];
    }
    checkReply(frame, bytes, SESSION, out);
    let expected: Uint8Array | string;
    try {
      expected = Buffer.from((this.#vfs as Vfs & { readFileSync(p: string): Uint8Array }).readFileSync(PROBE_PATH));
    } catch (e) {
      expected = String((e as { code?: unknown }).code);
    }
    const got = answerOf(bytes);
    const same = typeof expected === 'string' ? got === expected : got instanceof Uint8Array && Buffer.from(got).equals(expected);
    if (!same) out.push({ oracle: 'recovery', message: `a valid read answered ${describe(got)}; the file system holds ${describe(expected)}` });
    return out;
  }

  /** The jail oracle: nothing outside the mount changed. */
  checkJail(): Finding[] {
    if (!this.jail) return [];
    const now = snapshot(this.jail);
    const changed = now.filter((line, i) => line !== this.#baseline[i]).concat(this.#baseline.slice(now.length));
    if (changed.length === 0 && now.length === this.#baseline.length) return [];
    return [{ oracle: 'escape', message: `outside the mount: ${changed.slice(0, 3).join(' | ') || 'entries added'}` }];
  }

  /** Checks the jail, then builds a fresh file system and session. */
  rebuild(): Finding[] {
    const findings = this.checkJail();
    this.close();
    this.#build();
    return findings;
  }

  /** Releases descriptors and the mount. */
  close(): void {
    this.#fds.closeAll();
    if (this.kind === 'mount') (this.#vfs as unknown as MountVfs).close();
  }
}

/** What a read answered: the bytes (raw, or a legacy bytes object), or the error code. */
function answerOf(frame: Uint8Array): Uint8Array | string {
  try {
    const r = decodeResponse(frame);
    if (r.status === Status.Raw) return r.payload;
    if (r.status === Status.Error) return decodeErrorRecord(r.payload).code;
    const v = decodeValue(r.payload);
    return isLegacyBytesTagged(v) ? fromLegacyBytes(v) : `status 0 ${typeof v}`;
  } catch (e) {
    return `undecodable: ${String(e)}`;
  }
}

function describe(v: Uint8Array | string): string {
  return typeof v === 'string' ? v : JSON.stringify(Buffer.from(v).toString('latin1').slice(0, 40));
}

/** The first stack line in the project's own code (where an allocation came from). */
export function firstHostFrame(stack: string): string {
  const lines = stack.split('\n').slice(1);
  const own = lines.find((l) => /\/(host|bridge)\//.test(l) && !l.includes('/fuzz/')) ?? lines.find((l) => !l.includes('/fuzz/oracles/')) ?? '';
  return own.trim().replace(/^at /, '').replace(/\(?file:\/\/[^)]*\/((host|bridge)\/[^)]*)\)?/, '$1');
}

