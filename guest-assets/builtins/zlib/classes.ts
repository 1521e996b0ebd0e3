/**
 * The zlib stream classes: functions as Node's (callable without `new`), in Node's chain
 * Gzip -> Zlib -> ZlibBase -> Transform, BrotliCompress -> Brotli -> Zlib. Each checks its options
 * exactly as Node does and in Node's order, then makes its engine (opened in the Worker on first use).
 */
import { streamLib } from '../../fs/streams/lib.js';
import { invalidArgType } from '../../node-errors.js';
import { isAnyArrayBuffer } from '../binary.js';
import { brotliInvalidParam, bytesOf, checkRangesOrGetDefault, internalAssertion, isArrayBufferView } from './args.js';
import { baseSettings, engineFailed, engines, initBase, type BaseEnv, type FlushDefaults, type ZlibStream } from './base.js';
import { Engine, type EngineHost } from './engine.js';
import { defineBaseMethods } from './proto.js';

type Options = Record<string, unknown> | undefined;
type Ctor = (new (opts?: unknown) => ZlibStream) & ((opts?: unknown) => ZlibStream);

/** The exported stream classes. */
export interface ZlibClasses {
  Deflate: Ctor;
  Inflate: Ctor;
  Gzip: Ctor;
  Gunzip: Ctor;
  DeflateRaw: Ctor;
  InflateRaw: Ctor;
  Unzip: Ctor;
  BrotliCompress: Ctor;
  BrotliDecompress: Ctor;
}

/** `child` inherits from `parent`, prototype and statics, as Node's ObjectSetPrototypeOf pairs. */
function inherit(child: Function, parent: Function): void {
  Object.setPrototypeOf(child.prototype, parent.prototype);
  Object.setPrototypeOf(child, parent);
}

/** Builds the classes over zlib.constants `c`. */
export function createClasses(c: Record<string, number>, env: BaseEnv, host: EngineHost): ZlibClasses {
  const { Transform } = streamLib().stream;
  const zlibDefaults: FlushDefaults = { flush: c.Z_NO_FLUSH!, finishFlush: c.Z_FINISH!, fullFlush: c.Z_FULL_FLUSH! };
  const brotliDefaults: FlushDefaults = { flush: c.BROTLI_OPERATION_PROCESS!, finishFlush: c.BROTLI_OPERATION_FINISH!, fullFlush: c.BROTLI_OPERATION_FLUSH! };
  const zlibFlushes = [c.Z_NO_FLUSH!, c.Z_BLOCK!] as const;
  const brotliFlushes = [c.BROTLI_OPERATION_PROCESS!, c.BROTLI_OPERATION_EMIT_METADATA!] as const;
  const maxBrotliParam = Math.max(...Object.keys(c).map((key) => (key.startsWith('BROTLI_PARAM_') ? c[key]! : 0)));

  function ZlibBase(): void {}
  inherit(ZlibBase, Transform);
  defineBaseMethods(ZlibBase.prototype, c, env);

  /** Node's Zlib constructor: zlib's options, the engine, then ZlibBase. */
  function Zlib(this: ZlibStream, opts: Options, mode: number): void {
    let windowBits = c.Z_DEFAULT_WINDOWBITS!;
    let level = c.Z_DEFAULT_COMPRESSION!;
    let memLevel = c.Z_DEFAULT_MEMLEVEL!;
    let strategy = c.Z_DEFAULT_STRATEGY!;
    let dictionary: Uint8Array | undefined;
    if (opts) {
      // windowBits 0 asks an inflater to use the window size of the stream's own header.
      if ((opts.windowBits == null || opts.windowBits === 0) && (mode === c.INFLATE || mode === c.GUNZIP || mode === c.UNZIP)) {
        windowBits = 0;
      } else {
        // 8 is a valid deflate window, not a gzip one.
        const min = c.Z_MIN_WINDOWBITS! + (mode === c.GZIP ? 1 : 0);
        windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min, c.Z_MAX_WINDOWBITS!, c.Z_DEFAULT_WINDOWBITS!);
      }
      level = checkRangesOrGetDefault(opts.level, 'options.level', c.Z_MIN_LEVEL!, c.Z_MAX_LEVEL!, c.Z_DEFAULT_COMPRESSION!);
      memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', c.Z_MIN_MEMLEVEL!, c.Z_MAX_MEMLEVEL!, c.Z_DEFAULT_MEMLEVEL!);
      strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', c.Z_DEFAULT_STRATEGY!, c.Z_FIXED!, c.Z_DEFAULT_STRATEGY!);
      const dict = opts.dictionary;
      if (dict !== undefined) {
        // A copy: node keeps the dictionary as it was when the stream was made.
        if (isArrayBufferView(dict)) dictionary = new Uint8Array(bytesOf(dict));
        else if (isAnyArrayBuffer(dict)) dictionary = new Uint8Array(new Uint8Array(dict));
        else throw invalidArgType('options.dictionary', [], ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dict);
      }
    }
    this._writeState = new Uint32Array(2);
    const settings = baseSettings(opts, zlibFlushes, zlibDefaults);
    const engine = new Engine(host, mode, windowBits, level, memLevel, strategy, dictionary);
    initBase(this, opts, engine, settings, zlibDefaults, env);
    this._level = level;
    this._strategy = strategy;
  }
  inherit(Zlib, ZlibBase);
  defineParams(Zlib.prototype, c, env);

  /** Node's Brotli constructor: the parameters, the engine, then ZlibBase. */
  function Brotli(this: ZlibStream, opts: Options, mode: number): void {
    const params = new Uint32Array(maxBrotliParam + 1).fill(0xffffffff);
    // `opts.params` is read where Node reads it (a getter runs as often as under node).
    const given = () => opts!.params as Record<string, unknown>;
    if (opts?.params) {
      for (const origKey of Object.keys(given())) {
        const key = +origKey;
        if (Number.isNaN(key) || key < 0 || key > maxBrotliParam || (params[key]! | 0) !== -1) throw brotliInvalidParam(origKey);
        const value = given()[origKey];
        if (typeof value !== 'number' && typeof value !== 'boolean') throw invalidArgType('options.params[key]', ['number'], [], given()[origKey]);
        params[key] = value as number;
      }
    }
    this._writeState = new Uint32Array(2);
    const settings = baseSettings(opts, brotliFlushes, brotliDefaults);
    const engine = new Engine(host, mode, 0, 0, 0, 0, params);
    initBase(this, opts, engine, settings, brotliDefaults, env);
  }
  inherit(Brotli, Zlib);

  const define = (name: string, parent: Function, mode: number, adjust?: (opts: Options) => void): Ctor => {
    // A named function per class, as Node's (`new zlib.Gzip()` and `zlib.Gzip()` both construct).
    const holder = {
      [name]: function (this: unknown, opts?: unknown): ZlibStream | void {
        adjust?.(opts as Options);
        if (!(this instanceof (holder[name] as Function))) return new (holder[name] as unknown as new (o: unknown) => ZlibStream)(opts);
        Reflect.apply(parent, this, [opts, mode]);
      },
    };
    const ctor = holder[name]!;
    inherit(ctor, parent);
    return ctor as unknown as Ctor;
  };
  // Node raises a raw deflater's window of 8 (which zlib no longer accepts) to 9, in the caller's options.
  const raw8 = (opts: Options) => {
    if (opts && opts.windowBits === 8) opts.windowBits = 9;
  };
  return {
    Deflate: define('Deflate', Zlib, c.DEFLATE!),
    Inflate: define('Inflate', Zlib, c.INFLATE!),
    Gzip: define('Gzip', Zlib, c.GZIP!),
    Gunzip: define('Gunzip', Zlib, c.GUNZIP!),
    DeflateRaw: define('DeflateRaw', Zlib, c.DEFLATERAW!, raw8),
    InflateRaw: define('InflateRaw', Zlib, c.INFLATERAW!),
    Unzip: define('Unzip', Zlib, c.UNZIP!),
    BrotliCompress: define('BrotliCompress', Brotli, c.BROTLI_ENCODE!),
    BrotliDecompress: define('BrotliDecompress', Brotli, c.BROTLI_DECODE!),
  };
}

/** Zlib.prototype.params: checks, then changes level and strategy after a sync flush. */
function defineParams(proto: object, c: Record<string, number>, env: BaseEnv): void {
  function afterFlush(this: ZlibStream, level: number, strategy: number, callback?: () => void): void {
    const engine = engines.get(this);
    if (!engine) throw internalAssertion('zlib binding closed');
    const error = engine.params(level, strategy);
    if (error) engineFailed(this, error);
    if (!this.destroyed) {
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    }
  }
  function params(this: ZlibStream, level: unknown, strategy: unknown, callback?: unknown): void {
    checkRangesOrGetDefault(level, 'level', c.Z_MIN_LEVEL!, c.Z_MAX_LEVEL!, undefined);
    checkRangesOrGetDefault(strategy, 'strategy', c.Z_DEFAULT_STRATEGY!, c.Z_FIXED!, undefined);
    if (this._level !== level || this._strategy !== strategy) {
      (this as unknown as { flush(kind: number, cb: () => void): void }).flush(c.Z_SYNC_FLUSH!, () => Reflect.apply(afterFlush, this, [level, strategy, callback]));
    } else {
      env.nextTick(callback as () => void);
    }
  }
  Object.defineProperty(proto, 'params', { value: params, writable: true, configurable: true, enumerable: true });
}
