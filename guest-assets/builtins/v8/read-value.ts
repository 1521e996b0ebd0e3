/**
 * The value reader: V8's ValueDeserializer over a view of the caller's bytes. Every length is
 * checked against what is left before anything is allocated (a dense array needs at least a byte
 * an element, a string or buffer its bytes), ids are given in the writer's order, and every object
 * made is of the guest's realm. Arrays, errors, collections and buffers are in read-objects.ts.
 */
import { call, intrinsics } from './intrinsics.js';
import { Malformed, type ByteSource } from './source.js';
import { isIndexKey, MAX_DEPTH, tooDeep } from './numbers.js';
import { Tag } from './tags.js';
import type { TextCodec } from './text.js';
import { readArrayBuffer, readDenseArray, readError, readMap, readRegExp, readSet, readSparseArray, readView } from './read-objects.js';

/** What the reader asks of the Deserializer object it works for. */
export interface ReadDelegate {
  /** Reads a host object's body after its tag (`_readHostObject`); must return an object. */
  readHostObject(): object;
}

/** One Deserializer's state: the input, the version, the objects read by id, transfers. */
export class ValueReader {
  version = 0;
  nextId = 0;
  /** How many values are being read, one inside another. */
  depth = 0;
  /** The objects read, by id (ids are given in order, so this is an array). */
  readonly objects: object[] = [];
  readonly transfers = new Map<number, ArrayBuffer>();
  /** The ArrayBuffers read so far: a view record may follow any of them. */
  readonly buffers = new Set<object>();

  constructor(readonly source: ByteSource, readonly delegate: ReadDelegate, readonly text: TextCodec) {}

  /** The next `length` bytes as text by `decode` (the length checked first). */
  private decodeText(length: number, decode: (bytes: Uint8Array, start: number, end: number) => string): string {
    const start = this.source.skip(length);
    return decode(this.source.bytes, start, start + length);
  }

  /** Reserves the next id (taken when a record starts, as the writer gave it). */
  reserve(): number {
    return this.nextId++;
  }

  /** Gives `id` to `o`. */
  add<T extends object>(id: number, o: T): T {
    this.objects[id] = o;
    return o;
  }

  object(): unknown {
    if (this.depth >= MAX_DEPTH) tooDeep();
    this.depth++;
    try {
      return this.objectAt();
    } finally {
      this.depth--;
    }
  }

  private objectAt(): unknown {
    const result = this.inner();
    if (typeof result === 'object' && result !== null && this.buffers.has(result) && this.source.peekTag() === Tag.ArrayBufferView) {
      this.source.tag();
      return readView(this, result as ArrayBuffer);
    }
    return result;
  }

  /** A string value (the body of 'R', 's' and an error's fields). */
  string(): string {
    const v = this.object();
    if (typeof v !== 'string') throw new Malformed('expected a string');
    return v;
  }

  private inner(): unknown {
    const src = this.source;
    const tag = src.tag();
    switch (tag) {
      case Tag.VerifyObjectCount:
        src.varint();
        return this.object();
      case Tag.Undefined:
        return undefined;
      case Tag.Null:
        return null;
      case Tag.True:
        return true;
      case Tag.False:
        return false;
      case Tag.Int32:
        return src.zigzag();
      case Tag.Uint32:
        return src.varint();
      case Tag.Double:
        return src.double();
      case Tag.BigInt:
        return this.bigint();
      case Tag.Utf8String:
        return this.decodeText(src.varint(), this.text.utf8);
      case Tag.OneByteString:
        return this.decodeText(src.varint(), this.text.latin1);
      case Tag.TwoByteString: {
        const length = src.varint();
        if (length & 1) throw new Malformed('odd two-byte string length');
        return this.decodeText(length, this.text.utf16);
      }
      case Tag.ObjectReference: {
        const id = src.varint();
        const o = id < this.objects.length ? this.objects[id] : undefined;
        if (o === undefined) throw new Malformed('reference to no object');
        return o;
      }
      case Tag.BeginObject: {
        const o = this.add(this.reserve(), {});
        const count = this.properties(o, Tag.EndObject);
        if (src.varint() !== count) throw new Malformed('object property count');
        return o;
      }
      case Tag.BeginSparseArray:
        return readSparseArray(this);
      case Tag.BeginDenseArray:
        return readDenseArray(this);
      case Tag.Date:
        return this.add(this.reserve(), new Date(src.double()));
      case Tag.TrueObject:
        return this.add(this.reserve(), Object(true) as object);
      case Tag.FalseObject:
        return this.add(this.reserve(), Object(false) as object);
      case Tag.NumberObject:
        return this.add(this.reserve(), Object(src.double()) as object);
      case Tag.BigIntObject:
        return this.add(this.reserve(), Object(this.bigint()) as object);
      case Tag.StringObject: {
        const id = this.reserve();
        return this.add(id, Object(this.string()) as object);
      }
      case Tag.RegExp:
        return readRegExp(this);
      case Tag.BeginMap:
        return readMap(this);
      case Tag.BeginSet:
        return readSet(this);
      case Tag.ArrayBuffer:
      case Tag.ResizableArrayBuffer:
        return readArrayBuffer(this, tag === Tag.ResizableArrayBuffer);
      case Tag.ArrayBufferTransfer: {
        const id = this.reserve();
        const buffer = this.transfers.get(src.varint());
        if (buffer === undefined) throw new Malformed('no such transferred ArrayBuffer');
        this.buffers.add(buffer);
        return this.add(id, buffer);
      }
      case Tag.Error:
        return readError(this);
      case Tag.HostObject:
        return this.hostObject();
      default:
        // Before version 13 a host object had no tag of its own: any unknown tag began one.
        if (this.version < 13 && tag !== Tag.TheHole && tag !== Tag.ArrayBufferView) {
          src.pos--;
          return this.hostObject();
        }
        throw new Malformed(`unknown tag 0x${tag.toString(16)}`);
    }
  }

  private hostObject(): object {
    const id = this.reserve();
    return this.add(id, this.delegate.readHostObject());
  }

  /** A BigInt: sign and byte length, then the magnitude, low byte first. */
  bigint(): bigint {
    const bitfield = this.source.varint();
    if (bitfield === 1) throw new Malformed('negative BigInt of no digits');
    const bytes = this.source.take(bitfield >>> 1);
    let hex = '';
    for (let i = bytes.length - 1; i >= 0; i--) hex += (bytes[i]! < 16 ? '0' : '') + bytes[i]!.toString(16);
    const magnitude = hex === '' ? 0n : BigInt(`0x${hex}`);
    return bitfield & 1 ? -magnitude : magnitude;
  }

  /**
   * Key-value pairs up to `end`, as own data properties; returns how many. A key the object already
   * has is refused, as is an index inside a dense array's elements (`dense` is its length).
   */
  properties(o: object, end: number, dense = -1): number {
    let count = 0;
    for (;;) {
      if (this.source.peekTag() === end) {
        this.source.tag();
        return count;
      }
      const raw = this.object();
      if (typeof raw !== 'string' && typeof raw !== 'number') throw new Malformed('property key is not a string or number');
      const key = String(raw);
      // The value is read first: an error inside it is the one reported.
      const value = this.object();
      if (call(intrinsics.hasOwn, o, key)) throw new Malformed(`property ${key} twice`);
      if (dense >= 0 && isIndexKey(key) && Number(key) < dense) throw new Malformed(`property ${key} among the elements`);
      Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
      count++;
    }
  }
}
