/**
 * Set and Map contents for the deep comparison (deep-equal.ts). Members found by `has` are equal
 * at once; the others (objects, and in loose mode primitives that equal another one loosely) are
 * matched pairwise, each match used once.
 */
import type { Compare, Memos } from './deep-equal-keys.js';

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * For a loose comparison, the primitive that stands in for every value loosely equal to `prim`:
 * `undefined` and `null` stand for each other; true: some other primitive may match (look
 * pairwise); false: nothing else can match.
 */
function looseStandIn(prim: unknown): unknown {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      return !Number.isNaN(+prim);
    case 'number':
      return !Number.isNaN(prim);
    default:
      return true;
  }
}

function setMightHaveLoosePrim(a: Set<unknown>, b: Set<unknown>, prim: unknown): boolean {
  const alt = looseStandIn(prim);
  if (alt !== null && alt !== undefined) return alt as boolean;
  return b.has(alt) && !a.has(alt);
}

function mapMightHaveLoosePrim(a: Map<unknown, unknown>, b: Map<unknown, unknown>, prim: unknown, item: unknown, memos: Memos, compare: Compare): boolean {
  const alt = looseStandIn(prim);
  if (alt !== null && alt !== undefined) return alt as boolean;
  const other = b.get(alt);
  if ((other === undefined && !b.has(alt)) || !compare(item, other, false, memos)) return false;
  return !a.has(alt) && compare(item, other, false, memos);
}

/** Takes the first member of `candidates` deep-equal to `value` out of it; false if there is none. */
function takeMatch(candidates: Set<unknown>, value: unknown, strict: boolean, memos: Memos, compare: Compare): boolean {
  const saved = memos.deleteFailures;
  memos.deleteFailures = true;
  try {
    for (const candidate of candidates) {
      if (compare(candidate, value, strict, memos)) {
        candidates.delete(candidate);
        return true;
      }
    }
    return false;
  } finally {
    memos.deleteFailures = saved;
  }
}

/** Node's comparison of two sets of the same size. */
export function setEquiv(a: Set<unknown>, b: Set<unknown>, strict: boolean, memos: Memos, compare: Compare): boolean {
  let pending: Set<unknown> | null = null;
  for (const value of a) {
    if (b.has(value)) continue;
    if (!isObject(value) && (strict || !setMightHaveLoosePrim(a, b, value))) return false;
    if (pending === null) {
      if (b.size === 1) return compare(value, b.values().next().value, strict, memos);
      pending = new Set();
    }
    pending.add(value);
  }
  if (pending === null) return true;
  for (const value of b) {
    if (isObject(value)) {
      if (!takeMatch(pending, value, strict, memos, compare)) return false;
    } else if (!strict && !a.has(value) && !takeMatch(pending, value, strict, memos, compare)) {
      return false;
    }
  }
  return pending.size === 0;
}

function takeEntryMatch(keys: Set<unknown>, map: Map<unknown, unknown>, key: unknown, item: unknown, strict: boolean, memos: Memos, compare: Compare): boolean {
  const saved = memos.deleteFailures;
  memos.deleteFailures = true;
  try {
    for (const candidate of keys) {
      if (compare(candidate, key, strict, memos) && compare(map.get(candidate), item, strict, memos)) {
        keys.delete(candidate);
        return true;
      }
    }
    return false;
  } finally {
    memos.deleteFailures = saved;
  }
}

/** Node's comparison of two maps of the same size. */
export function mapEquiv(a: Map<unknown, unknown>, b: Map<unknown, unknown>, strict: boolean, memos: Memos, compare: Compare): boolean {
  let pending: Set<unknown> | null = null;
  for (const [key, item] of a) {
    if (isObject(key)) {
      if (pending === null) {
        if (b.size === 1) {
          const [otherKey, otherItem] = b.entries().next().value as [unknown, unknown];
          return compare(key, otherKey, strict, memos) && compare(item, otherItem, strict, memos);
        }
        pending = new Set();
      }
      pending.add(key);
      continue;
    }
    const other = b.get(key);
    if ((other === undefined && !b.has(key)) || !compare(item, other, strict, memos)) {
      if (strict || !mapMightHaveLoosePrim(a, b, key, item, memos, compare)) return false;
      pending ??= new Set();
      pending.add(key);
    }
  }
  if (pending === null) return true;
  for (const [key, item] of b) {
    if (isObject(key)) {
      if (!takeEntryMatch(pending, a, key, item, strict, memos, compare)) return false;
    } else if (!strict && (!a.has(key) || !compare(a.get(key), item, strict, memos)) && !takeEntryMatch(pending, a, key, item, strict, memos, compare)) {
      return false;
    }
  }
  return pending.size === 0;
}
