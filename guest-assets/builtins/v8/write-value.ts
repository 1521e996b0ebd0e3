/**
 * The value writer: V8's ValueSerializer walk over guest values, in V8's order (ids given to objects
 * as they are first met, properties in own-enumerable-key order, a view's buffer before the view).
 * Collections, arrays, errors and buffers are in write-objects.ts.
 */
import { describeUncloneable } from './describe.js';
import { call, intrinsics } from './intrinsics.js';
import { Kind, type Kinds } from './kinds.js';
import { ByteSink, varintSize } from './sink.js';
import { isIndexKey, isSmi, MAX_DEPTH, tooDeep } from './numbers.js';
import { Tag } from './tags.js';
import type { TextCodec } from './text.js';
import { writeArray, writeArrayBuffer, writeError, writeMap, writeSet, writeView } from './write-objects.js';

/** What the writer asks of the Serializer object it works for (the overridable `_` methods). */
export interface WriteDelegate {
  /** Writes a host object's body after its tag (`_writeHostObject`). */
  writeHostObject(value: object): void;
  /** The embedder's id for a SharedArrayBuffer (`_getSharedArrayBufferId`); throws when there is none. */
  sharedArrayBufferId(buffer: SharedArrayBuffer): number;
  /** The error to throw for a value that cannot be cloned (`_getDataCloneError`). */
  cloneError(message: string): unknown;
}

const notLatin1 = /[^\x00-\xff]/;

/** One Serializer's state: the bytes, the ids of objects written, transfers, and whether views are host objects. */
export class ValueWriter {
  readonly sink = new ByteSink();
  readonly ids = new Map<object, number>();
  readonly transfers = new Map<ArrayBuffer, number>();
  nextId = 0;
  viewsAsHostObjects = false;
  /** How many objects are being written, one inside another. */
  depth = 0;

  constructor(readonly kinds: Kinds, readonly delegate: WriteDelegate, readonly text: TextCodec) {}

  /** Throws the Serializer's DataCloneError for `value`. */
  uncloneable(value: unknown): never {
    throw this.delegate.cloneError(`${describeUncloneable(this.kinds, value)} could not be cloned.`);
  }

  detached(): never {
    throw this.delegate.cloneError('An ArrayBuffer is detached and could not be cloned.');
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'undefined':
        return this.sink.byte(Tag.Undefined);
      case 'boolean':
        return this.sink.byte(v ? Tag.True : Tag.False);
      case 'number':
        return this.number(v);
      case 'bigint':
        this.sink.byte(Tag.BigInt);
        return this.bigint(v);
      case 'string':
        return this.string(v);
      case 'symbol':
        return this.uncloneable(v);
      case 'object':
        if (v === null) return this.sink.byte(Tag.Null);
        return this.receiver(v);
      case 'function':
        return this.uncloneable(v);
    }
  }

  number(n: number): void {
    if (isSmi(n)) {
      this.sink.byte(Tag.Int32);
      this.sink.zigzag(n);
    } else {
      this.sink.byte(Tag.Double);
      this.sink.double(n);
    }
  }

  /** A BigInt's body: sign and byte length, then 64-bit digits, low first. */
  bigint(value: bigint): void {
    const negative = value < 0n;
    let magnitude = negative ? -value : value;
    const digits: number[] = [];
    while (magnitude > 0n) {
      const digit = magnitude & 0xffffffffffffffffn;
      for (let i = 0n; i < 64n; i += 8n) digits.push(Number((digit >> i) & 0xffn));
      magnitude >>= 64n;
    }
    this.sink.bigVarint((BigInt(digits.length) << 1n) | (negative ? 1n : 0n));
    this.sink.raw(Uint8Array.from(digits));
  }

  /** A string: latin-1 when every code unit fits a byte, else UTF-16LE aligned to an even offset. */
  string(s: string): void {
    const { sink } = this;
    if (!notLatin1.test(s)) {
      sink.byte(Tag.OneByteString);
      sink.varint(s.length);
      sink.reserve(s.length);
      this.text.writeLatin1(sink.bytes, sink.length, s);
      sink.length += s.length;
      return;
    }
    const byteLength = s.length * 2;
    if ((sink.length + 1 + varintSize(byteLength)) & 1) sink.byte(Tag.Padding);
    sink.byte(Tag.TwoByteString);
    sink.varint(byteLength);
    sink.reserve(byteLength);
    this.text.writeUtf16(sink.bytes, sink.length, s);
    sink.length += byteLength;
  }

  /** An object: a back-reference when seen before, else an id and its record. */
  receiver(o: object): void {
    const seen = this.ids.get(o);
    if (seen !== undefined) {
      this.sink.byte(Tag.ObjectReference);
      this.sink.varint(seen);
      return;
    }
    if (this.depth >= MAX_DEPTH) tooDeep();
    this.depth++;
    try {
      const kind = this.kinds.kindOf(o);
      // A view written by V8 itself comes after its buffer, which takes the id before it.
      if (kind === Kind.View && !this.viewsAsHostObjects) return writeView(this, o as ArrayBufferView);
      this.ids.set(o, this.nextId++);
      this.record(o, kind);
    } finally {
      this.depth--;
    }
  }

  private record(o: object, kind: Kind): void {
    const { sink } = this;
    switch (kind) {
      case Kind.Plain: {
        sink.byte(Tag.BeginObject);
        const count = this.properties(o, Object.keys(o));
        sink.byte(Tag.EndObject);
        return sink.varint(count);
      }
      case Kind.Array:
        return writeArray(this, o as unknown[]);
      case Kind.Date:
        sink.byte(Tag.Date);
        return sink.double(call(intrinsics.dateTime, o));
      case Kind.RegExp:
        return this.regexp(o as RegExp);
      case Kind.Map:
        return writeMap(this, o as Map<unknown, unknown>);
      case Kind.Set:
        return writeSet(this, o as Set<unknown>);
      case Kind.ArrayBuffer:
        return writeArrayBuffer(this, o as ArrayBuffer);
      case Kind.SharedArrayBuffer: {
        const id = this.delegate.sharedArrayBufferId(o as SharedArrayBuffer);
        sink.byte(Tag.SharedArrayBuffer);
        return sink.varint(id);
      }
      case Kind.View:
        sink.byte(Tag.HostObject);
        return this.delegate.writeHostObject(o);
      case Kind.Error:
        return writeError(this, o as Error);
      case Kind.NumberObject:
        sink.byte(Tag.NumberObject);
        return sink.double(call(intrinsics.numberValue, o));
      case Kind.StringObject:
        sink.byte(Tag.StringObject);
        return this.string(call(intrinsics.stringValue, o));
      case Kind.BooleanObject:
        return sink.byte(call(intrinsics.booleanValue, o) ? Tag.TrueObject : Tag.FalseObject);
      case Kind.BigIntObject:
        sink.byte(Tag.BigIntObject);
        return this.bigint(call(intrinsics.bigintValue, o));
      case Kind.Uncloneable:
        return this.uncloneable(o);
      default: {
        const never: never = kind;
        throw new Error(`internal: kind ${String(never)}`);
      }
    }
  }

  private regexp(re: RegExp): void {
    this.sink.byte(Tag.RegExp);
    this.string(call(intrinsics.regexpSource, re));
    let flags = 0;
    for (const [get, bit] of intrinsics.regexpFlags) if (get !== undefined && call(get, re)) flags |= bit;
    this.sink.varint(flags);
  }

  /**
   * Own properties by key (index keys as numbers), skipping any a getter deleted meanwhile;
   * returns how many were written.
   */
  properties(o: object, keys: readonly string[]): number {
    let count = 0;
    for (const key of keys) {
      if (!call(intrinsics.hasOwn, o, key)) continue;
      const value = (o as Record<string, unknown>)[key];
      if (isIndexKey(key)) this.number(Number(key));
      else this.string(key);
      this.value(value);
      count++;
    }
    return count;
  }
}

