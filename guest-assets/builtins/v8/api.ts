/**
 * Node's `v8.Serializer` and `v8.Deserializer`: the C++ classes' methods (enumerable, as Node's
 * are) over the writer and reader of this folder. Each instance's state is kept in a WeakMap the
 * guest cannot reach; the overridable `_writeHostObject`, `_getSharedArrayBufferId`,
 * `_getDataCloneError` and `_readHostObject` are looked up on the instance when needed, as Node does.
 */
import type { Buffer as BufferClass } from 'buffer';
import { Kind, type Kinds } from './kinds.js';
import { type ReadDelegate, ValueReader } from './read-value.js';
import { ByteSource, Malformed } from './source.js';
import { createTextCodec } from './text.js';
import { LATEST_VERSION, MINIMUM_VERSION, Tag } from './tags.js';
import { type WriteDelegate, ValueWriter } from './write-value.js';

type Self = Record<string, unknown>;

/** ToUint32 as V8's Uint32Value: ToNumber first (a BigInt or Symbol throws V8's TypeError). */
const uint32 = (value: unknown): number => +(value as number) >>> 0;

/** A TypeError with a `code`, as Node's C++ throws them (own enumerable `code`, no `[code]` in the name). */
export function codedError(Ctor: ErrorConstructor, message: string, code: string): Error {
  const e = new Ctor(message);
  (e as { code?: string }).code = code;
  return e;
}

const DESERIALIZE = 'Unable to deserialize cloned data.';
const BAD_VERSION = 'Unable to deserialize cloned data due to invalid or unsupported version.';

/** Defines enumerable methods of the given declared lengths on `proto`. */
function methods(proto: object, list: Record<string, [Function, number]>): void {
  for (const [name, [fn, length]] of Object.entries(list)) {
    Object.defineProperty(fn, 'name', { value: name });
    Object.defineProperty(fn, 'length', { value: length });
    Object.defineProperty(proto, name, { value: fn, writable: true, enumerable: true, configurable: true });
  }
}

/**
 * A fresh prototype for `ctor`: the native methods, then `constructor`, as the key order of Node's
 * C++ classes (the methods Node adds in JavaScript come after).
 */
function prototypeOf(ctor: Function, list: Record<string, [Function, number]>): object {
  const proto = {};
  methods(proto, list);
  Object.defineProperty(proto, 'constructor', { value: ctor, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(ctor, 'prototype', { value: proto, writable: false });
  return proto;
}

function constructCheck(target: unknown, name: string): void {
  if (target === undefined) throw codedError(TypeError, `Class constructor ${name} cannot be invoked without 'new'`, 'ERR_CONSTRUCT_CALL_REQUIRED');
}

/** The two native classes of Node's `v8` module. */
export interface V8Classes {
  Serializer: new () => object;
  Deserializer: new (buffer: ArrayBufferView) => object;
}

/** Builds `Serializer` and `Deserializer` over the classifier and the guest's Buffer. */
export function createClasses(kinds: Kinds, Buffer: typeof BufferClass): V8Classes {
  const text = createTextCodec(Buffer);
  const writers = new WeakMap<object, ValueWriter>();
  const readers = new WeakMap<object, ValueReader>();
  const writerOf = (self: unknown) => {
    const w = typeof self === 'object' && self !== null ? writers.get(self) : undefined;
    if (w === undefined) throw new TypeError('Illegal invocation');
    return w;
  };
  const readerOf = (self: unknown) => {
    const r = typeof self === 'object' && self !== null ? readers.get(self) : undefined;
    if (r === undefined) throw new TypeError('Illegal invocation');
    return r;
  };

  function writeDelegate(self: Self): WriteDelegate {
    const delegate: WriteDelegate = {
      writeHostObject(value) {
        const fn = self._writeHostObject;
        if (typeof fn !== 'function') writers.get(self)!.uncloneable(value);
        Reflect.apply(fn as Function, self, [value]);
      },
      sharedArrayBufferId(buffer) {
        const fn = self._getSharedArrayBufferId;
        if (typeof fn !== 'function') writers.get(self)!.uncloneable(buffer);
        return uint32(Reflect.apply(fn as Function, self, [buffer]));
      },
      cloneError(message) {
        const fn = self._getDataCloneError;
        return typeof fn === 'function' ? Reflect.apply(fn, self, [message]) : new Error(message);
      },
    };
    return delegate;
  }

  const Serializer = function Serializer(this: Self) {
    constructCheck(new.target, 'Serializer');
    writers.set(this, new ValueWriter(kinds, writeDelegate(this), text));
  } as unknown as new () => object;

  prototypeOf(Serializer, {
    writeHeader: [function (this: unknown) {
      const { sink } = writerOf(this);
      sink.byte(Tag.Version);
      sink.varint(LATEST_VERSION);
    }, 0],
    writeValue: [function (this: unknown, value: unknown) {
      writerOf(this).value(value);
      return true;
    }, 0],
    releaseBuffer: [function (this: unknown) {
      const bytes = writerOf(this).sink.release();
      const exact = bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      return Buffer.from(exact.buffer, 0, exact.length);
    }, 0],
    transferArrayBuffer: [function (this: unknown, id: unknown, arrayBuffer: unknown) {
      const w = writerOf(this);
      const n = uint32(id);
      if (typeof arrayBuffer !== 'object' || arrayBuffer === null || kinds.kindOf(arrayBuffer) !== Kind.ArrayBuffer) {
        throw codedError(TypeError, 'arrayBuffer must be an ArrayBuffer', 'ERR_INVALID_ARG_TYPE');
      }
      w.transfers.set(arrayBuffer as ArrayBuffer, n);
    }, 0],
    writeUint32: [function (this: unknown, value: unknown) {
      writerOf(this).sink.varint(uint32(value));
    }, 0],
    writeUint64: [function (this: unknown, hi: unknown, lo: unknown) {
      const w = writerOf(this);
      const high = uint32(hi);
      const low = uint32(lo);
      w.sink.bigVarint((BigInt(high) << 32n) | BigInt(low));
    }, 0],
    writeDouble: [function (this: unknown, value: unknown) {
      writerOf(this).sink.double(+(value as number));
    }, 0],
    writeRawBytes: [function (this: unknown, source: unknown) {
      const w = writerOf(this);
      if (!ArrayBuffer.isView(source)) throw codedError(TypeError, 'source must be a TypedArray or a DataView', 'ERR_INVALID_ARG_TYPE');
      w.sink.raw(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
    }, 0],
    _setTreatArrayBufferViewsAsHostObjects: [function (this: unknown, value: unknown) {
      writerOf(this).viewsAsHostObjects = value === true;
    }, 0],
  });
  Object.defineProperty(Serializer.prototype, '_getDataCloneError', { value: Error, writable: true, enumerable: true, configurable: true });

  function readDelegate(self: Self): ReadDelegate {
    return {
      readHostObject() {
        const fn = self._readHostObject;
        if (typeof fn !== 'function') throw new Malformed('no _readHostObject');
        const o = Reflect.apply(fn, self, []) as unknown;
        if ((typeof o !== 'object' && typeof o !== 'function') || o === null) throw new TypeError('readHostObject must return an object');
        return o;
      },
    };
  }

  /** Runs a read; truncated or malformed data becomes Node's Error with `message`. */
  function reading<T>(self: unknown, message: string, read: (r: ValueReader) => T): T {
    const r = readerOf(self);
    const start = r.source.pos;
    try {
      return read(r);
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      if (message !== DESERIALIZE) r.source.pos = start;
      throw new Error(message);
    }
  }

  const Deserializer = function Deserializer(this: Self, buffer: unknown) {
    constructCheck(new.target, 'Deserializer');
    if (!ArrayBuffer.isView(buffer)) throw codedError(TypeError, 'buffer must be a TypedArray or a DataView', 'ERR_INVALID_ARG_TYPE');
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    readers.set(this, new ValueReader(new ByteSource(bytes), readDelegate(this), text));
    this.buffer = buffer;
  } as unknown as new (buffer: ArrayBufferView) => object;

  const deserializerProto = prototypeOf(Deserializer, {
    readHeader: [function (this: unknown) {
      const r = readerOf(this);
      const src = r.source;
      if (src.peek() === Tag.Version) {
        src.pos++;
        try {
          r.version = src.varint();
        } catch {
          throw new Error(BAD_VERSION);
        }
        if (r.version > LATEST_VERSION) throw new Error(BAD_VERSION);
      }
      if (r.version < MINIMUM_VERSION) throw new Error(BAD_VERSION);
      return true;
    }, 0],
    readValue: [function (this: unknown) {
      return reading(this, DESERIALIZE, (r) => r.object());
    }, 0],
    getWireFormatVersion: [function (this: unknown) {
      return readerOf(this).version;
    }, 0],
    transferArrayBuffer: [function (this: unknown, id: unknown, arrayBuffer: unknown) {
      const r = readerOf(this);
      const n = uint32(id);
      const kind = typeof arrayBuffer === 'object' && arrayBuffer !== null ? kinds.kindOf(arrayBuffer) : -1;
      if (kind !== Kind.ArrayBuffer && kind !== Kind.SharedArrayBuffer) throw codedError(TypeError, 'arrayBuffer must be an ArrayBuffer or SharedArrayBuffer', 'ERR_INVALID_ARG_TYPE');
      r.transfers.set(n, arrayBuffer as ArrayBuffer);
    }, 0],
    readUint32: [function (this: unknown) {
      return reading(this, 'ReadUint32() failed', (r) => r.source.varint());
    }, 0],
    readUint64: [function (this: unknown) {
      return reading(this, 'ReadUint64() failed', (r) => {
        const v = r.source.varint64();
        return [Number(v >> 32n), Number(v & 0xffffffffn)];
      });
    }, 0],
    readDouble: [function (this: unknown) {
      return reading(this, 'ReadDouble() failed', (r) => r.source.double());
    }, 0],
    _readRawBytes: [function (this: unknown, length: unknown) {
      return reading(this, 'ReadRawBytes() failed', (r) => {
        const start = r.source.pos;
        r.source.skip(Math.trunc(+(length as number)) || 0);
        return start;
      });
    }, 0],
  });
  methods(deserializerProto, {
    readRawBytes: [function (this: Self, length: unknown) {
      const offset = Reflect.apply(this._readRawBytes as Function, this, [length]) as number;
      const buffer = this.buffer as ArrayBufferView;
      // As Node's Buffer over the input: the length made an index as a view constructor does.
      return Buffer.from(buffer.buffer, buffer.byteOffset + offset, Math.trunc(+(length as number)) || 0);
    }, 1],
  });
  Object.defineProperty(Deserializer, 'length', { value: 1 });
  return { Serializer, Deserializer };
}
