import type { Rng } from '../random/index.js';

/**
 * Legacy payloads (bridge/legacy.ts): `{__agentOsType: "bytes", base64}` objects whose base64 is
 * canonical or almost (nonzero bits before the padding, the URL alphabet, whitespace, missing or extra
 * padding), with extra keys, `__proto__`, wrong types, and nested in arrays and objects.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 text: canonical for random bytes, then bent one way or another. */
export function base64Text(rng: Rng): string {
  const text = Buffer.from(rng.bytes(rng.size(rng.chance(0.02) ? 300_000 : 64))).toString('base64');
  if (rng.chance(0.4)) return text;
  const at = rng.below(text.length + 1);
  switch (rng.below(8)) {
    case 0:
      return text.replace(/=+$/, '');
    case 1:
      return `${text}=`;
    case 2:
      return text.slice(0, at) + rng.pick([' ', '\n', '-', '_', '.', '\u0000', 'é', '=']) + text.slice(at);
    case 3:
      return text.slice(0, at);
    case 4: {
      // The unused bits before the padding set: decodes, but is not canonical.
      const m = /([A-Za-z0-9+/])(=+)$/.exec(text);
      if (m === null) return `${text}AB==`;
      const c = ALPHABET[(ALPHABET.indexOf(m[1]!) | 1) % 64]!;
      return text.slice(0, m.index) + c + m[2];
    }
    case 5:
      return text.replace(/\+/g, '-').replace(/\//g, '_');
    case 6:
      return '='.repeat(rng.int(1, 8));
    default:
      return ALPHABET[rng.below(64)]! + text;
  }
}

/** One bytes object, valid or not. */
export function bytesObject(rng: Rng): unknown {
  const base64: unknown = rng.chance(0.9) ? base64Text(rng) : rng.pick([1, null, undefined, [], {}, new Uint8Array(4), true]);
  const o: Record<string, unknown> = { __agentOsType: rng.chance(0.95) ? 'bytes' : rng.pick(['Bytes', 'buffer', '', 'bytes ']), base64 };
  if (rng.chance(0.1)) o[rng.pick(['extra', 'length', 'base64 ', 'type'])] = 1;
  if (rng.chance(0.05)) Object.defineProperty(o, '__proto__', { value: { base64: 'AA==' }, enumerable: true, writable: true, configurable: true });
  if (rng.chance(0.05)) delete o.base64;
  return o;
}

/** A value with bytes objects at some depth of arrays and objects. */
export function legacyValue(rng: Rng): unknown {
  let v: unknown = bytesObject(rng);
  const levels = rng.chance(0.05) ? rng.pick([rng.int(120, 127), rng.int(990, 1010)]) : rng.size(4);
  for (let i = 0; i < levels; i++) v = rng.chance(0.5) ? [v, { __agentOsType: 'bytes', base64: rng.pick(['AA==', 'AA=', 'AQ==']) }] : { data: v };
  return v;
}
