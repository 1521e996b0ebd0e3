import { Buffer } from 'node:buffer';
import type { Finding } from '../types.js';
import { TYPED_ARRAY_NAMES } from '../../bridge/structured/tags.js';

/**
 * The allocation oracle: while a frame is served, no buffer larger than the frame's bound may be
 * created. It watches the allocation points host code reaches (typed-array and ArrayBuffer
 * constructors, their `slice`, Node's Buffer factories, and the string builders that take a count),
 * so a size a hostile frame declares cannot turn into an allocation unnoticed. Installed once, before
 * the host modules load (so that they see the watched constructors); outside a frame the bound is
 * infinite and the watch costs one comparison.
 */

/** One allocation over the bound. */
export interface Oversize {
  bytes: number;
  bound: number;
  where: string;
  stack: string;
}

let bound = Infinity;
let seen: Oversize[] = [];
let installed = false;

function note(bytes: number, where: string): void {
  if (bytes > bound) seen.push({ bytes, bound, where, stack: new Error('oversize allocation').stack ?? '' });
}

/** Bytes a typed-array or ArrayBuffer constructor call allocates (0 for a view of an existing buffer). */
function constructedBytes(args: readonly unknown[], perElement: number): number {
  const first = args[0];
  if (typeof first === 'number') return first * perElement;
  if (first === undefined || first === null || typeof first !== 'object') return 0;
  if (first instanceof ArrayBuffer || first instanceof SharedArrayBuffer) return 0;
  const length = (first as { length?: unknown }).length;
  return typeof length === 'number' ? length * perElement : 0;
}

/** Every typed array class: Uint8Array and the ones structured values tag. */
const TYPED_ARRAYS = ['Uint8Array', ...TYPED_ARRAY_NAMES] as const;

/**
 * Replaces each typed-array constructor with a watching Proxy, and points its prototype's
 * `constructor` at the Proxy, so `slice`, `map` and `subarray` (which construct through the species)
 * are watched too; `instanceof` and `prototype` are unchanged.
 */
function watchTypedArrays(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of TYPED_ARRAYS) {
    const Ctor = g[name] as { BYTES_PER_ELEMENT: number; prototype: object; new (...a: unknown[]): object };
    const per = Ctor.BYTES_PER_ELEMENT;
    const watched: typeof Ctor = new Proxy(Ctor, {
      construct(target, args, newTarget): object {
        note(constructedBytes(args, per), `new ${name}`);
        return Reflect.construct(target, args, newTarget === watched ? target : newTarget) as object;
      },
    });
    Object.defineProperty(Ctor.prototype, 'constructor', { value: watched, writable: true, configurable: true, enumerable: false });
    g[name] = watched;
  }
  for (const name of ['ArrayBuffer', 'SharedArrayBuffer'] as const) {
    const Ctor = g[name] as { prototype: { slice: (a?: number, b?: number) => ArrayBuffer }; new (...a: unknown[]): object };
    g[name] = new Proxy(Ctor, {
      construct(target, args, newTarget) {
        note(typeof args[0] === 'number' ? args[0] : 0, `new ${name}`);
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
  }
  const slice = ArrayBuffer.prototype.slice;
  ArrayBuffer.prototype.slice = function watchedSlice(this: ArrayBuffer, start?: number, end?: number) {
    const out = slice.call(this, start, end);
    note(out.byteLength, 'ArrayBuffer.prototype.slice');
    return out;
  };
}

/** Watches a factory by the size of what it returns (Buffer.from, Buffer.concat) or asks for (alloc). */
function watchBuffer(): void {
  const b = Buffer as unknown as Record<string, (...a: unknown[]) => Uint8Array>;
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const) {
    const original = b[name]!;
    b[name] = function watchedAlloc(this: unknown, ...args: unknown[]) {
      note(typeof args[0] === 'number' ? args[0] : 0, `Buffer.${name}`);
      return original.apply(this, args);
    };
  }
  for (const name of ['from', 'concat'] as const) {
    const original = b[name]!;
    b[name] = function watchedFrom(this: unknown, ...args: unknown[]) {
      const out = original.apply(this, args);
      // A view over an existing ArrayBuffer allocates nothing.
      if (!(name === 'from' && args[0] instanceof ArrayBuffer)) note(out.length, `Buffer.${name}`);
      return out;
    };
  }
}

/** Watches the string builders that take a count: a declared size must not become a huge string either. */
function watchStrings(): void {
  const proto = String.prototype as unknown as Record<string, (this: string, ...a: unknown[]) => string>;
  for (const name of ['repeat', 'padStart', 'padEnd'] as const) {
    const original = proto[name]!;
    proto[name] = function watchedString(this: string, ...args: unknown[]) {
      const out = original.apply(this, args);
      note(out.length, `String.prototype.${name}`);
      return out;
    };
  }
}

/**
 * The findings for the allocations over the bound since the last call. An answer's encoding may take
 * more than a request: cbor-x reserves three bytes per character of a string and grows its output
 * fourfold, so a read of a file of the size limit as latin1 text takes 12 times the limit; and it keeps
 * its largest buffer, allocating one as large again when an encode starts near its end (24 times seen).
 * That is the price of answers the limits allow, not of a size a frame declared: allowed up to `answerBytes`.
 */
export function oversizeFindings(answerBytes: number, where: (stack: string) => string): Finding[] {
  const out: Finding[] = [];
  for (const o of takeOversizes()) {
    if (o.bytes <= answerBytes && /[\\/]cbor-x[\\/]encode\.js/.test(o.stack)) continue;
    out.push({ oracle: 'alloc', message: `${o.where} of ${o.bytes} bytes (bound ${o.bound}) at ${where(o.stack)}` });
  }
  return out;
}

/** Installs the watch (idempotent). Must run before the host modules are imported. */
export function installAllocationWatch(): void {
  if (installed) return;
  installed = true;
  watchTypedArrays();
  watchBuffer();
  watchStrings();
}

/** Sets the largest allocation allowed from now on (Infinity: none watched). */
export function setAllocationBound(bytes: number): void {
  bound = bytes;
}

/** The allocations over the bound since the last call, and forgets them. */
export function takeOversizes(): Oversize[] {
  const out = seen;
  seen = [];
  return out;
}

installAllocationWatch();
