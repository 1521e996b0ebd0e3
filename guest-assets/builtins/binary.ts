/** Brand checks on binary values, by internal slot (as Node checks them; a guest cannot fake them). */
const arrayBufferLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;
const sharedLength = Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength')!.get!;

/** An ArrayBuffer or SharedArrayBuffer (Node's `isAnyArrayBuffer`). */
export function isAnyArrayBuffer(value: unknown): value is ArrayBufferLike {
  if (typeof value !== 'object' || value === null) return false;
  for (const getter of [arrayBufferLength, sharedLength]) {
    try {
      Reflect.apply(getter, value, []);
      return true;
    } catch {
      // not this kind
    }
  }
  return false;
}
