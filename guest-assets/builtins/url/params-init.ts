/** URLSearchParams built from a record (`{ name: value }`), as Node 20 reads one. */

/**
 * The flat list of a record's own enumerable keys (symbols included, which then fail to convert, as
 * in Node) and their values; two keys that become one string once made well-formed keep the later
 * value in the earlier place.
 */
export function initFromObject(init: object, toWellFormed: (value: unknown) => string): string[] {
  const list: string[] = [];
  const seen = new Map<string, number>();
  for (const key of Reflect.ownKeys(init)) {
    const desc = Reflect.getOwnPropertyDescriptor(init, key);
    if (desc === undefined || !desc.enumerable) continue;
    const name = String.prototype.toWellFormed.call(key);
    const value = toWellFormed((init as Record<PropertyKey, unknown>)[key]);
    const at = seen.get(name);
    if (at !== undefined) list[at] = value;
    else seen.set(name, list.push(name, value) - 1);
  }
  return list;
}
