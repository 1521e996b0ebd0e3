/**
 * randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues and timingSafeEqual: Node's
 * own functions in the Worker, filling guest memory in place. The callback forms take Node's
 * arguments (and throw its errors) at once, fill at once (it is quick) and call back from a later
 * turn of the event loop (setImmediate), as a threadpool completion would; randomInt calls back on
 * the next tick, as Node does from its cache of random bytes.
 */
import type { Buffer as BufferClass } from 'buffer';
import { guard, type Caps } from '../../caps.js';
import { invalidArgType } from '../../node-errors.js';
import { failure, isBinary, kindOf, maskOf, packed } from './errors.js';

type Later = (callback: Function, ...args: unknown[]) => void;
type NextTick = (callback: Function, ...args: unknown[]) => void;

/** Node's largest randomBytes size (buffer's kMaxLength and 2^32 - 1, the smaller). */
const MAX_SIZE = 2 ** 31 - 1;
/** randomInt draws 6 random bytes (a 48-bit integer) per attempt. */
const RAND_MAX = 2 ** 48 - 1;
const isArray = Array.isArray;
const isSafeInteger = Number.isSafeInteger;

function validateCallback(callback: unknown): asserts callback is Function {
  if (typeof callback !== 'function') throw invalidArgType('callback', ['function'], [], callback);
}

export function createRandom(caps: Caps, Buffer: typeof BufferClass, later: Later, nextTick: NextTick) {
  /** Node's randomFillSync over guest memory; throws Node's error. */
  function fillSync(buf: unknown, offset: unknown, size: unknown): void {
    const args = [buf, offset, size];
    if (guard(() => caps.cryptoRandomFill(maskOf(args), packed(buf) as Uint8Array, packed(offset) as number, packed(size) as number)) < 0) throw failure(caps, args);
  }

  // Random bytes for randomInt, filled by the Worker 1024 draws at a time (as Node keeps its own).
  const cache = new Uint8Array(6 * 1024);
  let cacheAt = cache.length;

  /** An integer in [min, max) from the cache, unbiased (a draw at or over the last whole range is redrawn). */
  function draw(min: number, max: number): number {
    const range = max - min;
    const limit = RAND_MAX - (RAND_MAX % range);
    for (;;) {
      if (cacheAt === cache.length) {
        if (guard(() => caps.cryptoFill(cache)) < 0) throw failure(caps);
        cacheAt = 0;
      }
      const c = cache;
      const i = cacheAt;
      cacheAt += 6;
      const x = (c[i]! * 256 + c[i + 1]!) * 2 ** 32 + ((c[i + 2]! << 24) >>> 0) + (c[i + 3]! << 16) + (c[i + 4]! << 8) + c[i + 5]!;
      if (x < limit) return (x % range) + min;
    }
  }

  function randomBytes(size: unknown, callback?: unknown) {
    // An invalid size gets Node's error from the same check in randomFillSync (where undefined means "the rest").
    if (size === undefined) throw invalidArgType('size', ['number'], [], size);
    if (!(typeof size === 'number' && size >= 0 && size <= MAX_SIZE)) fillSync(new Uint8Array(0), 0, size);
    if (callback !== undefined) validateCallback(callback);
    const buf = Buffer.allocUnsafe((size as number) >>> 0);
    if (guard(() => caps.cryptoFill(buf)) < 0) throw failure(caps);
    if (callback === undefined) return buf;
    later(callback, null, buf);
    return undefined;
  }

  function randomFillSync(buf: unknown, offset: unknown = 0, size?: unknown) {
    fillSync(buf, offset, size);
    return buf;
  }

  function randomFill(buf: unknown, offset: unknown, size: unknown, callback: unknown): void {
    if (!isBinary(buf)) fillSync(buf, 0, undefined);
    const length = (buf as { length?: number }).length;
    if (typeof offset === 'function') {
      callback = offset;
      offset = 0;
      size = length;
    } else if (typeof size === 'function') {
      callback = size;
      size = (length as number) - (offset as number);
    } else {
      validateCallback(callback);
    }
    // randomFillSync would take a missing offset as 0; randomFill refuses it.
    if (offset === undefined) throw invalidArgType('offset', ['number'], [], offset);
    fillSync(buf, offset, size);
    later(callback as Function, null, buf);
  }

  function randomInt(min: unknown, max?: unknown, callback?: unknown) {
    const withMin = !(typeof max === 'undefined' || typeof max === 'function');
    if (!withMin) {
      callback = max;
      max = min;
      min = 0;
    }
    if (callback !== undefined) validateCallback(callback);
    let n;
    if (isSafeInteger(min) && isSafeInteger(max) && (max as number) > (min as number) && (max as number) - (min as number) <= RAND_MAX) {
      n = draw(min as number, max as number);
    } else {
      // Node's checks (and errors) for anything else.
      n = guard(() => caps.cryptoRandomInt(maskOf([min, max]), withMin, packed(min) as number, packed(max) as number));
      if (typeof n !== 'number' || Number.isNaN(n)) throw failure(caps, [min, max]);
    }
    if (callback === undefined) return n;
    // Node answers from its cache of random bytes on the next tick, with an undefined error.
    nextTick(callback, undefined, n);
    return undefined;
  }

  function randomUUID(options?: unknown): string {
    let out;
    if (typeof options === 'object' && options !== null && !isArray(options)) {
      const { disableEntropyCache = false } = options as { disableEntropyCache?: unknown };
      out = guard(() => caps.cryptoRandomUUID(kindOf(disableEntropyCache) << 2, undefined, packed(disableEntropyCache) as boolean, true));
      if (typeof out !== 'string') throw failure(caps, [options, disableEntropyCache]);
    } else {
      out = guard(() => caps.cryptoRandomUUID(kindOf(options), packed(options) as string, undefined, false));
      if (typeof out !== 'string') throw failure(caps, [options]);
    }
    return out;
  }

  function getRandomValues(array: unknown) {
    if (guard(() => caps.cryptoGetRandomValues(kindOf(array), packed(array) as Uint8Array)) < 0) throw failure(caps, [array]);
    return array;
  }

  // Node's is native (length 0).
  function timingSafeEqual(...args: unknown[]): boolean {
    const [a, b] = args;
    const out = guard(() => caps.cryptoTimingSafeEqual(maskOf([a, b]), packed(a) as Uint8Array, packed(b) as Uint8Array));
    if (typeof out !== 'boolean') throw failure(caps, [a, b]);
    return out;
  }

  return { randomBytes, randomFill, randomFillSync, randomInt, randomUUID, getRandomValues, timingSafeEqual };
}
