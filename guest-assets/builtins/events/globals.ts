/**
 * A lazily built global that stays enumerable, as Node's `structuredClone` and `performance` are
 * (the registry's defineGlobal makes non-enumerable ones, which is right for every class).
 */
export function defineEnumerableGlobal(global: Record<string, unknown>, name: string, factory: () => unknown): void {
  const settle = (value: unknown) => {
    Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: true });
    return value;
  };
  Object.defineProperty(global, name, { configurable: true, enumerable: true, get: () => settle(factory()), set: (value: unknown) => void settle(value) });
}
