/**
 * The guest's `util.types`. Every check but two is V8's own brand test, run by the Worker on the
 * guest value (Caps.utilType): exact across realms and for values no JavaScript test can see
 * through (a Proxy, a module namespace, a boxed Symbol), and it runs none of the value's code.
 * `isKeyObject` and `isCryptoKey` are about classes of the guest's crypto, which brand their
 * instances with kKeyType and kKeyObject.
 */
import { guard, type Caps } from '../../caps.js';
import { NATIVE_TYPE_CHECKS, type NativeTypeCheck } from './caps.js';

/** A `util.types` check. */
export type TypeCheck = (value: unknown) => boolean;

/** The guest's `util.types` object, in Node's key order. */
export type UtilTypes = Record<NativeTypeCheck | 'isKeyObject' | 'isCryptoKey', TypeCheck>;

/**
 * The brands of the guest crypto's KeyObject and CryptoKey: an object is one when this property is
 * defined. Node tests its own private symbols the same way, so a Proxy's `get` trap runs here too.
 */
export const kKeyType = Symbol('kKeyType');
export const kKeyObject = Symbol('kKeyObject');

/** Node's typed-array checks take one declared parameter; the others none (they are natives). */
const ONE_PARAMETER = new Set<string>(['isArrayBufferView', 'isTypedArray']);

function named<T extends Function>(fn: T, name: string, length: number): T {
  Object.defineProperty(fn, 'name', { value: name });
  Object.defineProperty(fn, 'length', { value: length });
  return fn;
}

/** Builds `util.types` over the Worker's checks. */
export function createTypes(caps: Caps): UtilTypes {
  const types = {} as UtilTypes;
  NATIVE_TYPE_CHECKS.forEach((name, index) => {
    // Primitives are never of any of these types: answered here, without crossing to the Worker.
    const check = (value: unknown): boolean =>
      (typeof value === 'object' || typeof value === 'function') && value !== null && guard(() => caps.utilType(index, value)) === true;
    const length = ONE_PARAMETER.has(name) || name.endsWith('Array') ? 1 : 0;
    // Node's isArrayBufferView is ArrayBuffer.isView itself.
    types[name] = named(check, name === 'isArrayBufferView' ? 'isView' : name, length);
  });
  // Node defines these two as `value(obj)` functions made on first use; their name is `value`.
  types.isKeyObject = named((obj: unknown) => obj != null && (obj as Record<symbol, unknown>)[kKeyType] !== undefined, 'value', 1);
  types.isCryptoKey = named((obj: unknown) => obj != null && (obj as Record<symbol, unknown>)[kKeyObject] !== undefined, 'value', 1);
  return types;
}
