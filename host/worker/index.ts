/**
 * The Worker entry: one guest per Worker (its own isolate and heap). It builds a `vm` context that
 * holds only ECMAScript built-ins, evaluates the guest bridge bundle in it, and gives the bridge
 * capabilities that move only primitives and guest-realm objects across the realm boundary.
 */
import crypto from 'node:crypto';
import fs, { readFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { types } from 'node:util';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { moveMessagePortToContext, parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { decodeCallHead, decodeResponseHeader } from '../../bridge/wire/frame.js';
import type { Caps, GuestApi } from '../../guest-assets/caps.js';
import { builtinCaps } from './caps/index.js';
import { ModuleHost } from './modules.js';
import { byteLengthOf, bufferOf, byteOffsetOf, quietly, Realm, typedArraySet } from './realm.js';

/** What the host passes to a new Worker. */
export interface WorkerInit {
  bundlePath: string;
  config: string;
  port: MessagePort;
  /** Where the host moves large blocking-reply payloads; moved into the guest context below. */
  bulkPort: MessagePort;
  /** The same for async replies: each payload arrives just before its header on `port`. */
  asyncBulkPort: MessagePort;
  /** The guest bundle's code cache made by an earlier Worker (host/sandbox/bundle-cache.ts), or none. */
  bundleCache?: SharedArrayBuffer;
  /** Code caches of modules from earlier runs (host/modules/code-cache.ts), or none. */
  codeCache?: Map<string, SharedArrayBuffer>;
}

const init = workerData as WorkerInit;
const port = init.port;

// import() from code V8 cannot attribute to a script resolves from the working directory, as from `node -e`.
const fallbackReferrer = pathToFileURL(`${posix.resolve('/', String((JSON.parse(init.config) as { cwd?: unknown }).cwd ?? '/'))}/[eval]`).href;
const fallbackImport = (specifier: string, referrer: unknown, attributes: unknown) => moduleHost.dynamic(fallbackReferrer)(specifier, referrer, attributes as never);
const context = vm.createContext(Object.create(null), {
  name: 'v8-fs-bridge guest',
  codeGeneration: { strings: true, wasm: true },
  importModuleDynamically: fallbackImport as never,
});
const guestObjectPrototype = vm.runInContext('Object.getPrototypeOf({})', context) as object;
const realm = new Realm(guestObjectPrototype, () => api);

// Buffers arriving here are deserialized in the guest's realm. The port object itself stays in this
// module; it is only ever read with receiveMessageOnPort, and never keeps the Worker alive.
const bulkPort = moveMessagePortToContext(init.bulkPort, context);
(bulkPort as unknown as { unref(): void }).unref();
const asyncBulkPort = moveMessagePortToContext(init.asyncBulkPort, context);
(asyncBulkPort as unknown as { unref(): void }).unref();

/** The next buffer moved to `moved` (deserialized in the guest's realm), if it is one. */
function takeMoved(moved: MessagePort): ArrayBuffer | undefined {
  return quietly(() => {
    const message: unknown = receiveMessageOnPort(moved)?.message;
    return types.isArrayBuffer(message) ? message : undefined;
  }, undefined);
}

const bundle = readFileSync(init.bundlePath, 'utf8');
const bundleScript = new vm.Script(`(function () {\n${bundle}\nreturn __v8fsBridge;\n})()`, {
  filename: 'v8-fs-bridge:guest',
  importModuleDynamically: fallbackImport as never,
  cachedData: init.bundleCache && new Uint8Array(init.bundleCache),
});
const factory = bundleScript.runInContext(context) as {
  install(caps: Caps, config: string): GuestApi;
};

let pendingAsync = 0;
/** Ids of async calls in flight that must not keep the Worker alive (Caps.postAsync's `weak`). */
const weakCalls = new Set<number>();
const timers = new Map<number, { handle: NodeJS.Timeout | NodeJS.Immediate; immediate: boolean }>();

const isGuestUint8Array = (value: unknown): value is Uint8Array => realm.isGuestUint8Array(value);
const hostView = (view: Uint8Array): Buffer => realm.hostView(view);
const codec = <T>(fn: () => T): T | number => realm.codec(fn);

const moduleHost = new ModuleHost(context, () => api, (value) => realm.isGuest(value), init.codeCache);

const caps: Caps = {
  openChannel: (buffer) =>
    quietly(() => {
      if (types.isSharedArrayBuffer(buffer)) parentPort!.postMessage({ type: 'channel', buffer });
    }, undefined),
  takeBulk: () => takeMoved(bulkPort),
  postAsync: (frame, weak) =>
    quietly(() => {
      if (!types.isUint8Array(frame)) return false;
      const copy = new Uint8Array(Reflect.apply(byteLengthOf, frame, []) as number);
      Reflect.apply(typedArraySet, copy, [frame]);
      const id = weak === true ? decodeCallHead(copy).id : undefined;
      port.postMessage(copy, [copy.buffer]);
      if (id !== undefined) weakCalls.add(id);
      else if (++pendingAsync === 1) port.ref();
      return true;
    }, false),
  setTimer: (id, ms, repeat, immediate) =>
    quietly(() => {
      const run = () => {
        if (!repeat) timers.delete(id);
        api.fire(id);
      };
      const handle = immediate ? setImmediate(run) : repeat ? setInterval(run, ms) : setTimeout(run, ms);
      timers.set(id, { handle, immediate });
    }, undefined),
  clearTimer: (id) =>
    quietly(() => {
      const t = timers.get(id);
      if (!t) return;
      timers.delete(id);
      if (t.immediate) clearImmediate(t.handle as NodeJS.Immediate);
      else clearTimeout(t.handle as NodeJS.Timeout);
    }, undefined),
  refTimer: (id, ref) =>
    quietly(() => {
      const t = timers.get(id);
      if (t) (ref ? t.handle.ref() : t.handle.unref());
    }, undefined),
  exit: (code) => process.exit(Number(code) | 0),
  setExitCode: (code) => quietly(() => void (process.exitCode = Number(code) | 0), undefined),
  now: () => performance.now(),
  timeOrigin: () => performance.timeOrigin,
  memoryUsage: () => quietly(() => JSON.stringify(process.memoryUsage()), '{}'),
  v8Value: (name) =>
    quietly(() => {
      const facts = { getHeapStatistics: v8.getHeapStatistics, getHeapSpaceStatistics: v8.getHeapSpaceStatistics, getHeapCodeStatistics: v8.getHeapCodeStatistics, cachedDataVersionTag: v8.cachedDataVersionTag };
      return typeof name === 'string' && Object.hasOwn(facts, name) ? JSON.stringify(facts[name as keyof typeof facts]()) : 'null';
    }, 'null'),
  nodeConstants: () => quietly(() => JSON.stringify({ os: os.constants, fs: fs.constants, crypto: crypto.constants }), '{}'),
  decode: (bytes, encoding, fatal, ignoreBOM) =>
    quietly<string | number>(() => {
      if (!types.isUint8Array(bytes)) return '';
      if (encoding === 'latin1') return Buffer.from(bufferOf.call(bytes) as ArrayBuffer, byteOffsetOf.call(bytes) as number, byteLengthOf.call(bytes) as number).toString('latin1');
      return new TextDecoder(encoding, { fatal, ignoreBOM }).decode(bytes);
    }, -1),
  bufferToString: (view, encoding, start, end) =>
    codec(() => {
      if (!types.isUint8Array(view)) throw new TypeError('not a view');
      return hostView(view).toString(encoding as BufferEncoding, start, end);
    }),
  bufferWrite: (view, text, a, b, c) =>
    codec(() => {
      if (!types.isUint8Array(view) || typeof text !== 'string') throw new TypeError('not a view');
      return (hostView(view).write as (...args: unknown[]) => number)(text, a, b, c);
    }) as number,
  bufferByteLength: (text, encoding) => codec(() => Buffer.byteLength(String(text), encoding as BufferEncoding)) as number,
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

const api = factory.install(caps, init.config);
// The bundle's code cache for the next sandboxes, made before any guest code runs (host/sandbox/bundle-cache.ts).
if (!init.bundleCache || bundleScript.cachedDataRejected) {
  quietly(() => parentPort!.postMessage({ type: 'bundle-cache', data: bundleScript.createCachedData() }), undefined);
}

port.on('message', (message: unknown) => {
  if (!(message instanceof ArrayBuffer)) return;
  const bytes = new Uint8Array(message);
  const header = decodeResponseHeader(bytes);
  if (!weakCalls.delete(header.id) && --pendingAsync === 0) port.unref();
  const length = header.frameLength - header.headerLength;
  if (bytes.length === header.headerLength && length > 0) {
    // A header alone: its payload was moved to the async bulk port just before it.
    const moved = takeMoved(asyncBulkPort);
    const view = moved === undefined ? undefined : quietly(() => api.view(moved), undefined);
    if (!isGuestUint8Array(view) || Reflect.apply(byteLengthOf, view, []) !== length) return;
    api.settle(header.id, header.status, view);
    return;
  }
  const target = api.allocate(length);
  if (!isGuestUint8Array(target) || Reflect.apply(byteLengthOf, target, []) !== length) return;
  Reflect.apply(typedArraySet, target, [bytes.subarray(header.headerLength, header.frameLength)]);
  api.settle(header.id, header.status, target);
});
// Listening refs the port; it keeps the sandbox alive only while async calls are in flight.
port.unref();

/** A value may be handed to guest code only if it is a primitive or belongs to the guest realm. */
function forGuest(value: unknown): unknown {
  if (realm.isGuest(value)) return value;
  return `internal sandbox error: ${quietly(() => String((value as Error).message), 'unknown')}`;
}

function die(error: unknown, kind: 'exception' | 'rejection', head?: string): void {
  const code = quietly(() => api.fatal(forGuest(error), kind, head), 1);
  process.exit(typeof code === 'number' ? code : 1);
}

/** Node's report head as V8 gives it: `file:line`, the source line and the caret, then a blank line. */
const ARROW = /^([^\n]*:\d+\n[^\n]*\n[ \t]*\^+\n)\n/;

/**
 * Runs the entry inside a script, as Node's loader runs it under V8's message handling: an error
 * that escapes gets V8's own throw site (the `throw` statement, also of a rethrow) prepended to its
 * stack. The head is taken back off the stack and printed as Node prints it; a site inside the
 * bridge (not guest code) is left to the guest's frame-based report.
 */
function runMain(): void {
  const key = `__v8fsBridgeMain${process.hrtime.bigint()}`;
  // The entry function is the guest's own; the script takes it off the global before it runs anything.
  Object.defineProperty(context, key, { value: api.runMain, configurable: true, enumerable: false, writable: false });
  const script = new vm.Script(`(() => { const main = globalThis[${JSON.stringify(key)}]; delete globalThis[${JSON.stringify(key)}]; main(); })();`, {
    filename: 'v8-fs-bridge:main',
  });
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
}

process.on('uncaughtException', (e) => die(e, 'exception'));
process.on('unhandledRejection', (e) => die(e, 'rejection'));
// A throw inside a beforeExit listener is the guest's uncaught exception (reported by die()).
process.on('beforeExit', () => api.beforeExit());
process.on('exit', (code) => {
  const after = quietly(() => api.exit(code), undefined);
  if (typeof after === 'number') process.exitCode = after;
  if (init.codeCache) {
    quietly(() => {
      const entries = moduleHost.takeCodeCaches();
      if (entries.length > 0) parentPort!.postMessage({ type: 'code-cache', entries });
    }, undefined);
  }
});

runMain();
