/**
 * The Worker's capabilities behind the guest's `crypto` built-in (host/worker/caps/crypto.ts): the
 * Worker's own node:crypto does the work and the validation. Arguments are primitives, guest views
 * and ArrayBuffers (read in place, never copied) or, for any other guest object, nothing: the
 * guest sets the argument's two bits in `mask` (bits 2n, 2n+1 for the n-th Packed argument: 1 an
 * object, 2 an array, 3 a function) and the Worker hands Node a stand-in named `GuestValue<n>`,
 * so Node's validation runs in Node's order and the guest only swaps the stand-in's description
 * for the original's. Results are strings, numbers, booleans or guest-realm bytes; a failure
 * returns -1 (for kdf calls: -1 when Node rejected the arguments, -2 when the work itself failed)
 * and is read back with `cryptoError`.
 */

/** An argument as it may cross: a primitive or guest bytes. */
export type Packed = string | number | boolean | bigint | symbol | null | undefined | ArrayBufferView | ArrayBufferLike;

/** A digest or derived key: a string (for a text encoding), guest bytes, or a failure code. */
export type Digest = string | Uint8Array | number;

/**
 * A digest given `scratch` (a guest Uint8Array): a string (for a text encoding), the number of
 * bytes written to the scratch when they fit (>= 0), new guest bytes when not, or -1.
 */
export type ScratchDigest = string | Uint8Array | number;

export interface CryptoCaps {
  /**
   * `createHash(algorithm, { outputLength: option })` or `createHmac(algorithm, key, { encoding:
   * option })`, fed `data` when it is not undefined. A handle id (> 0), or -1. Packed: algorithm,
   * option, key.
   */
  cryptoOpen(mask: number, hmac: boolean, algorithm: Packed, option: Packed, key: Packed, data: string | ArrayBufferView | undefined, encoding: string | undefined): number;
  /** `update(data, encoding)` on handle `id`: 0, or -1. */
  cryptoUpdate(id: number, data: string | ArrayBufferView, encoding: string | undefined): number;
  /** `digest(encoding)` on handle `id`, which is freed. */
  cryptoDigest(id: number, encoding: string | undefined, scratch: Uint8Array): ScratchDigest;
  /** `copy({ outputLength })` of handle `id`: a new handle, or -1. Packed: outputLength. */
  cryptoCopy(mask: number, id: number, outputLength: Packed): number;
  /** Frees handle `id` (a guest object collected before its digest). */
  cryptoFree(id: number): void;
  /** createHash/createHmac, one update (a string or guest bytes) and digest in one call (as cryptoOpen, then digest `output`). */
  cryptoOnce(hmac: boolean, algorithm: string, option: Packed, key: string | Uint8Array | undefined, data: string | Uint8Array, encoding: string | undefined, output: string | undefined, scratch: Uint8Array): ScratchDigest;
  /** `crypto.hash(algorithm, input, outputEncoding)`. Packed: all three. */
  cryptoHash(mask: number, algorithm: Packed, input: Packed, outputEncoding: Packed, scratch: Uint8Array | undefined): ScratchDigest;
  /** `getHashes()`, NUL-separated. */
  cryptoHashes(): string;
  /** Fills all of a guest view with random bytes. */
  cryptoFill(view: ArrayBufferView): number;
  /** `randomFillSync(buf, offset, size)`: 0, or -1. Packed: all three. */
  cryptoRandomFill(mask: number, buf: Packed, offset: Packed, size: Packed): number;
  /** `randomInt(min, max)` (or `randomInt(max)` when `withMin` is false): the integer, or NaN. Packed: min, max. */
  cryptoRandomInt(mask: number, withMin: boolean, min: Packed, max: Packed): number;
  /**
   * `randomUUID(options)`: the UUID, or -1. `options` is passed itself only when it is not a plain
   * object; for one, `hasEntropyOption` says whether the guest read `disableEntropyCache` (its
   * value in the next slot). Packed: options, disableEntropyCache.
   */
  cryptoRandomUUID(mask: number, options: Packed, disableEntropyCache: Packed, hasEntropyOption: boolean): string | number;
  /** webcrypto `getRandomValues(array)`: 0, or -1. Packed: array. */
  cryptoGetRandomValues(mask: number, array: Packed): number;
  /** `timingSafeEqual(a, b)`: the boolean, or -1. Packed: a, b. */
  cryptoTimingSafeEqual(mask: number, a: Packed, b: Packed): boolean | number;
  /** `pbkdf2Sync(...)`; with `run` false only the arguments and limits are checked (returns ''). Packed: all five. */
  cryptoPbkdf2(mask: number, password: Packed, salt: Packed, iterations: Packed, keylen: Packed, digest: Packed, run: boolean): Digest;
  /**
   * `scryptSync(password, salt, keylen, options)`, the options as read by the guest (in Node's
   * order: N, cost, r, blockSize, p, parallelization, maxmem); `options` false when the guest gave
   * none. Packed: password, salt, keylen, then the seven options.
   */
  cryptoScrypt(mask: number, password: Packed, salt: Packed, keylen: Packed, options: boolean, N: Packed, cost: Packed, r: Packed, blockSize: Packed, p: Packed, parallelization: Packed, maxmem: Packed, run: boolean): Digest;
  /** `hkdfSync(digest, ikm, salt, info, keylen)` (bytes of the ArrayBuffer Node returns). Packed: all five. */
  cryptoHkdf(mask: number, digest: Packed, ikm: Packed, salt: Packed, info: Packed, keylen: Packed, run: boolean): Digest;
  /** The last failure as JSON: `{ c: constructor, n: name, m: message, k?: code, i?: internal, d?: DOMException, p?: [key, value][] }`. */
  cryptoError(): string;
  /** `crypto.constants`, `getFips()` and `secureHeapUsed()` as JSON `[constants, fips, heap]`. */
  cryptoFacts(): string;
}

/** The record the guest rebuilds a failure from (JSON, so it is parsed in the guest's realm). */
export interface ErrorRecord {
  /** Constructor: Error, TypeError or RangeError. */
  c: string;
  /** `name` (DOMException names, when `d`). */
  n: string;
  m: string;
  /** `code`, when a string. */
  k?: string;
  /** A Node internal error (`TypeError [ERR_X]: ...` stack head). */
  i?: boolean;
  /** A DOMException. */
  d?: boolean;
  /** Other own enumerable properties with primitive (or string array) values, in order. */
  p?: [string, unknown][];
}
