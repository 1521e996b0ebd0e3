/**
 * Node's LazyTransform for Hash and Hmac: they are Transform streams, but most programs only call
 * update() and digest(), so neither the stream library (several milliseconds to load in a fresh
 * sandbox) nor a stream's state (per object) is built until the stream side is used.
 *
 * Until then the prototype chain ends in a stand-in whose lookups Object.prototype cannot answer
 * (`write`, `pipe`, `on`, `instanceof Transform`...) load the guest's readable-stream, splice its
 * Transform.prototype into the chain (for every Hash and Hmac at once) and answer from it. A
 * stream's state is built on first read of `_readableState` or `_writableState`, as Node does.
 */

/** What the guest's `stream` module gives this file. */
interface StreamModule {
  Transform: Function & { prototype: object };
}

const objectProto = Object.prototype;
const defineProperty = Object.defineProperty;
const setPrototypeOf = Object.setPrototypeOf;

/** Defines an own data property as assignment would (without consulting the prototype chain). */
export function defineOwn(target: object, key: PropertyKey, value: unknown, enumerable = true): void {
  defineProperty(target, key, { value, writable: true, enumerable, configurable: true });
}

/** Builds the LazyTransform constructor; `load` gives the guest's stream module on first need. */
export function createLazyTransform(load: () => StreamModule): Function & { prototype: object } {
  function LazyTransform(this: object, options: unknown): void {
    defineOwn(this, '_options', options);
  }
  const proto = LazyTransform.prototype as object;
  let transform: StreamModule['Transform'] | undefined;

  function upgrade(): object {
    if (transform === undefined) {
      transform = load().Transform;
      setPrototypeOf(proto, transform.prototype);
      setPrototypeOf(LazyTransform, transform);
    }
    return transform.prototype;
  }

  // `then` is looked up whenever a Hash is returned from an async function: it is not a stream's.
  const local = (key: PropertyKey) => key === 'then' || Reflect.has(objectProto, key);
  const standIn = new Proxy(Object.create(objectProto) as object, {
    get: (_target, key, receiver) => (key === 'then' ? undefined : Reflect.get(local(key) ? objectProto : upgrade(), key, receiver)),
    set: (_target, key, value, receiver) => Reflect.set(local(key) ? objectProto : upgrade(), key, value, receiver),
    has: (_target, key) => local(key) || Reflect.has(upgrade(), key),
    getPrototypeOf: () => upgrade(),
  });
  setPrototypeOf(proto, standIn);

  for (const name of ['_readableState', '_writableState']) {
    defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get(this: Record<string, unknown>) {
        upgrade();
        Reflect.apply(transform!, this, [this._options]);
        (this._writableState as { decodeStrings: boolean }).decodeStrings = false;
        return this[name];
      },
      set(this: object, value: unknown) {
        defineOwn(this, name, value);
      },
    });
  }
  return LazyTransform as unknown as Function & { prototype: object };
}
