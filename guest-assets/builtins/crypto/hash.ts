/**
 * Node's Hash and Hmac (Transform streams through LazyTransform), createHash, createHmac, hash()
 * and getHashes, over the Worker's node:crypto (digest-core.ts).
 */
import type { Buffer as BufferClass } from 'buffer';
import { guard, type Caps } from '../../caps.js';
import { invalidArgType, invalidArgValue, nodeError } from '../../node-errors.js';
import { DigestCore, DigestHandles, isKnown, knownKey } from './digest-core.js';
import { maskOf, packed } from './errors.js';
import { createLazyTransform, defineOwn } from './lazy-transform.js';
import { bytesView, MAX_KEPT_KEY } from './pending.js';

type Buf = InstanceType<typeof BufferClass>;
type Callback = (error?: Error | null) => void;
interface Digester extends Record<PropertyKey, unknown> {
  push(chunk: unknown): boolean;
}

const kCore = Symbol('kState');
const isView = ArrayBuffer.isView;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const tagOf = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag)!.get!;
const viewBytes = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteLength')!.get!;
const sliceOf = typedArrayProto.constructor.prototype.slice as (this: Uint8Array) => Uint8Array;

/** Defines enumerable methods (as Node's prototype assignments make them), in order. */
function defineMethods(target: object, methods: Record<string, unknown>): void {
  for (const key of Object.keys(methods)) defineOwn(target, key, methods[key]);
}

function hashFinalized(): Error {
  return nodeError('ERR_CRYPTO_HASH_FINALIZED', 'Error', 'Digest already called');
}

/** `options.x` when options is an object (as Node reads it), else undefined. */
function optionOf(options: unknown, name: string): unknown {
  return typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[name] : undefined;
}

/** Node's `outputEncoding && \`${outputEncoding}\``: a falsy encoding means a Buffer. */
function outputEncodingOf(encoding: unknown): string | undefined {
  return encoding ? `${encoding as string}` : undefined;
}

/** A guest copy of a small typed-array key (undefined when it has to go to the Worker at once). */
function keptKey(key: unknown): unknown {
  if (typeof key === 'string') return key;
  if (!isView(key) || Reflect.apply(tagOf, key, []) === undefined || (Reflect.apply(viewBytes, key, []) as number) > MAX_KEPT_KEY) return undefined;
  return Reflect.apply(sliceOf, bytesView(key), []);
}

/** Builds Hash, Hmac and the functions over them. */
export function createHashes(caps: Caps, Buffer: typeof BufferClass, loadStream: () => { Transform: Function & { prototype: object } }) {
  const handles = new DigestHandles(caps, Buffer);
  const LazyTransform = createLazyTransform(loadStream);
  const core = (self: unknown): DigestCore => (self as Record<symbol, DigestCore>)[kCore]!;

  function init(self: object, state: DigestCore, options: unknown): void {
    defineOwn(self, kCore, state);
    Reflect.apply(LazyTransform, self, [options]);
  }

  function Hash(this: object, algorithm: unknown, options?: unknown): object | void {
    if (!new.target) return new (Hash as unknown as new (a: unknown, o: unknown) => object)(algorithm, options);
    let xof = optionOf(options, 'outputLength');
    if (typeof xof === 'number') xof += 0;
    const state = new DigestCore(false, algorithm as string, xof, undefined);
    if (!isKnown(knownKey(false, algorithm, xof))) handles.open(this, state, maskOf([algorithm, xof]), [algorithm, xof]);
    init(this, state, options);
  }

  function Hmac(this: object, hmac: unknown, key: unknown, options?: unknown): object | void {
    if (!(this instanceof Hmac)) return new (Hmac as unknown as new (h: unknown, k: unknown, o: unknown) => object)(hmac, key, options);
    const encoding = options ? (options as Record<string, unknown>).encoding : undefined;
    const kept = isKnown(knownKey(true, hmac, encoding)) ? keptKey(key) : undefined;
    const state = new DigestCore(true, hmac as string, packed(encoding), kept ?? packed(key));
    state.keyKept = kept !== undefined;
    if (kept === undefined) handles.open(this, state, maskOf([hmac, encoding, key]), [hmac, encoding, key]);
    init(this, state, options);
  }

  Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Hash, LazyTransform);
  Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Hmac, LazyTransform);

  function update(this: object, data: unknown, encoding?: unknown): object {
    const state = core(this);
    if (state.finalized) throw hashFinalized();
    if (typeof data === 'string') {
      if (typeof encoding === 'string' && encoding.length === 3 && encoding.toLowerCase() === 'hex' && data.length % 2 !== 0) {
        throw invalidArgValue('encoding', encoding, `is invalid for data of length ${data.length}`);
      }
    } else if (!isView(data)) {
      throw invalidArgType('data', ['string'], ['Buffer', 'TypedArray', 'DataView'], data);
    }
    handles.feed(this, state, data, typeof encoding === 'string' ? encoding : undefined);
    return this;
  }

  /** A digest the stream side computed before, in `encoding` (Node's handle answers again with it). */
  function again(bytes: Buf, encoding: string | undefined): string | Buf {
    if (encoding !== undefined && encoding.toLowerCase() !== 'buffer' && Buffer.isEncoding(encoding)) return bytes.toString(encoding as 'hex');
    return Buffer.from(bytes);
  }

  /**
   * The stream side's digest: computed once and kept for a later digest(), or the one digest()
   * returned (as bytes again; a text encoding that loses bytes, such as utf8, loses them here too).
   */
  function flush(state: DigestCore): Buf {
    if (state.flushed === undefined && state.finalized && state.result !== undefined) {
      state.flushed = typeof state.result === 'string' ? Buffer.from(state.result, state.resultEncoding as 'hex') : state.result;
    }
    state.flushed ??= handles.digest(state, undefined) as Buf;
    return Buffer.from(state.flushed);
  }

  /** Marks `state` digested, keeping what digest() returned for the stream side. */
  function finish(state: DigestCore, out: string | Buf, encoding: string | undefined): string | Buf {
    state.finalized = true;
    state.result = out;
    state.resultEncoding = encoding;
    return out;
  }

  const common = {
    _transform(this: Digester, chunk: string | Buf, encoding: string, callback: Callback): void {
      const state = core(this);
      // After a digest Node's handle ignores further data.
      if (state.finalized || state.flushed) return callback();
      try {
        handles.feed(this, state, chunk, encoding);
      } catch {
        return callback(nodeError('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Error', 'Hash update failed'));
      }
      callback();
    },
  };

  // Defined, not assigned: an assignment would consult the prototype chain and load the stream side.
  defineMethods(Hash.prototype, {
    copy(this: object, options?: unknown): object {
      const state = core(this);
      if (state.finalized) throw hashFinalized();
      let xof = optionOf(options, 'outputLength');
      if (typeof xof === 'number') xof += 0;
      const copy = Object.create(Hash.prototype) as object;
      let next: DigestCore;
      if (state.id === 0 && isKnown(knownKey(false, state.algorithm, xof))) {
        next = state.fork(xof);
      } else {
        handles.materialize(this, state);
        next = new DigestCore(false, state.algorithm, xof, undefined);
        next.id = handles.copy(state, maskOf([xof]), xof);
        handles.track(copy, next);
      }
      init(copy, next, options);
      return copy;
    },
    ...common,
    _flush(this: Digester, callback: Callback): void {
      this.push(flush(core(this)));
      callback();
    },
    update,
    digest(this: object, outputEncoding?: unknown): string | Buf {
      const state = core(this);
      if (state.finalized) throw hashFinalized();
      const encoding = outputEncodingOf(outputEncoding);
      return finish(state, state.flushed ? again(state.flushed, encoding) : handles.digest(state, encoding), encoding);
    },
  });

  // Node's own order of the prototypes' (enumerable) methods.
  defineMethods(Hmac.prototype, {
    update,
    digest(this: object, outputEncoding?: unknown): string | Buf {
      const state = core(this);
      if (state.finalized) {
        const empty = Buffer.from('');
        return outputEncoding && outputEncoding !== 'buffer' ? empty.toString(outputEncoding as 'hex') : empty;
      }
      const out = handles.digest(state, outputEncodingOf(outputEncoding));
      state.finalized = true;
      return out;
    },
    _flush(this: Digester, callback: Callback): void {
      const state = core(this);
      // After digest() Node's Hmac handle has nothing left: an empty chunk.
      this.push(state.finalized ? Buffer.alloc(0) : flush(state));
      state.finalized = true;
      callback();
    },
    _transform: common._transform,
  });

  let hashes: string[] | undefined;
  // Node's getHashes is an anonymous cached-result function.
  const getHashes = Object.defineProperty(() => {
    hashes ??= String(guard(() => caps.cryptoHashes())).split('\u0000');
    return hashes.slice();
  }, 'name', { value: '' });
  return {
    Hash,
    Hmac,
    createHash(algorithm: unknown, options?: unknown) {
      return new (Hash as unknown as new (a: unknown, o: unknown) => object)(algorithm, options);
    },
    createHmac(hmac: unknown, key: unknown, options?: unknown) {
      return new (Hmac as unknown as new (h: unknown, k: unknown, o: unknown) => object)(hmac, key, options);
    },
    hash(algorithm: unknown, input: unknown, outputEncoding: unknown = undefined) {
      // The common case needs no mask: only primitives and a view.
      const plain = typeof algorithm === 'string' && (typeof input === 'string' || isView(input)) && (outputEncoding === undefined || typeof outputEncoding === 'string');
      const args = plain ? [] : [algorithm, input, outputEncoding];
      const out = guard(() => caps.cryptoHash(plain ? 0 : maskOf(args), packed(algorithm) as string, packed(input) as string, packed(outputEncoding) as string, handles.scratch));
      return handles.result(out, args);
    },
    getHashes,
  };
}
