import { checksumBytes, checksumText, fillBytes, fillText, strideOf } from './kernel.mjs';

/** Operation names, exactly as they appear in the JSON results. */
export const OPS = ['readFileSync', 'promises.readFile', 'readFileSync.utf8', 'writeFileSync', 'statSync', 'existsSync'];

/** Ops that move file bytes (measured at every size); the others are small calls on one file. */
export const BYTE_OPS = new Set(['readFileSync', 'promises.readFile', 'readFileSync.utf8', 'writeFileSync']);

/** Implementation names, exactly as in the JSON results, in table order. */
export const IMPLS = ['raw', 'legacy', 'floor', 'synckit'];

export const KiB = 1024;
export const MiB = 1024 * 1024;

/** File sizes of the full run; quick drops 64 MiB. */
export const SIZES = [0, 16, 4 * KiB, 64 * KiB, MiB, 16 * MiB, 64 * MiB];

/** The size the small calls (stat, exists) target; they report `bytes: 0` (no payload moves). */
export const SMALL_CALL_FILE_BYTES = 16;

/**
 * How much each mode measures. Rounds are interleaved round-robin; round 0 is a discarded warm-up
 * (quick mode skips it for files of 16 MiB and more, where one call is long enough to warm up).
 * Files of 16 MiB and more get `roundsLarge` rounds of at least `minIterLarge` calls.
 */
export const MODES = {
  quick: {
    sizes: SIZES.filter((s) => s <= 16 * MiB),
    rounds: 2,
    roundsLarge: 1,
    budgetMs: 8,
    minIter: 3,
    minIterLarge: 1,
    warmLarge: false,
    maxIter: 2000,
    memorySizes: [16 * MiB],
    memoryOps: ['readFileSync', 'writeFileSync'],
    memoryInProcess: true,
    concurrencyImpls: ['raw', 'legacy'],
    burstReads: 5,
    burstRounds: 1,
    idleMs: 500,
  },
  full: {
    sizes: SIZES,
    rounds: 7,
    roundsLarge: 4,
    budgetMs: 60,
    minIter: 5,
    minIterLarge: 1,
    warmLarge: true,
    maxIter: 20000,
    memorySizes: [16 * MiB, 64 * MiB],
    memoryOps: ['readFileSync', 'promises.readFile', 'readFileSync.utf8', 'writeFileSync'],
    memoryInProcess: false,
    concurrencyImpls: ['raw', 'legacy', 'synckit'],
    burstReads: 24,
    burstRounds: 3,
    idleMs: 1000,
  },
};

export const binPath = (bytes) => `/f-${bytes}.bin`;
export const textPath = (bytes) => `/t-${bytes}.txt`;
export const writePath = (bytes) => `/w-${bytes}.bin`;

/** The seed of the binary content of a given size (the write data of that size is the same bytes). */
export const seedOf = (bytes) => (0x9e3779b9 ^ Math.imul(bytes + 1, 0x85ebca6b)) | 0 || 1;

/**
 * Builds the files every implementation loads, and what a correct read of each must give.
 * `text: false` skips the text files (cases that do not read them).
 */
export function buildFiles(sizes, { text = true } = {}) {
  const files = [];
  const expect = new Map();
  for (const bytes of sizes) {
    const bin = fillBytes(new Uint8Array(bytes), seedOf(bytes));
    files.push({ path: binPath(bytes), bytes: bin });
    expect.set(binPath(bytes), { length: bytes, full: checksumBytes(bin, 1), sparse: checksumBytes(bin, strideOf(bytes)) });
    if (!text) continue;
    const txt = fillText(new Uint8Array(bytes), seedOf(bytes) ^ 0x5bd1e995);
    files.push({ path: textPath(bytes), bytes: txt });
    const s = Buffer.from(txt.buffer, txt.byteOffset, txt.byteLength).toString('utf8');
    expect.set(textPath(bytes), { length: s.length, full: checksumText(s, 1), sparse: checksumText(s, strideOf(s.length)) });
  }
  return { files, expect };
}

/** One measured case: an op at a size, with the path it uses and what its result must be. */
export function caseList(mode, sizes) {
  const cases = [];
  for (const op of OPS) {
    if (!BYTE_OPS.has(op)) {
      cases.push({ op, bytes: 0, path: binPath(SMALL_CALL_FILE_BYTES), expectPath: binPath(SMALL_CALL_FILE_BYTES) });
      continue;
    }
    for (const bytes of sizes) {
      const path = op === 'readFileSync.utf8' ? textPath(bytes) : op === 'writeFileSync' ? writePath(bytes) : binPath(bytes);
      const expectPath = op === 'readFileSync.utf8' ? textPath(bytes) : binPath(bytes);
      cases.push({ op, bytes, path, expectPath });
    }
  }
  return cases;
}

/** The batch command for one case (what runBatch gets), sized by the mode. */
export function batchOf(mode, c, expect) {
  const large = c.bytes >= 16 * MiB;
  const e = expect.get(c.expectPath);
  const exp = c.op === 'statSync' ? { length: SMALL_CALL_FILE_BYTES } : e;
  return {
    op: c.op,
    path: c.path,
    bytes: c.bytes,
    seed: seedOf(c.bytes),
    minIter: large ? mode.minIterLarge : mode.minIter,
    maxIter: mode.maxIter,
    budgetUs: mode.budgetMs * 1000,
    expect: exp,
  };
}
