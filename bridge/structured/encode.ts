import { Tag } from './cbor.js';
import { classify, errorClassOf, Intrinsic, isWellFormed, REGEXP_FLAGS, type Kind } from './kinds.js';
import { TYPED_ARRAY_NAMES, ValueTag, type TaggedTypedArrayName } from './tags.js';
import { isValueError, ValueErrorCode, valueError, type ValueLimits, type ValueRealm } from './types.js';
import { bigintTree, HOLE, keySegment, NEG_ZERO, Stop, within, wtf16 } from './write-parts.js';

/**
 * The writing half of the structured codec: walks a value graph and returns the tree cbor-x writes
 * (primitives, Uint8Array byte strings, arrays and Tags; bridge/structured/tags.ts has the table). Binary data
 * is never transformed: a view over the caller's bytes goes to cbor-x, which copies it once into the frame.
 * Getters are never called (an own accessor is refused), except through a proxy or an array element.
 */

const apply = Reflect.apply;
const hasOwn = Object.hasOwn;
const keysOf = Object.keys;
const symbolsOf = Object.getOwnPropertySymbols;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const isEnumerable = Object.prototype.propertyIsEnumerable;

/** One walk: the objects seen so far (their order is the Ref numbering) and the bytes left. */
class Writer {
  readonly #seen = new Map<object, number>();
  readonly #realm: ValueRealm;
  readonly #limits: ValueLimits;
  #budget: number;

  constructor(realm: ValueRealm, limits: ValueLimits) {
    this.#realm = realm;
    this.#limits = limits;
    this.#budget = limits.maxBytes;
  }

  /** Counts bytes the encoding will take at least; stops as soon as the limit cannot be met. */
  spend(bytes: number): void {
    if ((this.#budget -= bytes) < 0) throw new Stop(`encoded value is over the limit of ${this.#limits.maxBytes} bytes`, ValueErrorCode.TooLarge);
  }

  value(v: unknown, depth: number): unknown {
    switch (typeof v) {
      case 'string':
        this.spend(v.length + 1);
        return isWellFormed(v) ? v : wtf16(v);
      case 'number':
        return v === 0 && 1 / v < 0 ? NEG_ZERO : v;
      case 'boolean':
      case 'undefined':
        return v;
      case 'bigint':
        return bigintTree(v);
      case 'symbol':
        throw new Stop('symbol');
      case 'function':
        throw new Stop('function');
      default:
        return v === null ? null : this.object(v as object, depth);
    }
  }

  object(v: object, depth: number): unknown {
    const id = this.#seen.get(v);
    if (id !== undefined) return new Tag(id, ValueTag.Ref);
    if (depth >= this.#limits.maxDepth) throw new Stop(`nested deeper than ${this.#limits.maxDepth} levels`, ValueErrorCode.TooDeep);
    const kind = classify(v, this.#realm.classify);
    if (typeof kind !== 'string') throw new Stop(kind.refused);
    this.#seen.set(v, this.#seen.size);
    return this.#byKind(v, kind, depth + 1);
  }

  #byKind(v: object, kind: Kind, depth: number): unknown {
    switch (kind) {
      case 'object': {
        const legacy = this.#realm.legacyBytes?.(v);
        if (legacy !== undefined) {
          this.spend(legacy.length + 1);
          return new Tag(legacy, ValueTag.Buffer);
        }
        return new Tag(this.properties(v, depth), ValueTag.Object);
      }
      case 'array':
        return this.#array(v as unknown[], depth);
      case 'typedarray':
      case 'dataview':
      case 'arraybuffer':
        return this.#binary(v, kind);
      case 'map':
        return new Tag(this.#entries(v, depth), ValueTag.Map);
      case 'set':
        return new Tag(this.#items(v, depth), ValueTag.Set);
      case 'date':
        return new Tag(apply(Intrinsic.dateTime, v, []), ValueTag.Date);
      case 'regexp':
        return this.#regexp(v, depth);
      case 'boxed-boolean':
        return new Tag(apply(Intrinsic.booleanValue, v, []), ValueTag.BoxedBoolean);
      case 'boxed-number':
        return new Tag(this.value(apply(Intrinsic.numberValue, v, []), depth), ValueTag.BoxedNumber);
      case 'boxed-string':
        return new Tag(this.value(apply(Intrinsic.stringValue, v, []), depth), ValueTag.BoxedString);
      case 'boxed-bigint':
        return new Tag(this.value(apply(Intrinsic.bigintValue, v, []), depth), ValueTag.BoxedBigInt);
      case 'error':
        return this.#error(v, depth);
      default:
        return assertNever(kind);
    }
  }

  /** Own enumerable string-keyed data properties as [key, value, ...]; `skip` names keys written elsewhere. */
  properties(o: object, depth: number, skip?: ReadonlySet<string>): unknown[] {
    const flat: unknown[] = [];
    let key = '';
    try {
      for (key of keysOf(o)) {
        if (skip?.has(key)) continue;
        const d = getOwnPropertyDescriptor(o, key);
        if (d === undefined) continue;
        if (!hasOwn(d, 'value')) throw new Stop('accessor');
        this.spend(key.length + 1);
        flat.push(isWellFormed(key) ? key : wtf16(key), this.value(d.value, depth));
      }
    } catch (e) {
      throw within(e, keySegment(key));
    }
    for (const symbol of symbolsOf(o)) {
      if (apply(isEnumerable, o, [symbol])) throw within(new Stop('symbol-keyed property'), `[${String(symbol)}]`);
    }
    return flat;
  }

  #array(a: unknown[], depth: number): unknown[] {
    const length = a.length;
    this.spend(length);
    const out = new Array<unknown>(length);
    let i = 0;
    try {
      for (; i < length; i++) {
        if (hasOwn(a, i)) {
          out[i] = this.value(a[i], depth);
        } else {
          this.spend(3);
          out[i] = HOLE;
        }
      }
    } catch (e) {
      throw within(e, `[${i}]`);
    }
    return out;
  }

  #binary(v: object, kind: 'typedarray' | 'dataview' | 'arraybuffer'): Uint8Array | Tag {
    let bytes: Uint8Array;
    let tag: number | undefined;
    try {
      if (kind === 'arraybuffer') {
        bytes = new Uint8Array(v as ArrayBuffer);
        tag = ValueTag.ArrayBuffer;
      } else if (kind === 'dataview') {
        bytes = new Uint8Array(apply(Intrinsic.dataViewBuffer, v, []) as ArrayBuffer, apply(Intrinsic.dataViewOffset, v, []) as number, apply(Intrinsic.dataViewLength, v, []) as number);
        tag = ValueTag.DataView;
      } else {
        bytes = new Uint8Array(apply(Intrinsic.typedArrayBuffer, v, []) as ArrayBuffer, apply(Intrinsic.typedArrayOffset, v, []) as number, apply(Intrinsic.typedArrayLength, v, []) as number);
        tag = this.#typedArrayTag(v);
      }
    } catch (e) {
      throw e instanceof Stop ? e : new Stop('detached or unreadable ArrayBuffer');
    }
    this.spend(bytes.length + 1);
    return tag === undefined ? bytes : new Tag(bytes, tag);
  }

  /** Undefined for a plain Uint8Array (a bare byte string). */
  #typedArrayTag(v: object): number | undefined {
    const name = apply(Intrinsic.typedArrayName, v, []) as string;
    if (name === 'Uint8Array') return this.#realm.isBuffer(v) ? ValueTag.Buffer : undefined;
    if (!(TYPED_ARRAY_NAMES as readonly string[]).includes(name)) throw new Stop(name);
    return ValueTag[name as TaggedTypedArrayName];
  }

  #entries(m: object, depth: number): unknown[] {
    const flat: unknown[] = [];
    apply(Intrinsic.mapForEach, m, [(value: unknown, key: unknown) => void flat.push(key, value)]);
    this.spend(flat.length);
    let i = 0;
    try {
      for (; i < flat.length; i++) flat[i] = this.value(flat[i], depth);
    } catch (e) {
      throw within(e, `.<${i % 2 === 0 ? 'key' : 'value'} ${i >> 1}>`);
    }
    return flat;
  }

  #items(s: object, depth: number): unknown[] {
    const items: unknown[] = [];
    apply(Intrinsic.setForEach, s, [(item: unknown) => void items.push(item)]);
    this.spend(items.length);
    let i = 0;
    try {
      for (; i < items.length; i++) items[i] = this.value(items[i], depth);
    } catch (e) {
      throw within(e, `.<item ${i}>`);
    }
    return items;
  }

  #regexp(r: object, depth: number): Tag {
    let flags = '';
    for (const [flag, get] of REGEXP_FLAGS) if (apply(get, r, []) === true) flags += flag;
    const source = apply(Intrinsic.regExpSource, r, []) as string;
    const lastIndex = this.#slot(r, 'lastIndex', depth);
    return new Tag([this.value(source, depth), flags, lastIndex], ValueTag.RegExp);
  }

  /** An own data property's value, or a Hole when there is none. */
  #slot(o: object, key: string, depth: number): unknown {
    const d = getOwnPropertyDescriptor(o, key);
    if (d === undefined) return HOLE;
    try {
      if (!hasOwn(d, 'value')) throw new Stop('accessor');
      return this.value(d.value, depth);
    } catch (e) {
      throw within(e, keySegment(key));
    }
  }

  #error(e: object, depth: number): Tag {
    const cls = errorClassOf(e);
    const aggregate = cls === 'AggregateError';
    return new Tag(
      [
        cls,
        this.#errorName(e, cls, depth),
        this.#slot(e, 'message', depth),
        this.#stack(e, depth),
        this.#slot(e, 'cause', depth),
        aggregate ? this.#slot(e, 'errors', depth) : HOLE,
        this.properties(e, depth, aggregate ? AGGREGATE_SLOTS : ERROR_SLOTS),
      ],
      ValueTag.Error,
    );
  }

  /** The name, unless it is an own enumerable property (then it travels with the others) or the class's own. */
  #errorName(e: object, cls: string, depth: number): unknown {
    const own = getOwnPropertyDescriptor(e, 'name');
    if (own?.enumerable === true) return HOLE;
    for (let o: object | null = e; o !== null; o = Object.getPrototypeOf(o) as object | null) {
      const d = getOwnPropertyDescriptor(o, 'name');
      if (d === undefined) continue;
      return hasOwn(d, 'value') && d.value !== cls ? this.#slot(o, 'name', depth) : HOLE;
    }
    return HOLE;
  }

  /** V8 keeps `stack` as an own data property; should it be an accessor, its value is still the text. */
  #stack(e: object, depth: number): unknown {
    const d = getOwnPropertyDescriptor(e, 'stack');
    if (d === undefined || hasOwn(d, 'value')) return this.#slot(e, 'stack', depth);
    const text: unknown = Reflect.get(e, 'stack');
    return typeof text === 'string' ? this.value(text, depth) : HOLE;
  }
}

const ERROR_SLOTS: ReadonlySet<string> = new Set(['message', 'stack', 'cause']);
const AGGREGATE_SLOTS: ReadonlySet<string> = new Set(['message', 'stack', 'cause', 'errors']);

function assertNever(value: never): never {
  throw new TypeError(`unexpected kind ${String(value)}`);
}

/**
 * Walks `value` and returns the tree for cbor-x. A value that cannot cross throws a TypeError or
 * RangeError of this realm, with `code`, naming the path from `root`.
 */
export function writeTree(value: unknown, realm: ValueRealm, limits: ValueLimits, root: string): unknown {
  try {
    return new Writer(realm, limits).value(value, 0);
  } catch (e) {
    // Values far below maxDepth can still exhaust a stack that was nearly full when the call began.
    if (e instanceof RangeError && !isValueError(e)) throw valueError(ValueErrorCode.TooDeep, `cannot pass ${root || 'the value'}: nested too deeply for the stack`);
    if (!(e instanceof Stop)) throw e;
    const path = root + e.segments.reverse().join('');
    throw valueError(e.code, `cannot pass ${path === '' ? 'the value' : path}: ${e.reason}`);
  }
}
