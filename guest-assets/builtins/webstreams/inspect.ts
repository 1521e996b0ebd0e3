/**
 * Node's inspect output for the stream classes: `ReadableStream { locked: false, state: 'readable',
 * supportsBYOB: false }` and the like, in place of the polyfill's own properties (`_state`, ...),
 * which are what a plain inspect would show. Read from the polyfill's fields, which it keeps as own
 * properties of its objects (a guest can change them, as it can any of its own objects).
 */
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';

/** The polyfill's fields that Node's output shows. */
interface Fields {
  _state?: unknown;
  _reader?: unknown;
  _writer?: unknown;
  _readableStreamController?: unknown;
  _ownerReadableStream?: unknown;
  _ownerWritableStream?: unknown;
  _readRequests?: { length: number };
  _readIntoRequests?: { length: number };
  _closedPromise?: unknown;
  _readyPromise?: unknown;
  _readable?: unknown;
  _writable?: unknown;
  _backpressure?: unknown;
  _controlledWritableStream?: unknown;
  _controlledTransformStream?: unknown;
  _view?: unknown;
  _associatedReadableByteStreamController?: unknown;
  desiredSize?: unknown;
  highWaterMark?: unknown;
}

/** The fields an object's inspect output shows. */
export type Shown = (self: Fields) => object;

/**
 * Node's way: past the depth the custom function gives `undefined` (Node calls it with no `this`),
 * else the class name and the shown fields one level deeper.
 */
export function defineInspect(proto: object, name: string, shown: Shown): void {
  Object.defineProperty(proto, customInspectSymbol, {
    value(this: Fields, depth: number, options: { depth?: number | null }): unknown {
      if (depth < 0) return undefined;
      return `${name} ${inspect(shown(this), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
    },
    writable: true,
    configurable: true,
  });
}

/** Installs Node's inspect output on the polyfill's prototypes, keyed by class name. */
export function installInspect(classes: Record<string, { prototype: object }>, ByteController: Function): void {
  const shownBy: Record<string, Shown> = {
    ReadableStream: (s) => ({ locked: s._reader !== undefined, state: s._state, supportsBYOB: s._readableStreamController instanceof ByteController }),
    WritableStream: (s) => ({ locked: s._writer !== undefined, state: s._state }),
    TransformStream: (s) => ({ readable: s._readable, writable: s._writable, backpressure: s._backpressure }),
    ReadableStreamDefaultReader: (s) => ({ stream: s._ownerReadableStream, readRequests: s._readRequests?.length, close: s._closedPromise }),
    ReadableStreamBYOBReader: (s) => ({ stream: s._ownerReadableStream, readIntoRequests: s._readIntoRequests?.length, close: s._closedPromise }),
    // Node reads the public getter, which throws for a released writer.
    WritableStreamDefaultWriter: (s) => ({ stream: s._ownerWritableStream, close: s._closedPromise, ready: s._readyPromise, desiredSize: s.desiredSize }),
    ReadableStreamBYOBRequest: (s) => ({ view: s._view, controller: s._associatedReadableByteStreamController }),
    ReadableStreamDefaultController: () => ({}),
    ReadableByteStreamController: () => ({}),
    WritableStreamDefaultController: (s) => ({ stream: s._controlledWritableStream }),
    TransformStreamDefaultController: (s) => ({ stream: s._controlledTransformStream }),
    CountQueuingStrategy: (s) => ({ highWaterMark: s.highWaterMark }),
    ByteLengthQueuingStrategy: (s) => ({ highWaterMark: s.highWaterMark }),
  };
  for (const [name, shown] of Object.entries(shownBy)) defineInspect(classes[name]!.prototype, name, shown);
}
