/**
 * The WHATWG streams of Node 20, from web-streams-polyfill's ponyfill build (the reference
 * implementation's algorithms, kept up by its authors), evaluated in the guest's realm on first use
 * of a global or of `stream/web`: most guests never touch a web stream. Over the polyfill's
 * classes: Node's argument checks (validate.ts), its errors (errors.ts, through scope.ts), its
 * inspect output (inspect.ts), and Node's extra classes (text.ts, compression.ts).
 */
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { AbortSignal } from '../events/abort.js';
import { installInspect } from './inspect.js';
import { polyfillScope } from './scope.js';
import * as check from './validate.js';

/** A stream class as the code here handles it. */
export type StreamClass = Function & { prototype: object; name: string };

/** The classes of `stream/web`, by name. */
export type WebStreams = Record<(typeof NAMES)[number], StreamClass>;

/** The names of `stream/web`, in Node 20's order (its globals are the same). */
export const NAMES = [
  'ReadableStream',
  'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStream',
  'TransformStreamDefaultController',
  'WritableStream',
  'WritableStreamDefaultWriter',
  'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'TextEncoderStream',
  'TextDecoderStream',
  'CompressionStream',
  'DecompressionStream',
] as const;

/** What the classes that are not the polyfill's are built from (given at registration, used on first load). */
export interface WebStreamsEnv {
  structuredClone: (value: unknown, options: unknown) => unknown;
  /** Node's extra classes (TextEncoderStream, CompressionStream...), over the polyfill's. */
  extras: (polyfill: Record<string, StreamClass>) => Record<string, StreamClass>;
}

let env: WebStreamsEnv | undefined;
let loaded: WebStreams | undefined;

/** Registers what the first load needs; nothing is evaluated yet. */
export function configureWebStreams(e: WebStreamsEnv): void {
  env = e;
}

/** The web stream classes, built once. */
export function webStreams(): WebStreams {
  if (loaded !== undefined) return loaded;
  if (env === undefined) throw new Error('internal: web streams used before they were configured');
  polyfillScope.structuredClone = env.structuredClone;
  const polyfill = { ...(require('web-streams-polyfill/dist/ponyfill.js') as Record<string, StreamClass>) };
  adapt(polyfill);
  loaded = { ...polyfill, ...env.extras(polyfill) } as WebStreams;
  return loaded;
}

/**
 * A constructor that runs Node's checks, then the polyfill's. It shares the polyfill's prototype, so
 * the streams the polyfill makes itself (tee's branches, a TransformStream's sides) are instances
 * of it, and `class X extends ReadableStream` works as with a class.
 */
function checkedConstructor(Original: StreamClass, checkArgs: (args: unknown[]) => void): StreamClass {
  const name = Original.name;
  const Checked = {
    [name]: function (this: unknown, ...args: unknown[]): object {
      if (new.target === undefined) throw new TypeError(`Class constructor ${name} cannot be invoked without 'new'`);
      checkArgs(args);
      return Reflect.construct(Original as new (...a: unknown[]) => object, args, new.target === Checked ? Original : new.target);
    },
  }[name]! as unknown as StreamClass;
  Object.defineProperty(Checked, 'length', { value: Original.length });
  Object.defineProperty(Checked, 'prototype', { value: Original.prototype, writable: false });
  Object.defineProperty(Original.prototype, 'constructor', { value: Checked, writable: true, configurable: true });
  for (const key of Object.getOwnPropertyNames(Original)) {
    if (!['length', 'name', 'prototype'].includes(key)) Object.defineProperty(Checked, key, Object.getOwnPropertyDescriptor(Original, key)!);
  }
  return Checked;
}

/** Runs `checkArgs` before method `key` of `target` when `this` is an instance of `Class` (else the polyfill's brand check speaks). */
function checkedMethod(target: object, key: string, Class: StreamClass, checkArgs: (self: unknown, args: unknown[]) => void, rejects: boolean): void {
  const desc = Object.getOwnPropertyDescriptor(target, key)!;
  const original = desc.value as (...args: unknown[]) => unknown;
  const method = {
    [key](this: unknown, ...args: unknown[]): unknown {
      if (this instanceof Class || target === Class) {
        try {
          checkArgs(this, args);
        } catch (e) {
          if (rejects) return Promise.reject(e);
          throw e;
        }
      }
      return original.apply(this, args);
    },
  }[key]!;
  Object.defineProperty(method, 'length', { value: original.length });
  Object.defineProperty(target, key, { ...desc, value: method });
}

/** Node's checks, inspect output and surface over the polyfill's classes (in place). */
function adapt(p: Record<string, StreamClass>): void {
  const byteController = p.ReadableByteStreamController!;
  const isByteStream = (s: unknown) => (s as { _readableStreamController?: unknown })._readableStreamController instanceof byteController;
  const RS = (p.ReadableStream = checkedConstructor(p.ReadableStream!, check.checkReadableStreamArgs));
  const WS = (p.WritableStream = checkedConstructor(p.WritableStream!, check.checkWritableStreamArgs));
  p.TransformStream = checkedConstructor(p.TransformStream!, check.checkTransformStreamArgs);
  for (const name of ['CountQueuingStrategy', 'ByteLengthQueuingStrategy']) p[name] = checkedConstructor(p[name]!, check.checkQueuingStrategyInit);
  p.ReadableStreamDefaultReader = checkedConstructor(p.ReadableStreamDefaultReader!, ([s]) => check.checkStreamArg(s, RS));
  p.ReadableStreamBYOBReader = checkedConstructor(p.ReadableStreamBYOBReader!, ([s]) => {
    check.checkStreamArg(s, RS);
    check.checkReaderOptions(s, { mode: 'byob' }, isByteStream);
  });
  p.WritableStreamDefaultWriter = checkedConstructor(p.WritableStreamDefaultWriter!, ([s]) => check.checkStreamArg(s, WS));

  const proto = RS.prototype;
  checkedMethod(proto, 'getReader', RS, (self, [options]) => check.checkReaderOptions(self, options, isByteStream), false);
  checkedMethod(proto, 'values', RS, (_, [options]) => void check.checkDictionary(options, 'options', true), false);
  Object.defineProperty(proto, Symbol.asyncIterator, { ...Object.getOwnPropertyDescriptor(proto, Symbol.asyncIterator), value: (proto as { values: unknown }).values });
  checkedMethod(proto, 'pipeTo', RS, (_, [destination, options]) => {
    check.checkPipeEnd(destination, 'transform.writable', WS);
    check.checkPipeOptions(options, AbortSignal);
  }, true);
  checkedMethod(proto, 'pipeThrough', RS, (_, [transform, options]) => {
    const pair = transform as { readable?: unknown; writable?: unknown } | undefined;
    check.checkPipeEnd(pair?.readable, 'transform.readable', RS);
    check.checkPipeEnd(pair?.writable, 'transform.writable', WS);
    check.checkPipeOptions(options, AbortSignal);
  }, false);
  checkedMethod(RS, 'from', RS, (_, [iterable]) => check.checkIterable(iterable), false);
  checkedMethod(p.ReadableStreamBYOBReader!.prototype, 'read', p.ReadableStreamBYOBReader!, (_, [view, options]) => {
    check.checkView(view, 'view');
    check.checkReadOptions(view, options);
  }, true);
  checkedMethod(byteController.prototype, 'enqueue', byteController, (_, [chunk]) => check.checkView(chunk, 'buffer'), false);
  // Node 20's controller has no abortReason (the standard dropped it).
  delete (p.WritableStreamDefaultController!.prototype as { abortReason?: unknown }).abortReason;
  installInspect(p, byteController);
  iteratorAsNode(RS);
  streamStateKeys(RS.prototype);
}

/**
 * The registered symbols by which Node's stream helpers (`isReadable`, `isErrored`, `isDisturbed`,
 * the guest's readable-stream too) ask a ReadableStream for its state.
 */
function streamStateKeys(proto: object): void {
  type State = { _state?: unknown; _disturbed?: unknown };
  const keys: [string, (s: State) => boolean][] = [
    ['nodejs.stream.disturbed', (s) => s._disturbed === true],
    ['nodejs.stream.errored', (s) => s._state === 'errored'],
    ['nodejs.stream.readable', (s) => s._state === 'readable'],
  ];
  for (const [key, read] of keys) {
    const get = { [`get [${key}]`](this: State) { return read(this); } }[`get [${key}]`]!;
    Object.defineProperty(proto, Symbol.for(key), { get, enumerable: false, configurable: true });
  }
}

/**
 * The async iterator of `values()`: its prototype inherits %AsyncIteratorPrototype% (the
 * standard's), and it inspects as Node's, whose methods are the iterator's own.
 */
function iteratorAsNode(RS: StreamClass): void {
  const iterator = (RS.prototype as { values(): object }).values.call(new (RS as unknown as new () => object)());
  const proto = Object.getPrototypeOf(iterator) as Record<PropertyKey, unknown>;
  const generator = (async function* () {})();
  Object.setPrototypeOf(proto, Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(generator))));
  Object.defineProperty(proto, customInspectSymbol, {
    value(this: unknown, depth: number, options: object) {
      const shown = { next: proto.next, return: proto.return, ...(this === proto ? {} : { [Symbol.asyncIterator]: proto[Symbol.asyncIterator] }) };
      return inspect(shown, { ...options, depth } as never);
    },
    configurable: true,
    writable: true,
  });
}
