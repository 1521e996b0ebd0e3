/**
 * A guest's vm context on the current thread: a context that holds only ECMAScript built-ins, the
 * guest bridge bundle evaluated in it, and the capabilities the bundle is installed with (which
 * move only primitives and guest-realm objects across the realm boundary). The Worker entry
 * (./index.ts) runs one per Worker over the shared-memory channel; an embedder can run one with
 * its own transport (v8-fs-bridge/guest).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { types } from 'node:util';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { Caps, ChannelCaps, FatalKind, GuestApi } from '../../guest-assets/caps.js';
import type { GuestTransport } from '../../guest-assets/transport/index.js';
import { builtinCaps } from './caps/index.js';
import { ModuleHost } from './modules.js';
import { byteLengthOf, bufferOf, byteOffsetOf, quietly, Realm } from './realm.js';

/** How to build a guest context. */
export interface GuestContextOptions {
  /** The guest bundle's source (the built `dist/guest-assets/bridge.js`). */
  bundle: string;
  /** The guest's configuration as JSON (see guestConfig). */
  config: string;
  /** The bridge's transport: the shared-memory channel's capabilities, or an embedder's transport. */
  channel?: ChannelCaps;
  transport?: GuestTransport;
  /**
   * Ends the run with this exit code (`process.exit` of the guest, or an error that escaped it). In a
   * Worker it does not return; on a shared thread it returns, and the context then stops the guest:
   * its timers are cleared, it is given no more work, and the guest's stack is unwound with an
   * error (which guest code that catches everything can catch: a shared thread cannot stop it).
   */
  exit(code: number): void;
  /** The exit code used when the guest's work drains (`process.exitCode`). */
  setExitCode?(code: number): void;
  /** The bundle's V8 code cache from an earlier context, or none. */
  bundleCache?: Uint8Array;
  /** Code caches of modules from earlier runs (host/modules/code-cache.ts), or none. */
  codeCache?: Map<string, SharedArrayBuffer>;
  /**
   * Called with the new context before the bundle runs in it (the Worker moves its ports into it
   * then: moving a port into a context that is still empty is cheaper).
   */
  prepare?(context: vm.Context): void;
  /** Tells the host whenever the guest's pending timers change (the same-thread host's idle check). */
  onTimers?(refed: number): void;
}

/** A guest context, installed and ready to run its entry. */
export interface GuestContext {
  readonly context: vm.Context;
  /** What the host calls in the guest (deliver, settle, beforeExit, exit, ...). */
  readonly api: GuestApi;
  /** The bundle's script (its code cache: `createCachedData()`, `cachedDataRejected`). */
  readonly script: vm.Script;
  /** Runs the guest's entry; an error that escapes it is reported and ends the run. */
  runMain(): void;
  /** Reports an error that escaped guest code as Node does, and ends the run with status 1. */
  die(error: unknown, kind: FatalKind, head?: string): void;
  /** Whether a value is a Uint8Array of the guest's realm. */
  isGuestBytes(value: unknown): value is Uint8Array;
  /** The module code caches made during the run, for the next runs. */
  takeCodeCaches(): [string, Uint8Array][];
  /** Timers of the guest that keep it alive. */
  readonly refedTimers: number;
  /** The run has ended (exit was called): the context does no more guest work. */
  readonly ended: boolean;
  /** Clears the guest's timers. */
  dispose(): void;
}

/** Builds a guest context on this thread and installs the bridge in it. */
export function createGuestContext(options: GuestContextOptions): GuestContext {
  const parsed = JSON.parse(options.config) as { cwd?: unknown };
  // import() from code V8 cannot attribute to a script resolves from the working directory, as from `node -e`.
  const fallbackReferrer = pathToFileURL(`${posix.resolve('/', String(parsed.cwd ?? '/'))}/[eval]`).href;
  const fallbackImport = (specifier: string, referrer: unknown, attributes: unknown) => moduleHost.dynamic(fallbackReferrer)(specifier, referrer, attributes as never);
  const context = vm.createContext(Object.create(null), {
    name: 'v8-fs-bridge guest',
    codeGeneration: { strings: true, wasm: true },
    importModuleDynamically: fallbackImport as never,
  });
  options.prepare?.(context);
  const guestObjectPrototype = vm.runInContext('Object.getPrototypeOf({})', context) as object;
  const realm = new Realm(guestObjectPrototype, () => api);
  const script = new vm.Script(`(function () {\n${options.bundle}\nreturn __v8fsBridge;\n})()`, {
    filename: 'v8-fs-bridge:guest',
    importModuleDynamically: fallbackImport as never,
    cachedData: options.bundleCache,
  });
  const factory = script.runInContext(context) as { install(caps: Caps | (Caps & ChannelCaps), config: string, transport?: GuestTransport): GuestApi };
  const moduleHost = new ModuleHost(context, () => api, (value) => realm.isGuest(value), options.codeCache);

  let ended = false;
  const timers = new Map<number, { handle: NodeJS.Timeout | NodeJS.Immediate; immediate: boolean; ref: boolean }>();
  let refed = 0;
  const timersChanged = () => options.onTimers?.(refed);
  const forget = (id: number) => {
    const t = timers.get(id);
    if (!t) return undefined;
    timers.delete(id);
    if (t.ref) refed--;
    return t;
  };
  const clear = (t: { handle: NodeJS.Timeout | NodeJS.Immediate; immediate: boolean }) => {
    if (t.immediate) clearImmediate(t.handle as NodeJS.Immediate);
    else clearTimeout(t.handle as NodeJS.Timeout);
  };
  const end = (code: number) => {
    if (ended) return;
    ended = true;
    dispose();
    options.exit(code);
  };
  const dispose = () => {
    for (const t of timers.values()) clear(t);
    timers.clear();
    refed = 0;
    timersChanged();
  };
  /** Runs guest work from a host callback: what escapes it is the guest's uncaught exception. */
  const guestTask = (work: () => void) => {
    if (ended) return;
    try {
      work();
    } catch (e) {
      if (!ended) die(e, 'exception');
    }
  };

  const decodeText = (bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'latin1', fatal: boolean, ignoreBOM: boolean): string => {
    if (encoding === 'latin1') return Buffer.from(bufferOf.call(bytes) as ArrayBuffer, byteOffsetOf.call(bytes) as number, byteLengthOf.call(bytes) as number).toString('latin1');
    return new TextDecoder(encoding, { fatal, ignoreBOM }).decode(bytes);
  };
  const caps: Caps & Partial<ChannelCaps> = {
    ...options.channel,
    setTimer: (id, ms, repeat, immediate) =>
      quietly(() => {
        if (ended) return;
        const run = () => {
          if (!repeat) forget(id);
          guestTask(() => api.fire(id));
          if (!repeat) timersChanged();
        };
        const handle = immediate ? setImmediate(run) : repeat ? setInterval(run, ms) : setTimeout(run, ms);
        timers.set(id, { handle, immediate, ref: true });
        refed++;
        timersChanged();
      }, undefined),
    clearTimer: (id) =>
      quietly(() => {
        const t = forget(id);
        if (!t) return;
        clear(t);
        timersChanged();
      }, undefined),
    refTimer: (id, ref) =>
      quietly(() => {
        const t = timers.get(id);
        if (!t || t.ref === ref) return;
        t.ref = ref;
        refed += ref ? 1 : -1;
        if (ref) t.handle.ref();
        else t.handle.unref();
        timersChanged();
      }, undefined),
    exit: (code) => {
      end(Number(code) | 0);
      // Reached only on a shared thread: unwind the guest's stack.
      throw api.makeError('Error', 'the sandbox has exited', 'ERR_SANDBOX_EXITED');
    },
    setExitCode: (code) => quietly(() => void options.setExitCode?.(Number(code) | 0), undefined),
    now: () => performance.now(),
    timeOrigin: () => performance.timeOrigin,
    memoryUsage: () => quietly(() => JSON.stringify(process.memoryUsage()), '{}'),
    v8Value: (name) =>
      quietly(() => {
        const facts = { getHeapStatistics: v8.getHeapStatistics, getHeapSpaceStatistics: v8.getHeapSpaceStatistics, getHeapCodeStatistics: v8.getHeapCodeStatistics, cachedDataVersionTag: v8.cachedDataVersionTag };
        return typeof name === 'string' && Object.hasOwn(facts, name) ? JSON.stringify(facts[name as keyof typeof facts]()) : 'null';
      }, 'null'),
    nodeConstants: () => quietly(() => JSON.stringify({ os: os.constants, fs: fs.constants, crypto: crypto.constants }), '{}'),
    decode: (bytes, encoding, fatal, ignoreBOM) => quietly<string | number>(() => (types.isUint8Array(bytes) ? decodeText(bytes, encoding, fatal, ignoreBOM) : ''), -1),
    bufferToString: (view, encoding, start, end) =>
      realm.codec(() => {
        if (!types.isUint8Array(view)) throw new TypeError('not a view');
        return realm.hostView(view).toString(encoding as BufferEncoding, start, end);
      }),
    bufferWrite: (view, text, a, b, c) =>
      realm.codec(() => {
        if (!types.isUint8Array(view) || typeof text !== 'string') throw new TypeError('not a view');
        return (realm.hostView(view).write as (...args: unknown[]) => number)(text, a, b, c);
      }) as number,
    bufferByteLength: (text, encoding) => realm.codec(() => Buffer.byteLength(String(text), encoding as BufferEncoding)) as number,
    isEncoding: (encoding) => quietly(() => Buffer.isEncoding(String(encoding)), false),
    lastError: () => realm.lastError,
    compileFunction: (source, filename) => (typeof source === 'string' && typeof filename === 'string' ? moduleHost.compileFunction(source, filename) : -1),
    compileError: () => moduleHost.compileError(),
    requireModule: (url) => (typeof url === 'string' ? moduleHost.requireModule(url) : 0),
    requireResult: () => moduleHost.requireResult(),
    isModuleNamespace: (value) => quietly(() => types.isModuleNamespaceObject(value), false),
    importMain: (url) => quietly(() => moduleHost.importMain(String(url), (e) => die(e, 'exception')), undefined),
    encodeUtf8: (text, target) =>
      quietly(() => (typeof text === 'string' && types.isUint8Array(target) ? new TextEncoder().encodeInto(text, target).written : 0), 0),
    ...builtinCaps(realm, context),
  };
  const api = factory.install(caps, options.config, options.transport);

  /** A value may be handed to guest code only if it is a primitive or belongs to the guest realm. */
  function forGuest(value: unknown): unknown {
    if (realm.isGuest(value)) return value;
    return `internal sandbox error: ${quietly(() => String((value as Error).message), 'unknown')}`;
  }

  function die(error: unknown, kind: FatalKind, head?: string): void {
    if (ended) return;
    const code = quietly(() => api.fatal(forGuest(error), kind, head), 1);
    end(typeof code === 'number' ? code : 1);
  }

  return {
    context,
    api,
    script,
    runMain: () => runMain(context, api, forGuest, die, guestTask),
    die,
    isGuestBytes: (value): value is Uint8Array => realm.isGuestUint8Array(value),
    takeCodeCaches: () => moduleHost.takeCodeCaches(),
    get refedTimers() {
      return refed;
    },
    get ended() {
      return ended;
    },
    dispose,
  };
}

/** Node's report head as V8 gives it: `file:line`, the source line and the caret, then a blank line. */
const ARROW = /^([^\n]*:\d+\n[^\n]*\n[ \t]*\^+\n)\n/;

/**
 * Runs the entry inside a script, as Node's loader runs it under V8's message handling: an error
 * that escapes gets V8's own throw site (the `throw` statement, also of a rethrow) prepended to its
 * stack. The head is taken back off the stack and printed as Node prints it; a site inside the
 * bridge (not guest code) is left to the guest's frame-based report.
 */
function runMain(context: vm.Context, api: GuestApi, forGuest: (v: unknown) => unknown, die: GuestContext['die'], guestTask: (work: () => void) => void): void {
  const key = `__v8fsBridgeMain${process.hrtime.bigint()}`;
  // The entry function is the guest's own; the script takes it off the global before it runs anything.
  Object.defineProperty(context, key, { value: api.runMain, configurable: true, enumerable: false, writable: false });
  const script = new vm.Script(`(() => { const main = globalThis[${JSON.stringify(key)}]; delete globalThis[${JSON.stringify(key)}]; main(); })();`, {
    filename: 'v8-fs-bridge:main',
  });
  guestTask(() => {
    try {
      script.runInContext(context, { displayErrors: true });
    } catch (e) {
      const error = forGuest(e);
      let head: string | undefined;
      quietly(() => {
        if (typeof error !== 'object' || error === null) return;
        const stack: unknown = Reflect.get(error, 'stack');
        const m = typeof stack === 'string' ? ARROW.exec(stack) : null;
        if (!m) return;
        Reflect.set(error, 'stack', (stack as string).slice(m[0].length));
        if (!/^(?:v8-fs-bridge|node):/.test(m[1]!)) head = `${m[1]}\n`;
      }, undefined);
      die(error, 'exception', head);
    }
  });
}
