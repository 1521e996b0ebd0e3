/**
 * Node's DefaultSerializer and DefaultDeserializer: every ArrayBufferView is a host object written
 * as Node lays it out, so a Buffer carries its own bytes and not the pool behind it:
 *
 * ```
 * '\\'  type(varint: index in HOST_VIEW_TYPES)  byteLength(varint)  bytes
 * ```
 *
 * Read back, a view shares the input's memory when its offset is aligned for its element size
 * (as Node's does), and is a copy otherwise; a Buffer comes back as a guest Buffer.
 */
import type { Buffer as BufferClass } from 'buffer';
import { inspect } from '../../inspect/index.js';
import type { V8Classes } from './api.js';

/** Node's list: the index written for each view type (Buffer is 10). */
const HOST_VIEW_TYPES = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'DataView', 'Buffer', 'BigInt64Array', 'BigUint64Array',
] as const;
const BUFFER_INDEX = 10;
const INDEX_BY_TAG = new Map<string, number>(HOST_VIEW_TYPES.map((name, i) => [`[object ${name}]`, i] as const).filter(([, i]) => i !== BUFFER_INDEX));
const objectToString = Object.prototype.toString;

type Self = Record<string, Function> & { buffer: ArrayBufferView };

/** Builds `DefaultSerializer` and `DefaultDeserializer` over the two native classes. */
export function createDefaultClasses({ Serializer, Deserializer }: V8Classes, Buffer: typeof BufferClass) {
  const ctors: (Function | undefined)[] = [
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, DataView, Buffer, BigInt64Array, BigUint64Array,
  ];
  const make = (index: number, buffer: ArrayBufferLike, byteOffset: number, length: number): ArrayBufferView => {
    if (index === BUFFER_INDEX) return Buffer.from(buffer as ArrayBuffer, byteOffset, length);
    const View = ctors[index] as new (b: ArrayBufferLike, o: number, n: number) => ArrayBufferView;
    return new View(buffer, byteOffset, length);
  };

  class DefaultSerializer extends (Serializer as new () => Self) {
    constructor() {
      super();
      this._setTreatArrayBufferViewsAsHostObjects!(true);
    }

    /** Writes a view as Node's host-object layout; anything else is refused. */
    _writeHostObject(abView: ArrayBufferView): void {
      let index: number | undefined = BUFFER_INDEX;
      if ((abView as { constructor?: unknown }).constructor !== Buffer) {
        index = INDEX_BY_TAG.get(Reflect.apply(objectToString, abView, []) as string);
        if (index === undefined) {
          const Clone = this._getDataCloneError as unknown as new (m: string) => Error;
          throw new Clone(`Unserializable host object: ${inspect(abView)}`);
        }
      }
      this.writeUint32!(index);
      this.writeUint32!(abView.byteLength);
      this.writeRawBytes!(new Uint8Array(abView.buffer, abView.byteOffset, abView.byteLength));
    }
  }

  class DefaultDeserializer extends (Deserializer as new (buffer: ArrayBufferView) => Self) {
    /** Reads a view written by DefaultSerializer, in the guest's realm. */
    _readHostObject(): ArrayBufferView {
      const index = this.readUint32!() as number;
      const View = ctors[index];
      const byteLength = this.readUint32!() as number;
      const byteOffset = this._readRawBytes!(byteLength) as number;
      // An unknown index fails here with the TypeError Node's own code gives.
      const element = ((View as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT || 1) as number;
      const input = this.buffer;
      const offset = input.byteOffset + byteOffset;
      if (offset % element === 0) return make(index, input.buffer, offset, byteLength / element);
      const copy = Buffer.allocUnsafe(byteLength);
      copy.set(new Uint8Array(input.buffer, offset, byteLength));
      return make(index, copy.buffer, copy.byteOffset, byteLength / element);
    }
  }
  return { DefaultSerializer, DefaultDeserializer };
}
