import { Tag } from 'cbor-x';
import { cbor } from '../../bridge/structured/cbor.js';
import { ValueTag } from '../../bridge/structured/tags.js';
import type { Rng } from '../random/index.js';
import { Out, head, item } from './cbor.js';

/**
 * Structured values (host functions, bridge/structured/): graphs of the kinds the codec carries, with
 * shared and cyclic references, for round trips; and trees of its tags with the wrong contents
 * (wrong arity, references forward, odd byte lengths, unknown tags), written by cbor-x or raw.
 */

/** A random value graph the structured codec can carry. */
export function structuredValue(rng: Rng, depth = 4): unknown {
  const made: object[] = [];
  const keep = <T extends object>(v: T): T => {
    made.push(v);
    return v;
  };
  const value = (d: number): unknown => {
    if (made.length > 0 && rng.chance(0.05)) return rng.pick(made);
    switch (rng.below(d > 0 ? 16 : 7)) {
      case 0:
        return rng.pick([0, -0, 1.5, Number.NaN, -Infinity, 2 ** 53]);
      case 1:
        return rng.pick(['', 'text', '\ud800', 'é€𝄞', '__proto__']);
      case 2:
        return rng.pick([null, undefined, true, false]);
      case 3:
        return rng.pick([0n, -(2n ** 70n), 2n ** 64n]);
      case 4:
        return keep(Buffer.from(rng.bytes(rng.size(32))));
      case 5:
        return keep(new Float64Array(rng.size(4)));
      case 6:
        return keep(new Date(rng.chance(0.1) ? Number.NaN : rng.u32()));
      case 7: {
        const a = keep([] as unknown[]);
        const n = rng.size(5);
        for (let i = 0; i < n; i++) a.push(value(d - 1));
        if (rng.chance(0.1)) a.length += 2;
        return a;
      }
      case 8: {
        const o = keep({} as Record<string, unknown>);
        const n = rng.size(4);
        for (let i = 0; i < n; i++) Object.defineProperty(o, rng.pick(['a', 'b', '__proto__', 'constructor', `k${i}`]), { value: value(d - 1), enumerable: true, writable: true, configurable: true });
        return o;
      }
      case 9: {
        const m = keep(new Map<unknown, unknown>());
        m.set(value(d - 1), value(d - 1));
        return m;
      }
      case 10:
        return keep(new Set([value(d - 1), value(d - 1)]));
      case 11:
        return keep(/a+b/giu);
      case 12: {
        const e = keep(new (rng.pick([Error, TypeError, RangeError, AggregateError as unknown as ErrorConstructor]))('boom'));
        if (rng.chance(0.5)) (e as Error & { cause?: unknown }).cause = value(d - 1);
        return e;
      }
      case 13:
        return keep(Object(rng.pick([true, 1, 's', 1n])) as object);
      case 14:
        return keep(new DataView(new ArrayBuffer(rng.size(16))));
      default:
        return keep(new ArrayBuffer(rng.size(16)));
    }
  };
  return value(depth);
}

const TAG_NUMBERS = Object.values(ValueTag);

/** A tree of the codec's tags around wrong contents (what only a broken or hostile peer sends). */
function badTree(rng: Rng, depth: number): unknown {
  if (depth <= 0 || rng.chance(0.3)) return rng.pick<unknown>([1, 'x', null, new Uint8Array(rng.size(9)), -1, 2 ** 40, [], [1, 2, 3], 'ff', '-', 'zz']);
  const tag = rng.chance(0.9) ? rng.pick(TAG_NUMBERS) : rng.int(0x5500, 0x55ff);
  const n = rng.size(8);
  const contents = rng.chance(0.7) ? Array.from({ length: n }, () => badTree(rng, depth - 1)) : badTree(rng, depth - 1);
  return new Tag(contents, tag);
}

/** Bytes of a structured value that is not one: wrong tag contents, or raw CBOR of any kind. */
export function badStructured(rng: Rng): Uint8Array {
  if (rng.chance(0.6)) return cbor.encode([badTree(rng, 4)]);
  const out = new Out();
  head(out, 4, 1);
  head(out, 6, rng.pick(TAG_NUMBERS));
  item(rng, out, 3, true);
  return out.done();
}
