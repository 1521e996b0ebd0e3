import type { CodeCache } from '../modules/code-cache.js';
import { Defaults } from '../../bridge/wire/protocol.js';
import type { Handler } from '../dispatcher/index.js';
import type { HostFunction } from '../host-functions/index.js';
import type { Vfs } from '../vfs/index.js';

/** Hard limits of a sandbox. Every one has a documented default. */
export interface Limits {
  /** Size of the shared window each blocking call moves through. Default 4 MiB (min 4 KiB). */
  windowBytes?: number;
  /** Largest file one call may read or write. Default 256 MiB. Larger gives ERR_FS_FILE_TOO_LARGE. */
  maxFileBytes?: number;
  /** V8 old-generation heap of the guest's isolate, in MiB. Default 256. */
  heapMb?: number;
  /** Wall-clock limit of one run in milliseconds; 0 means none. Default 0 (a run that waits costs nothing). */
  timeoutMs?: number;
  /**
   * Busy-time limit of one run in milliseconds: the time the guest's thread is not idle waiting for
   * events (running JavaScript, an infinite loop or an endless chain of microtasks, or blocked in a
   * call it made). Past it the run ends with `terminated: 'cpu'` and status 124. Default 300000
   * (5 minutes); 0 means none.
   */
  cpuMs?: number;
  /**
   * Most bytes one run may write to stdout and stderr together. Past it every further write fails
   * with ENOSPC (console.log drops it, as Node's console drops a failed write) and the host's stderr
   * sink gets one notice. Default 64 MiB; 0 means none.
   */
  maxOutputBytes?: number;
  /**
   * Most bytes of file content one run may add to its filesystem, net of what it removes. Past it
   * the call fails with ENOSPC and changes nothing. Default 1 GiB; 0 means none.
   */
  maxFsBytes?: number;
  /** Most entries (files, directories, links) one run may add, net. Past it: ENOSPC. Default 100000; 0 means none. */
  maxFsEntries?: number;
  /**
   * Most busy-wait iterations before the guest sleeps in Atomics.wait. Default 20000 (about 250
   * microseconds on a 2-vCPU VM). The guest spins less while the host is slow to answer (many busy
   * sandboxes), and the full amount again once an answer comes while it spins. 0 = always sleep.
   */
  spinIterations?: number;
  /**
   * Microseconds the host busy-waits for a guest's next message after answering, before sleeping in
   * Atomics.waitAsync. Cuts a small call's round trip from tens of microseconds to a few; bounds how
   * long one busy sandbox can hold the host's event loop at a time. Default 50; 0 turns it off.
   */
  hostSpinMicros?: number;
  /**
   * Blocking replies whose payload has at least this many bytes travel as one buffer moved (not
   * copied) to the guest through a message port; smaller ones go through the shared window. Default
   * 64 KiB; 0 sends everything through the window.
   */
  bulkBytes?: number;
  /**
   * Most watchers a run may hold open at once (`fs.watch`; a recursive watch holds one per entry it
   * watches, as Node's does on Linux). Past it, watching fails with ENOSPC ('System limit for number
   * of file watchers reached'), as inotify answers. Default 8192; 0 means none.
   */
  maxWatchers?: number;
  /** Host functions: most objects nested in one argument list or result. Default 500. */
  maxValueDepth?: number;
  /** Host functions: largest encoded argument list or result. Default 64 MiB (never more than maxFileBytes). */
  maxValueBytes?: number;
}

/** One line of the call trace: one bridge call, all of its chunks summed. */
export interface TraceEntry {
  id: number;
  method: string;
  status: number;
  /** Bytes of the call's argument payload. */
  requestBytes: number;
  /** Bytes of the reply's payload (for status 2, the raw bytes moved). */
  responseBytes: number;
  /** Host time from the complete request to the reply being ready, in microseconds. */
  micros: number;
  /** `sync` (shared window) or `async` (message). */
  transport: 'sync' | 'async';
}

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** The filesystem the guest sees. Default: a new empty in-memory volume (memfs). */
  vfs?: Vfs;
  /**
   * A host directory the guest sees, live, at `/` (Linux): reads and writes go to it, confined to it
   * (host/vfs/mount/index.ts). Not together with `vfs`.
   */
  mount?: string;
  /** Environment of the guest's `process.env`. Default: empty. */
  env?: Record<string, string>;
  limits?: Limits;
  /** Receives the guest's stdout bytes. Default: the host's process.stdout. */
  stdout?: (chunk: Uint8Array) => void;
  /** Receives the guest's stderr bytes. Default: the host's process.stderr. */
  stderr?: (chunk: Uint8Array) => void;
  /** Called once per bridge call. */
  trace?: (entry: TraceEntry) => void;
  /** Extra host methods the guest bridge (or embedder guest code) may call, by name. */
  methods?: Record<string, Handler>;
  /**
   * How file bytes travel. `raw` (default): guests that announce raw support (`bridge.hello`) get
   * status-2 answers, all others legacy ones. `legacy`: behave as an old host: every answer is a
   * status-0 value with bytes as `{__agentOsType: "bytes", base64}`; `bridge.hello` is unknown.
   */
  protocol?: 'raw' | 'legacy';
  /**
   * What the guest bridge speaks. `negotiate` (default): announce raw support at start.
   * `legacy`: behave as an old guest: never announce, send bytes as bytes objects (for testing
   * compatibility with old guests).
   */
  guestProtocol?: 'negotiate' | 'legacy';
  /**
   * Functions guest code calls as `require('host').name(...)` (blocking) or
   * `require('host/promises').name(...)`, with binary and structured values both ways (no JSON, no base64).
   */
  hostFunctions?: Record<string, HostFunction>;
  /**
   * V8 code caches of the guest's modules, kept across runs and keyed by source content: a process-wide
   * cache (64 MiB) by default, your own `new CodeCache({ maxBytes })`, or `false` for none.
   */
  codeCache?: CodeCache | false;
}

/** Limits with every default filled in. */
export type ResolvedLimits = Required<Limits>;

/** Fills in the documented defaults and rejects nonsense early. */
export function resolveLimits(limits: Limits = {}): ResolvedLimits {
  const r: ResolvedLimits = {
    windowBytes: limits.windowBytes ?? Defaults.windowBytes,
    maxFileBytes: limits.maxFileBytes ?? Defaults.maxFileBytes,
    heapMb: limits.heapMb ?? 256,
    timeoutMs: limits.timeoutMs ?? 0,
    cpuMs: limits.cpuMs ?? 300_000,
    maxOutputBytes: limits.maxOutputBytes ?? 64 * 1024 * 1024,
    maxFsBytes: limits.maxFsBytes ?? 1024 * 1024 * 1024,
    maxFsEntries: limits.maxFsEntries ?? 100_000,
    spinIterations: limits.spinIterations ?? Defaults.spinIterations,
    hostSpinMicros: limits.hostSpinMicros ?? Defaults.hostSpinMicros,
    bulkBytes: limits.bulkBytes ?? Defaults.bulkBytes,
    maxWatchers: limits.maxWatchers ?? Defaults.maxWatchers,
    maxValueDepth: limits.maxValueDepth ?? Defaults.maxValueDepth,
    maxValueBytes: limits.maxValueBytes ?? Defaults.maxValueBytes,
  };
  for (const [name, value] of Object.entries(r)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`limits.${name} must be a non-negative integer, got ${value}`);
  }
  if (r.windowBytes < Defaults.minWindowBytes) throw new RangeError(`limits.windowBytes must be at least ${Defaults.minWindowBytes}`);
  return r;
}
