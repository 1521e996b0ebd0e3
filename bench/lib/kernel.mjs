/**
 * The measuring kernel every implementation runs: file contents, checksums, and the timing loop.
 *
 * Each function here is self-contained (no imports, no closure over module scope) because the
 * sandbox adapters ship them into the guest as source text (`kernelSource`): the guest, the synckit
 * guest Worker and the floor all run the very same loop and the very same checks.
 */

/** Fills `u8` with deterministic pseudo-random bytes (xorshift32 from `seed`). */
export function fillBytes(u8, seed) {
  let x = seed | 0 || 1;
  const n = u8.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    u8[i] = x;
    u8[i + 1] = x >>> 8;
    u8[i + 2] = x >>> 16;
    u8[i + 3] = x >>> 24;
  }
  for (; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    u8[i] = x;
  }
  return u8;
}

/**
 * Fills `u8` with valid UTF-8 text of exactly its length: mostly ASCII words and lines, with
 * two-byte (é) and three-byte (€) characters mixed in, so decoding is not a pure ASCII fast path.
 */
export function fillText(u8, seed) {
  let x = seed | 0 || 1;
  const n = u8.length;
  let i = 0;
  while (i < n) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const r = x & 63;
    if (r < 52) u8[i++] = 0x61 + (r % 26);
    else if (r < 58) u8[i++] = 0x20;
    else if (r < 60) u8[i++] = 0x0a;
    else if (r === 60 && i + 2 <= n) {
      u8[i++] = 0xc3;
      u8[i++] = 0xa9;
    } else if (r === 61 && i + 3 <= n) {
      u8[i++] = 0xe2;
      u8[i++] = 0x82;
      u8[i++] = 0xac;
    } else u8[i++] = 0x2e;
  }
  return u8;
}

/** The sampling stride of the per-iteration check: about 4096 samples whatever the size. */
export function strideOf(length) {
  return Math.max(1, Math.floor(length / 4096));
}

/** FNV-1a over the length and every `stride`-th byte (stride 1: every byte), plus the last byte. */
export function checksumBytes(u8, stride) {
  // A local alias: in a vm context every global lookup (Math) goes through an interceptor.
  const imul = Math.imul;
  const n = u8.length;
  let h = imul(0x811c9dc5 ^ n, 0x01000193);
  if (stride === 1) {
    let i = 0;
    for (; i + 4 <= n; i += 4) h = imul(h ^ (u8[i] | (u8[i + 1] << 8) | (u8[i + 2] << 16) | (u8[i + 3] << 24)), 0x01000193);
    for (; i < n; i++) h = imul(h ^ u8[i], 0x01000193);
  } else {
    for (let i = 0; i < n; i += stride) h = imul(h ^ u8[i], 0x01000193);
    if (n > 0) h = imul(h ^ u8[n - 1], 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a over a string's length and UTF-16 code units, as checksumBytes does over bytes. */
export function checksumText(s, stride) {
  const imul = Math.imul;
  const n = s.length;
  let h = imul(0x811c9dc5 ^ n, 0x01000193);
  for (let i = 0; i < n; i += stride) h = imul(h ^ s.charCodeAt(i), 0x01000193);
  if (n > 0 && stride !== 1) h = imul(h ^ s.charCodeAt(n - 1), 0x01000193);
  return h >>> 0;
}

/**
 * Checks one result against `expect` ({ length, full, sparse }). The first iteration of a batch and
 * every result of 4 KiB or less are checked in full; the others by length plus ~4096 sampled units.
 * Returns undefined when it is right, else what is wrong.
 */
export function verifyResult(op, r, expect, full) {
  if (op === 'writeFileSync') return r === undefined ? undefined : `writeFileSync returned ${typeof r}`;
  if (op === 'existsSync') return r === true ? undefined : `existsSync returned ${String(r)}`;
  if (op === 'statSync') {
    if (r === null || typeof r !== 'object' || r.size !== expect.length) return `stat size ${r && r.size}, expected ${expect.length}`;
    if (typeof r.isFile === 'function' && r.isFile() !== true) return 'stat says not a file';
    return undefined;
  }
  const text = op === 'readFileSync.utf8';
  if (text ? typeof r !== 'string' : !(r instanceof Uint8Array)) return `${op} returned ${typeof r}`;
  if (r.length !== expect.length) return `length ${r.length}, expected ${expect.length}`;
  const whole = full || r.length <= 4096;
  const stride = whole ? 1 : strideOf(r.length);
  const sum = text ? checksumText(r, stride) : checksumBytes(r, stride);
  const want = whole ? expect.full : expect.sparse;
  return sum === want ? undefined : `checksum ${sum}, expected ${want} (stride ${stride})`;
}

/**
 * Runs one batch of `cmd.op` on `cmd.path` and times each call with `now` (microseconds).
 * At least `minIter` and at most `maxIter` calls, until `budgetUs` has passed. Every result is
 * verified (verifyResult: the first in full unless `cmd.fullCheck` is false, the others sampled);
 * writes are read back by the adapter's host. `afterEach` (memory
 * sampling) runs between calls, outside the timed region. Never throws: errors are reported.
 */
export async function runBatch(fs, cmd, now, afterEach) {
  const { op, path, minIter, maxIter, budgetUs, expect } = cmd;
  const samples = [];
  let data;
  if (op === 'writeFileSync') {
    // Generated and checked once per size, then kept: the data is the caller's, not the op's, cost.
    const cache = (runBatch.writeData ??= new Map());
    data = cache.get(cmd.bytes);
    if (data === undefined) {
      data = fillBytes(new Uint8Array(cmd.bytes), cmd.seed);
      if (checksumBytes(data, 1) !== expect.full) return { samples, error: 'the generated write data does not match its checksum' };
      cache.set(cmd.bytes, data);
    }
  }
  try {
    const start = now();
    for (let i = 0; i < maxIter && (i < minIter || now() - start < budgetUs); i++) {
      let r;
      let t0;
      let t1;
      if (op === 'readFileSync') {
        t0 = now();
        r = fs.readFileSync(path);
        t1 = now();
      } else if (op === 'promises.readFile') {
        t0 = now();
        r = await fs.promises.readFile(path);
        t1 = now();
      } else if (op === 'readFileSync.utf8') {
        t0 = now();
        r = fs.readFileSync(path, 'utf8');
        t1 = now();
      } else if (op === 'writeFileSync') {
        t0 = now();
        r = fs.writeFileSync(path, data);
        t1 = now();
      } else if (op === 'statSync') {
        t0 = now();
        r = fs.statSync(path);
        t1 = now();
      } else if (op === 'existsSync') {
        t0 = now();
        r = fs.existsSync(path);
        t1 = now();
      } else if (op === 'timer') {
        t0 = now();
        t1 = now();
      } else return { samples, error: `unknown op ${op}` };
      samples.push(t1 - t0);
      if (op !== 'timer') {
        const bad = verifyResult(op, r, expect, i === 0 && cmd.fullCheck !== false);
        if (bad !== undefined) return { samples, error: `${op} ${path} iteration ${i}: ${bad}` };
      }
      r = undefined;
      if (afterEach !== undefined) afterEach();
    }
  } catch (e) {
    return { samples, error: `${op} ${path}: ${e && e.stack ? e.stack : String(e)}` };
  }
  return { samples };
}

/**
 * Reads `cmd.path` (a binary file) `cmd.reads` times in a row, timing each read with `now` and
 * verifying it: the concurrency burst, run the same way in every guest.
 */
export function runBurst(fs, cmd, now) {
  const start = now();
  const samples = [];
  for (let i = 0; i < cmd.reads; i++) {
    const t0 = now();
    const r = fs.readFileSync(cmd.path);
    samples.push(now() - t0);
    const bad = verifyResult('readFileSync', r, cmd.expect, false);
    if (bad !== undefined) return { samples, error: `burst read ${i}: ${bad}` };
  }
  return { samples, elapsedUs: now() - start };
}

/** The kernel as source text, for guests that cannot import modules. */
export function kernelSource() {
  return [fillBytes, fillText, strideOf, checksumBytes, checksumText, verifyResult, runBatch, runBurst].map(String).join('\n\n');
}
