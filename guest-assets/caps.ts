import type { BuiltinCaps } from './builtins/caps.js';
/*
 * The capabilities a host gives the guest bridge at install time. Each is a function of the host's
 * realm: the bridge keeps them in closures and never hands them (or anything they could return
 * other than primitives) to guest code. Arguments are primitives or guest-realm objects. A
 * capability never throws on purpose; the bridge still guards every call (see `guard`).
 */

/**
 * The shared-memory channel's capabilities (the default transport). An embedder that installs the
 * bridge with its own transport (guest-assets/transport) gives none of these.
 */
export interface ChannelCaps {
  /** Hands the channel buffer (created in the guest realm) to the host. */
  openChannel(buffer: SharedArrayBuffer): void;
  /**
   * Takes the next buffer the host moved to the bulk port (a blocking reply's payload, see
   * Kind.ReplyBulk). It is deserialized in the guest's realm; undefined when none is waiting.
   */
  takeBulk(): ArrayBuffer | undefined;
  /**
   * Posts one async call frame; the reply arrives through `GuestApi.settle`. Returns false if it
   * could not be sent. A `weak` call does not keep the sandbox alive while it waits (the watchers'
   * long poll: what keeps a run alive is a watcher's own ref, as in Node).
   */
  postAsync(frame: Uint8Array, weak?: boolean): boolean;
}

/**
 * What the guest runtime needs of its host besides a transport: timers, exit, codecs, compilation
 * (host/guest/context.ts makes them for a vm context on any thread).
 */
export interface Caps extends BuiltinCaps {
  /** Starts a timer that calls `GuestApi.fire(id)`; `repeat` makes it an interval. */
  setTimer(id: number, ms: number, repeat: boolean, immediate: boolean): void;
  clearTimer(id: number): void;
  /** Whether the timer keeps the sandbox alive. */
  refTimer(id: number, ref: boolean): void;
  /** Ends the sandbox now with this exit code. */
  exit(code: number): void;
  /** The exit code used when the event loop drains. */
  setExitCode(code: number): void;
  /** Monotonic clock in milliseconds (fractional). */
  now(): number;
  /** Wall clock offset: `Date.now()` at the same instant as `now()` returned 0. */
  timeOrigin(): number;
  /** The Worker's `process.memoryUsage()` (its heap is the guest's isolate) as JSON text of numbers. */
  memoryUsage(): string;
  /**
   * One of the Worker's `v8` facts about the guest's isolate, as JSON text: `getHeapStatistics`,
   * `getHeapSpaceStatistics`, `getHeapCodeStatistics` or `cachedDataVersionTag`.
   */
  v8Value(name: string): string;
  /** Node's constants (`os.constants`, `fs.constants`, `crypto.constants`) as JSON text. */
  nodeConstants(): string;
  /**
   * Decodes bytes as text with the host's native decoder (WHATWG replacement semantics).
   * Returns a string, or -1 when `fatal` is set and the input is invalid.
   */
  decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'latin1', fatal: boolean, ignoreBOM: boolean): string | number;
  /** Encodes `text` as UTF-8 into `target` (sized 3 bytes per code unit); returns bytes written. */
  encodeUtf8(text: string, target: Uint8Array): number;
  /** Node's `buf.toString(encoding, start, end)` over the guest view's memory; -1 on error (see lastError). */
  bufferToString(view: Uint8Array, encoding: string | undefined, start: number | undefined, end: number | undefined): string | number;
  /** Node's `buf.write(text, a, b, c)` into the guest view's memory; bytes written, or -1 on error. */
  bufferWrite(view: Uint8Array, text: string, a: unknown, b: unknown, c: unknown): number;
  /** Node's `Buffer.byteLength(text, encoding)`; -1 on error. */
  bufferByteLength(text: string, encoding: string | undefined): number;
  /** Node's `Buffer.isEncoding(encoding)`. */
  isEncoding(encoding: string): boolean;
  /** The last codec error as `code NUL name NUL message`. */
  lastError(): string;
  /**
   * Compiles a CommonJS module in the guest context: the result is a guest-realm function that takes
   * the values of GUEST_SCOPE_NAMES and returns the module wrapper `(exports, require, module,
   * __filename, __dirname)`. Its `import()` calls load ES modules. -1 when the source does not compile.
   */
  compileFunction(source: string, filename: string): Function | number;
  /** Why the last compileFunction failed: `name NUL message NUL arrow` (Node's `file:line`, source line, carets). */
  compileError(): string;
  /**
   * `require()` of the ES module at `url`, synchronously: a RequireOutcome. The exports or the error
   * (a guest-realm value) are then given by requireResult.
   */
  requireModule(url: string): number;
  requireResult(): unknown;
  /** Whether `value` is a module namespace object (util.types.isModuleNamespaceObject). */
  isModuleNamespace(value: unknown): boolean;
  /** Imports the ES module at `url` as the entry point; a failure ends the run as an uncaught error. */
  importMain(url: string): void;
}

/**
 * Outcomes of Caps.requireModule: done, it threw, this node cannot (no synchronous module linking:
 * node before 20.19), its graph has top-level await, it is still being linked or evaluated (a cycle).
 */
export const RequireOutcome = { Ok: 1, Threw: 0, Unsupported: -1, Async: -2, Cycle: -3 } as const;

/** Why the guest is ending: an uncaught exception, an unhandled rejection, or a script that did not compile. */
export type FatalKind = 'exception' | 'rejection' | 'syntax';

/** What the bridge returns to the Worker: functions the Worker calls with primitives or copied bytes. */
export interface GuestApi {
  /** Allocates the guest-realm buffer an async reply payload is copied into. */
  allocate(length: number): Uint8Array;
  /** A guest-realm view of a buffer moved to the guest's realm (an async reply payload); throws for anything else. */
  view(buffer: ArrayBuffer): Uint8Array;
  /** Completes async call `id` with its status and payload (allocated by `allocate`). */
  settle(id: number, status: number, payload: Uint8Array): void;
  /**
   * Delivers the whole response frame of an async call posted through an embedder's transport
   * (GuestTransport.post). It is copied into the guest's realm first; a frame that does not decode
   * is dropped.
   */
  deliver(frame: Uint8Array): void;
  /** Runs timer `id`. */
  fire(id: number): void;
  /** Runs the entry point as `node <file>` does (CommonJS, or an ES module through `importMain`). */
  runMain(): void;
  /** What the Worker's ES module records ask of the guest (modules/esm.ts). */
  modules: import('./modules/esm.js').GuestModules;
  /** A guest-realm error from primitives (for failures of the Worker's module machinery). */
  makeError(name: string, message: string, code: string): Error;
  /**
   * Gives a module error V8's report of its site (`arrow`: file:line, source line, carets): on its
   * stack (`visible`, as Node shows a failed link) or only in the uncaught-error report.
   */
  attachArrow(error: unknown, arrow: string, visible: boolean): void;
  /**
   * Prints an uncaught error or unhandled rejection like Node and returns the exit code. `head` is
   * V8's own report of the throw site (file:line, source line, caret) when the Worker has it.
   */
  fatal(error: unknown, kind: FatalKind, head?: string): number;
  /** The event loop is empty: runs `process.on('beforeExit')` listeners, which may schedule more work. */
  beforeExit(): void;
  /**
   * The run is ending with `code`: runs `process.on('exit')` listeners. A throw among them is
   * reported as Node reports it, and the exit code becomes `process.exitCode`, or 1 when unset
   * (returned); undefined when every listener returned.
   */
  exit(code: number): number | undefined;
}

/**
 * Calls a capability so that nothing of the Worker's realm can reach guest code: if the call
 * throws (a stack overflow inside the capability, say), the error object is dropped and a
 * guest-realm error is thrown instead.
 */
export function guard<T>(call: () => T): T {
  try {
    return call();
  } catch {
    throw new Error('sandbox bridge call failed');
  }
}
