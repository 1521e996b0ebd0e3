/**
 * Capabilities behind the guest's `zlib` built-in (guest-assets/builtins/zlib): the Worker's own
 * node:zlib engines (native zlib and brotli, exactly Node's), stepped synchronously one output buffer
 * at a time with the same native call Node's sync functions use. The guest's JavaScript layer decides
 * buffer sizes, flushes and chunking as Node's lib/zlib.js does; the engine reads and writes the
 * guest's own memory in place, so no bytes are copied and no Worker object crosses.
 *
 * Sandbox limits (the native state lives outside the guest's heap limit, so it is bounded here):
 * at most MAX_ENGINES live engines and MAX_ENGINE_BYTES of their estimated native memory (beyond,
 * zlibOpen answers BUSY: the guest's asynchronous steps wait for an engine to close, its sync calls
 * fail), brotli's large windows (up to 1 GiB each) are refused, and one convenience call produces at
 * most the sandbox's maxFileBytes (default 256 MiB).
 */
import { workerData } from 'node:worker_threads';
import { types } from 'node:util';
import * as zlib from 'node:zlib';
import type { ZlibCaps } from '../../../guest-assets/builtins/zlib/caps.js';
import { byteLengthOf, quietly, typedArraySet, type Realm } from '../realm.js';

/** Most live engines per sandbox. */
export const MAX_ENGINES = 1024;
/** Most estimated native memory of the live engines of one sandbox. */
export const MAX_ENGINE_BYTES = 512 * 1024 * 1024;
/** The output limit of one convenience call when the sandbox's maxFileBytes is unknown. */
const DEFAULT_OUTPUT_LIMIT = 256 * 1024 * 1024;

/** What the Worker needs of a node:zlib native handle (the `_handle` of a node:zlib stream). */
interface NativeHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  params(level: number, strategy: number): void;
  reset(): void;
  close(): void;
  onerror: (message: string, errno: number, code: string) => void;
}

interface Engine {
  handle: NativeHandle;
  /** The native engine's [avail_out, avail_in] after a write. */
  state: Uint32Array;
  /** The estimated native memory, counted against MAX_ENGINE_BYTES. */
  cost: number;
  brotli: boolean;
  /** The native error of the last call, if it failed. */
  failure?: string;
}

const C = zlib.constants;
const CLASSES: Record<number, new (options: object) => zlib.Zlib> = {
  [C.DEFLATE]: zlib.Deflate,
  [C.INFLATE]: zlib.Inflate,
  [C.GZIP]: zlib.Gzip,
  [C.GUNZIP]: zlib.Gunzip,
  [C.DEFLATERAW]: zlib.DeflateRaw,
  [C.INFLATERAW]: zlib.InflateRaw,
  [C.UNZIP]: zlib.Unzip,
  [C.BROTLI_DECODE]: zlib.BrotliDecompress,
  [C.BROTLI_ENCODE]: zlib.BrotliCompress,
};
const UNSET = 0xffffffff;
/** zlibOpen's answer when the sandbox's live engines are all taken (the guest may wait and retry). */
const BUSY = -2;
const U32 = 0xffffffff;

/** The sandbox's maxFileBytes, from the configuration the Worker was started with. */
function outputLimit(): number {
  return quietly(() => {
    const config = JSON.parse(String((workerData as { config?: unknown } | null)?.config)) as { maxFileBytes?: unknown };
    const max = config.maxFileBytes;
    return typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_OUTPUT_LIMIT;
  }, DEFAULT_OUTPUT_LIMIT);
}

/** Estimated native memory of an engine (zlib's documented formulas; brotli measured, about 4 windows). */
function costOf(mode: number, windowBits: number, memLevel: number, params: Record<number, number>): number {
  const bits = windowBits === 0 ? 15 : windowBits;
  if (mode === C.DEFLATE || mode === C.GZIP || mode === C.DEFLATERAW) return (1 << (bits + 2)) + (1 << (memLevel + 9)) + 8192;
  if (mode === C.BROTLI_ENCODE) {
    const lgwin = Math.min(24, Math.max(10, params[C.BROTLI_PARAM_LGWIN] ?? C.BROTLI_DEFAULT_WINDOW));
    return 4 * 2 ** lgwin + (4 << 20);
  }
  // A brotli stream may ask for the largest regular window (16 MiB).
  if (mode === C.BROTLI_DECODE) return 2 ** 24 + (1 << 16);
  return (1 << bits) + 8192;
}

/** An integer within [min, max], or undefined. */
function int(value: unknown, min = 0, max = U32): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** A number argument as itself; anything else as NaN (never coerced: that could run guest code). */
function num(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}

/** A guest Uint8Array's byte length, or -1 when `value` is not one. */
function viewLength(realm: Realm, value: unknown): number {
  return types.isUint8Array(value) && realm.isGuest(value) ? (Reflect.apply(byteLengthOf, value, []) as number) : -1;
}

/** A sandbox refusal in the shape the guest rethrows. */
function refusal(message: string): Error {
  return Object.assign(new Error(`Initialization failed: ${message}`), { code: 'ERR_ZLIB_INITIALIZATION_FAILED' });
}

export function zlibCaps(realm: Realm): ZlibCaps {
  const engines = new Map<number, Engine>();
  let nextId = 1;
  let liveBytes = 0;
  let lastError = '';
  const limit = outputLimit();

  const fail = (code: string, name: string, errno: string, message: string): number => {
    lastError = [code, name, errno, message].join('\u0000');
    return -1;
  };
  /** Runs a capability: whatever it throws is remembered as primitives and becomes -1. */
  const guarded = (fn: () => number): number =>
    quietly(() => {
      try {
        return fn();
      } catch (e) {
        const err = e as { code?: unknown; name?: unknown; message?: unknown };
        return fail(String(err?.code ?? 'ERR_INTERNAL'), String(err?.name ?? 'Error'), '', String(err?.message ?? ''));
      }
    }, -1);
  /** The engines are all taken: a refusal the guest may retry once one closes. */
  const busy = (message: string): number => {
    fail('ERR_ZLIB_INITIALIZATION_FAILED', 'Error', '', `Initialization failed: ${message}`);
    return BUSY;
  };
  /** Closes `engine` after a native failure and reports it. */
  const failed = (id: number, engine: Engine): number => {
    const failure = engine.failure!;
    close(id);
    lastError = failure;
    return -1;
  };
  const close = (id: number): void => {
    const engine = engines.get(id);
    if (!engine) return;
    engines.delete(id);
    liveBytes -= engine.cost;
    quietly(() => engine.handle.close(), undefined);
  };

  /** Brotli parameters from the guest's array: set entries only, large windows refused. */
  const brotliParams = (mode: number, extra: unknown): Record<number, number> => {
    const params: Record<number, number> = {};
    if (!types.isUint32Array(extra) || !realm.isGuest(extra)) throw new TypeError('brotli parameters must be a Uint32Array');
    // Copied with the Worker's own intrinsic: no guest iterator or getter runs.
    const values = new Uint32Array((Reflect.apply(byteLengthOf, extra, []) as number) / 4);
    Reflect.apply(typedArraySet, values, [extra]);
    values.forEach((value, key) => {
      if (value !== UNSET) params[key] = value;
    });
    const large = mode === C.BROTLI_ENCODE ? C.BROTLI_PARAM_LARGE_WINDOW : C.BROTLI_DECODER_PARAM_LARGE_WINDOW;
    if ((params[large] ?? 0) !== 0) throw refusal('brotli large windows are not available in the sandbox');
    return params;
  };

  const open = (mode: number, windowBits: number, level: number, memLevel: number, strategy: number, extra: unknown): number => {
    const Class = CLASSES[mode];
    if (!Class) throw new RangeError(`unknown zlib mode ${String(mode)}`);
    const brotli = mode === C.BROTLI_DECODE || mode === C.BROTLI_ENCODE;
    const params = brotli ? brotliParams(mode, extra) : {};
    const cost = costOf(mode, windowBits, memLevel, params);
    if (engines.size >= MAX_ENGINES) return busy(`the sandbox allows at most ${MAX_ENGINES} live zlib streams`);
    if (liveBytes + cost > MAX_ENGINE_BYTES) return busy(`the sandbox's live zlib streams may use at most ${MAX_ENGINE_BYTES} bytes of native memory`);
    let options: object = { chunkSize: 64, params };
    if (!brotli) {
      const dictionary = extra === undefined ? undefined : viewLength(realm, extra) >= 0 ? Buffer.from(realm.hostView(extra as Uint8Array)) : null;
      if (dictionary === null) throw new TypeError('the dictionary must be a Uint8Array');
      options = { chunkSize: 64, windowBits, level, memLevel, strategy, dictionary };
    }
    const stream = new Class(options) as unknown as { _handle: NativeHandle | null; _writeState: Uint32Array };
    if (!stream._handle) throw refusal('the engine did not start');
    const engine: Engine = { handle: stream._handle, state: stream._writeState, cost, brotli };
    engine.handle.onerror = (message, errno, code) => {
      engine.failure = [String(code), 'Error', String(errno), String(message)].join('\u0000');
    };
    const id = nextId++;
    engines.set(id, engine);
    liveBytes += cost;
    return id;
  };

  /** Checks every argument the native call would CHECK (a failed CHECK aborts the process). */
  const write = (id: number, flush: number, input: unknown, inOff: unknown, inLen: unknown, out: unknown, outOff: unknown, outLen: unknown, state: unknown): number => {
    const engine = engines.get(id);
    if (!engine) return fail('ERR_INTERNAL', 'Error', '', 'zlib binding closed');
    const maxFlush = engine.brotli ? C.BROTLI_OPERATION_EMIT_METADATA : C.Z_BLOCK;
    const [f, io, il, oo, ol] = [int(flush, 0, maxFlush), int(inOff), int(inLen), int(outOff), int(outLen)];
    const inSize = viewLength(realm, input);
    const outSize = viewLength(realm, out);
    if (f === undefined || io === undefined || il === undefined || oo === undefined || ol === undefined) return fail('ERR_INTERNAL', 'Error', '', 'invalid zlib write');
    if (inSize < 0 || outSize < 0 || io + il > inSize || oo + ol > outSize) return fail('ERR_INTERNAL', 'Error', '', 'zlib write out of bounds');
    if (!types.isUint32Array(state) || !realm.isGuest(state) || (Reflect.apply(byteLengthOf, state, []) as number) < 8) return fail('ERR_INTERNAL', 'Error', '', 'invalid zlib state');
    engine.handle.writeSync(f, realm.hostView(input as Uint8Array), io, il, realm.hostView(out as Uint8Array), oo, ol);
    if (engine.failure !== undefined) return failed(id, engine);
    Reflect.apply(typedArraySet, state, [engine.state]);
    return 0;
  };

  /** Runs a native call that reports its failure through onerror. */
  const native = (id: number, call: (engine: Engine) => void): number => {
    const engine = engines.get(id);
    if (!engine) return fail('ERR_INTERNAL', 'Error', '', 'zlib binding closed');
    call(engine);
    return engine.failure !== undefined ? failed(id, engine) : 0;
  };

  return {
    zlibConstants: () => Object.entries(C).map(([name, value]) => `${name}=${value}`).join(','),
    zlibOutputLimit: () => limit,
    zlibOpen: (mode, windowBits, level, memLevel, strategy, extra) => guarded(() => open(num(mode), num(windowBits), num(level), num(memLevel), num(strategy), extra)),
    zlibWrite: (id, flush, input, inOff, inLen, out, outOff, outLen, state) => guarded(() => write(num(id), flush, input, inOff, inLen, out, outOff, outLen, state)),
    zlibParams: (id, level, strategy) =>
      guarded(() => {
        const [l, s] = [int(level, C.Z_MIN_LEVEL, C.Z_MAX_LEVEL), int(strategy, C.Z_DEFAULT_STRATEGY, C.Z_FIXED)];
        if (l === undefined || s === undefined) return fail('ERR_INTERNAL', 'Error', '', 'invalid zlib params');
        return native(num(id), (engine) => engine.handle.params(l, s));
      }),
    zlibReset: (id) => guarded(() => native(num(id), (engine) => engine.handle.reset())),
    zlibClose: (id) => quietly(() => close(num(id)), undefined),
    zlibError: () => lastError,
    zlibCrc32: (data, value) =>
      quietly(() => {
        const v = int(value);
        if (v === undefined) return -1;
        if (typeof data === 'string') return zlib.crc32(data, v);
        return viewLength(realm, data) >= 0 ? zlib.crc32(realm.hostView(data), v) : -1;
      }, -1),
  };
}
