import { Tag } from './cbor.js';
import { ERROR_CLASSES, TYPED_ARRAY_NAMES, ValueTag, type ErrorClassName, type TaggedTypedArrayName } from './tags.js';
import { ValueErrorCode, valueError, type ValueLimits, type ValueRealm } from './types.js';

/**
 * The reading half of the structured codec: turns the tree cbor-x decoded into values built with
 * this realm's constructors (captured when the module loads; in the guest, before guest code runs).
 * Every binary value gets its own ArrayBuffer, copied once out of the received frame. Input is
 * untrusted: anything outside the vocabulary of bridge/structured/tags.ts throws ERR_HOST_VALUE_MALFORMED.
 */

const isArray = Array.isArray;
const defineProperty = Object.defineProperty;
const apply = Reflect.apply;
const mapSet = Map.prototype.set;
const setAdd = Set.prototype.add;
const fromCharCode = String.fromCharCode;
// Captured at load: guest code may later replace the globals, never these.
const { Object: toObject, Date: DateCtor, Map: MapCtor, Set: SetCtor, RegExp: RegExpCtor, DataView: DataViewCtor, Uint8Array: BytesCtor } = globalThis;
const PRIMITIVE_TAGS: ReadonlySet<number> = new Set([ValueTag.NegZero, ValueTag.Wtf16, ValueTag.BigInt]);
const Ctors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError } as const;
const TypedArrays = {
  Uint8ClampedArray,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
const typedArrayByTag = new Map<number, (typeof TypedArrays)[TaggedTypedArrayName]>(TYPED_ARRAY_NAMES.map((name) => [ValueTag[name], TypedArrays[name]]));
/** Keys that plain assignment would not make own data properties of a fresh object (`__proto__` above all). */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
const HEX_BIGINT = /^-?[0-9a-f]+$/;

function malformed(detail: string): Error {
  return valueError(ValueErrorCode.Malformed, `malformed structured value: ${detail}`);
}

function isTag(node: unknown, tag: number): boolean {
  return node instanceof Tag && node.tag === tag;
}

/** Sets an own enumerable data property, never a prototype (`__proto__`) or an inherited setter. */
function define(o: object, key: string, value: unknown): void {
  if (PROTOTYPE_KEYS.has(key)) defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else (o as Record<string, unknown>)[key] = value;
}

function hidden(o: object, key: string, value: unknown): void {
  defineProperty(o, key, { value, writable: true, enumerable: false, configurable: true });
}

function fromWtf16(bytes: unknown): string {
  if (!(bytes instanceof Uint8Array) || bytes.length % 2 !== 0) throw malformed('Wtf16 needs an even-length byte string');
  let text = '';
  const units: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) {
    units.push(bytes[i]! | (bytes[i + 1]! << 8));
    if (units.length === 4096) text += apply(fromCharCode, null, units.splice(0)) as string;
  }
  return text + (apply(fromCharCode, null, units) as string);
}

function flatPairs(node: unknown, what: string): unknown[] {
  if (!isArray(node) || node.length % 2 !== 0) throw malformed(`${what} needs an array of key, value pairs`);
  return node;
}

/** One read: the objects built so far, in the order the writer numbered them. */
class Reader {
  readonly #objects: unknown[] = [];
  readonly #realm: ValueRealm;
  readonly #limits: ValueLimits;

  constructor(realm: ValueRealm, limits: ValueLimits) {
    this.#realm = realm;
    this.#limits = limits;
  }

  #register<T>(value: T): T {
    this.#objects.push(value);
    return value;
  }

  value(node: unknown, depth: number): unknown {
    switch (typeof node) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'undefined':
      case 'bigint':
        return node;
      case 'object':
        if (node === null) return null;
        if (node instanceof Tag) return this.#tagged(node, depth);
        if (depth >= this.#limits.maxDepth) throw valueError(ValueErrorCode.TooDeep, `value nested deeper than ${this.#limits.maxDepth} levels`);
        if (isArray(node)) return this.#array(node, depth + 1);
        if (node instanceof Uint8Array) return this.#register(this.#copy(node));
        throw malformed('unexpected object (CBOR map, record or standard tag)');
      default:
        throw malformed(`unexpected ${typeof node}`);
    }
  }

  #primitive(node: unknown, type: 'string' | 'number' | 'boolean' | 'bigint'): unknown {
    const value = node instanceof Tag && PRIMITIVE_TAGS.has(node.tag) ? this.#tagged(node, 0) : node;
    if (typeof value !== type) throw malformed(`expected a ${type}`);
    return value;
  }

  #key(node: unknown): string {
    return this.#primitive(node, 'string') as string;
  }

  #tagged(node: Tag, depth: number): unknown {
    switch (node.tag) {
      case ValueTag.NegZero:
        return -0;
      case ValueTag.Wtf16:
        return fromWtf16(node.value);
      case ValueTag.BigInt:
        if (typeof node.value !== 'string' || !HEX_BIGINT.test(node.value)) throw malformed('BigInt needs hex text');
        return node.value.startsWith('-') ? -BigInt(`0x${node.value.slice(1)}`) : BigInt(`0x${node.value}`);
      case ValueTag.Ref:
        if (typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 0 || node.value >= this.#objects.length) {
          throw malformed(`reference to object ${String(node.value)} before it was read`);
        }
        return this.#objects[node.value];
      default:
        if (depth >= this.#limits.maxDepth) throw valueError(ValueErrorCode.TooDeep, `value nested deeper than ${this.#limits.maxDepth} levels`);
        return this.#object(node, depth + 1);
    }
  }

  #object(node: Tag, depth: number): unknown {
    switch (node.tag) {
      case ValueTag.Object:
        return this.#plain(node.value, depth);
      case ValueTag.Map:
        return this.#map(node.value, depth);
      case ValueTag.Set:
        return this.#set(node.value, depth);
      case ValueTag.Date:
        return this.#register(new DateCtor(this.#primitive(node.value, 'number') as number));
      case ValueTag.RegExp:
        return this.#regexp(node.value, depth);
      case ValueTag.Error:
        return this.#error(node.value, depth);
      case ValueTag.BoxedBoolean:
        return this.#register(toObject(this.#primitive(node.value, 'boolean')));
      case ValueTag.BoxedNumber:
        return this.#register(toObject(this.#primitive(node.value, 'number')));
      case ValueTag.BoxedString:
        return this.#register(toObject(this.#primitive(node.value, 'string')));
      case ValueTag.BoxedBigInt:
        return this.#register(toObject(this.#primitive(node.value, 'bigint')));
      default:
        return this.#register(this.#binary(node));
    }
  }

  #binary(node: Tag): unknown {
    if (!(node.value instanceof Uint8Array)) throw malformed(`tag ${node.tag} needs a byte string`);
    const bytes = this.#copy(node.value);
    const buffer = bytes.buffer as ArrayBuffer;
    switch (node.tag) {
      case ValueTag.Buffer:
        return this.#realm.bufferOf(buffer);
      case ValueTag.ArrayBuffer:
        return buffer;
      case ValueTag.DataView:
        return new DataViewCtor(buffer);
      default: {
        const Ctor = typedArrayByTag.get(node.tag);
        if (Ctor === undefined) throw malformed(`unknown tag ${node.tag}`);
        if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) throw malformed(`${Ctor.name} of ${bytes.length} bytes`);
        return new Ctor(buffer);
      }
    }
  }

  /** A fresh ArrayBuffer of this realm holding exactly these bytes. */
  #copy(bytes: Uint8Array): Uint8Array {
    const out = new BytesCtor(bytes.length);
    out.set(bytes);
    return out;
  }

  #array(node: unknown[], depth: number): unknown[] {
    const out = this.#register<unknown[]>([]);
    for (let i = 0; i < node.length; i++) {
      const item = node[i];
      if (!isTag(item, ValueTag.Hole)) out[i] = this.value(item, depth);
    }
    out.length = node.length;
    return out;
  }

  #plain(node: unknown, depth: number): object {
    const flat = flatPairs(node, 'Object');
    const out = this.#register({});
    for (let i = 0; i < flat.length; i += 2) define(out, this.#key(flat[i]), this.value(flat[i + 1], depth));
    return out;
  }

  #map(node: unknown, depth: number): Map<unknown, unknown> {
    const flat = flatPairs(node, 'Map');
    const out = this.#register(new MapCtor<unknown, unknown>());
    for (let i = 0; i < flat.length; i += 2) apply(mapSet, out, [this.value(flat[i], depth), this.value(flat[i + 1], depth)]);
    return out;
  }

  #set(node: unknown, depth: number): Set<unknown> {
    if (!isArray(node)) throw malformed('Set needs an array');
    const out = this.#register(new SetCtor<unknown>());
    for (const item of node) apply(setAdd, out, [this.value(item, depth)]);
    return out;
  }

  #regexp(node: unknown, depth: number): RegExp {
    if (!isArray(node) || node.length !== 3 || typeof node[1] !== 'string') throw malformed('RegExp needs [source, flags, lastIndex]');
    let re: RegExp;
    try {
      re = new RegExpCtor(this.#primitive(node[0], 'string') as string, node[1]);
    } catch {
      throw malformed('RegExp source or flags are invalid');
    }
    this.#register(re);
    if (!isTag(node[2], ValueTag.Hole)) re.lastIndex = this.value(node[2], depth) as number;
    return re;
  }

  #error(node: unknown, depth: number): Error {
    if (!isArray(node) || node.length !== 7 || !(ERROR_CLASSES as readonly unknown[]).includes(node[0])) {
      throw malformed('Error needs [class, name, message, stack, cause, errors, properties]');
    }
    const cls = node[0] as ErrorClassName;
    const error = this.#register(cls === 'AggregateError' ? new AggregateError([]) : new Ctors[cls]());
    const slots = ['name', 'message', 'stack', 'cause', 'errors'] as const;
    for (let i = 0; i < slots.length; i++) {
      const slot = node[i + 1];
      if (!isTag(slot, ValueTag.Hole)) hidden(error, slots[i]!, this.value(slot, depth));
      else if (slots[i] === 'stack' || slots[i] === 'errors') Reflect.deleteProperty(error, slots[i]!);
    }
    const flat = flatPairs(node[6], 'Error properties');
    for (let i = 0; i < flat.length; i += 2) defineProperty(error, this.#key(flat[i]), { value: this.value(flat[i + 1], depth), writable: true, enumerable: true, configurable: true });
    return error;
  }
}

/** Builds the value a decoded tree describes, in this realm. Throws ERR_HOST_VALUE_MALFORMED or ERR_HOST_VALUE_TOO_DEEP. */
export function readTree(tree: unknown, realm: ValueRealm, limits: ValueLimits): unknown {
  try {
    return new Reader(realm, limits).value(tree, 0);
  } catch (e) {
    if (e instanceof RangeError && !('code' in e)) throw malformed('nested too deeply for the stack');
    throw e;
  }
}
