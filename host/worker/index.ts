/**
 * The Worker entry: one guest per Worker (its own isolate and heap), in a guest context
 * (./context.ts) whose bridge talks to the host over the shared-memory channel, with async calls
 * and their answers on a port.
 */
import { readFileSync } from 'node:fs';
import { types } from 'node:util';
import { moveMessagePortToContext, parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { decodeCallHead, decodeResponseHeader } from '../../bridge/wire/frame.js';
import type { ChannelCaps } from '../../guest-assets/caps.js';
import { createGuestContext } from './context.js';
import { byteLengthOf, quietly, typedArraySet } from './realm.js';

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

let pendingAsync = 0;
/** Ids of async calls in flight that must not keep the Worker alive (ChannelCaps.postAsync's `weak`). */
const weakCalls = new Set<number>();

const channel: ChannelCaps = {
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
};

// Buffers arriving on these ports are deserialized in the guest's realm. The port objects stay in
// this module; they are only ever read with receiveMessageOnPort, and never keep the Worker alive.
let bulkPort: MessagePort;
let asyncBulkPort: MessagePort;
const guest = createGuestContext({
  // ASCII (the build checks it): latin1 is a plain copy.
  bundle: readFileSync(init.bundlePath, 'latin1'),
  config: init.config,
  channel,
  prepare(context) {
    bulkPort = moveMessagePortToContext(init.bulkPort, context);
    (bulkPort as unknown as { unref(): void }).unref();
    asyncBulkPort = moveMessagePortToContext(init.asyncBulkPort, context);
    (asyncBulkPort as unknown as { unref(): void }).unref();
  },
  exit: (code) => process.exit(code),
  setExitCode: (code) => void (process.exitCode = code),
  bundleCache: init.bundleCache && new Uint8Array(init.bundleCache),
  codeCache: init.codeCache,
});
const { api } = guest;

/** The next buffer moved to `moved` (deserialized in the guest's realm), if it is one. */
function takeMoved(moved: MessagePort): ArrayBuffer | undefined {
  return quietly(() => {
    const message: unknown = receiveMessageOnPort(moved)?.message;
    return types.isArrayBuffer(message) ? message : undefined;
  }, undefined);
}

// The bundle's code cache for the next sandboxes, made before any guest code runs (host/sandbox/bundle-cache.ts).
if (!init.bundleCache || guest.script.cachedDataRejected) {
  quietly(() => parentPort!.postMessage({ type: 'bundle-cache', data: guest.script.createCachedData() }), undefined);
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
    if (!guest.isGuestBytes(view) || Reflect.apply(byteLengthOf, view, []) !== length) return;
    api.settle(header.id, header.status, view);
    return;
  }
  const target = api.allocate(length);
  if (!guest.isGuestBytes(target) || Reflect.apply(byteLengthOf, target, []) !== length) return;
  Reflect.apply(typedArraySet, target, [bytes.subarray(header.headerLength, header.frameLength)]);
  api.settle(header.id, header.status, target);
});
// Listening refs the port; it keeps the sandbox alive only while async calls are in flight.
port.unref();

process.on('uncaughtException', (e) => guest.die(e, 'exception'));
process.on('unhandledRejection', (e) => guest.die(e, 'rejection'));
// A throw inside a beforeExit listener is the guest's uncaught exception (reported by die()).
process.on('beforeExit', () => api.beforeExit());
process.on('exit', (code) => {
  const after = quietly(() => api.exit(code), undefined);
  if (typeof after === 'number') process.exitCode = after;
  if (init.codeCache) {
    quietly(() => {
      const entries = guest.takeCodeCaches();
      if (entries.length > 0) parentPort!.postMessage({ type: 'code-cache', entries });
    }, undefined);
  }
});

guest.runMain();
