/**
 * The Map a histogram's `percentiles` returns: Node hands out its internal SafeMap, a Map subclass
 * whose frozen prototype has no prototype of its own (so `instanceof Map` is false) and holds
 * Map's methods, the iterating ones returning iterators of a frozen null-prototype class. It prints
 * as `SafeMap(2) [Map] { ... }`. Built here in the guest's realm, behaving as Node's does.
 */

/** An iterator class over one of Map's iterating methods (its objects keep the real iterator). */
function safeIterator(create: (map: Map<unknown, unknown>) => Iterator<unknown>): new (map: Map<unknown, unknown>) => object {
  class SafeIterator {
    _iterator: Iterator<unknown>;
    constructor(map: Map<unknown, unknown>) {
      this._iterator = create(map);
    }
    next(): IteratorResult<unknown> {
      return this._iterator.next();
    }
    [Symbol.iterator](): this {
      return this;
    }
  }
  Object.setPrototypeOf(SafeIterator.prototype, null);
  Object.freeze(SafeIterator.prototype);
  Object.freeze(SafeIterator);
  return SafeIterator;
}

export class SafeMap<K, V> extends Map<K, V> {
  constructor(i?: Iterable<readonly [K, V]> | null) {
    super(i);
  }
}

const dummy = new Map();
const proto = Map.prototype as unknown as Record<PropertyKey, unknown>;
for (const key of Reflect.ownKeys(proto)) {
  if (Object.hasOwn(SafeMap.prototype, key)) continue;
  const desc = Object.getOwnPropertyDescriptor(proto, key)!;
  const method = desc.value as ((this: Map<unknown, unknown>) => unknown) | undefined;
  if (typeof method === 'function' && method.length === 0 && Symbol.iterator in (Object(Reflect.apply(method, dummy, [])) as object)) {
    const SafeIterator = safeIterator((map) => Reflect.apply(method, map, []) as Iterator<unknown>);
    // Assigned to a property, the function stays anonymous, as Node's wrapped methods are.
    desc.value = function (this: Map<unknown, unknown>) {
      return new SafeIterator(this);
    };
  }
  Object.defineProperty(SafeMap.prototype, key, desc);
}
for (const key of Reflect.ownKeys(Map)) {
  if (!Object.hasOwn(SafeMap, key)) Object.defineProperty(SafeMap, key, Object.getOwnPropertyDescriptor(Map, key)!);
}
Object.setPrototypeOf(SafeMap.prototype, null);
Object.freeze(SafeMap.prototype);
Object.freeze(SafeMap);
