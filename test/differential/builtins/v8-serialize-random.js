// Seeded random values of every kind (nested, shared, cyclic through a pool), each serialized,
// read back and serialized again: the bytes (hashed), their length and the second length must be
// Node's. Numbers in arrays are small integers and no array gets a hole: where V8 keeps an
// elements kind JavaScript cannot see, the bytes differ by design (README).
const v8 = require('v8');
const { createHash } = require('crypto');
let seed = 4242;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const str = () => { const n = Math.floor(rnd() * 12); let s = ''; for (let i = 0; i < n; i++) s += pick(['a', 'b', 'é', '€', '\u0000', 'z', '😀', 'Q']); return s; };
const pool = [];
const gen = (d) => {
  const r = rnd();
  if (d > 4 || r < 0.35) {
    return pick([() => undefined, () => null, () => true, () => false, () => Math.floor(rnd() * 2000) - 1000, () => str(), () => BigInt(Math.floor(rnd() * 1e9)) ** 3n * (rnd() < 0.5 ? -1n : 1n)])();
  }
  if (pool.length && rnd() < 0.1) return pick(pool);
  let v;
  switch (Math.floor(rnd() * 12)) {
    case 0: case 1: { v = {}; const n = Math.floor(rnd() * 5); for (let i = 0; i < n; i++) v[pick(['k', str(), String(Math.floor(rnd() * 5)), 'x' + i])] = gen(d + 1); break; }
    case 2: case 3: { v = []; const n = Math.floor(rnd() * 5); for (let i = 0; i < n; i++) v.push(gen(d + 1)); if (rnd() < 0.2) v.named = 1; break; }
    case 4: v = new Map(); for (let i = 0; i < 3; i++) v.set(gen(d + 1), gen(d + 1)); break;
    case 5: v = new Set([gen(d + 1), gen(d + 1)]); break;
    case 6: v = new Date(Math.floor(rnd() * 1e12)); break;
    case 7: v = new RegExp(pick(['a+', '[x-z]', '\\d', '/', '']), pick(['', 'g', 'im', 'su', 'dy'])); break;
    case 8: v = pick([() => Buffer.from(str()), () => new Uint16Array([1, 2, 3]), () => new Float64Array([0.5]), () => new DataView(new ArrayBuffer(3)), () => new BigUint64Array([5n])])(); break;
    case 9: { const e = new (pick([Error, TypeError, RangeError]))(str(), rnd() < 0.5 ? { cause: gen(d + 1) } : undefined); e.stack = str(); v = e; break; }
    case 10: v = pick([() => new Number(Math.floor(rnd() * 100)), () => new String(str()), () => new Boolean(rnd() < 0.5), () => Object(3n)])(); break;
    default: v = new Uint8Array([1, 2, 3]).buffer;
  }
  pool.push(v);
  return v;
};
let out = '';
for (let i = 0; i < 300; i++) {
  const v = gen(0);
  let h;
  try {
    const bytes = v8.serialize(v);
    const again = v8.serialize(v8.deserialize(bytes));
    h = `${bytes.length} ${bytes.toString('hex').slice(0, 48)} ${createHash('sha1').update(bytes).digest('hex')} ${again.length}`;
  } catch (e) {
    h = `${e.name}: ${e.message}`;
  }
  out += i + ' ' + h + '\n';
}
process.stdout.write(out);
