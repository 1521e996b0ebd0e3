/**
 * pbkdf2, scrypt and hkdf (sync and callback forms) over the Worker's node:crypto, whose work per
 * call the Worker bounds (host/worker/caps/crypto/limits.ts). A callback form checks its arguments
 * as Node does (throwing at once), derives at once in the Worker, then calls back from a later turn
 * of the event loop with the key or the derivation's failure.
 */
import type { Buffer as BufferClass } from 'buffer';
import type { Digest, Packed } from './caps.js';
import { guard, type Caps } from '../../caps.js';
import { invalidArgType } from '../../node-errors.js';
import { guestBytes } from './digest-core.js';
import { failure, maskOf, packed } from './errors.js';

type Later = (callback: Function, ...args: unknown[]) => void;
type Buf = InstanceType<typeof BufferClass>;

/**
 * Errors Node raises when it sets up the derivation, after checking the callback (the others come
 * before it); the sandbox's limits are checked there too.
 */
const SETUP_CODES = new Set(['ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'ERR_CRYPTO_INVALID_DIGEST', 'ERR_CRYPTO_INVALID_KEYLEN', 'ERR_CRYPTO_SANDBOX_LIMIT']);

/** scrypt's option names in the order Node reads them. */
const SCRYPT_OPTIONS = ['N', 'cost', 'r', 'blockSize', 'p', 'parallelization', 'maxmem'] as const;

export function createKdf(caps: Caps, toBuffer: (bytes: Uint8Array) => Buf, later: Later) {
  /**
   * Runs one derivation: `call(mask, values, go)` is the capability; `go` false (no valid callback)
   * only checks. Returns the bytes; throws Node's error for bad arguments.
   */
  function derive<T>(args: unknown[], call: (mask: number, values: Packed[], go: boolean) => Digest, callback: unknown, async: boolean, convert: (bytes: Uint8Array) => T): T | undefined {
    const go = !async || typeof callback === 'function';
    const out = guard(() => call(maskOf(args), args.map(packed) as Packed[], go));
    const badCallback = () => invalidArgType('callback', ['function'], [], callback);
    if (out === -1) {
      const error = failure(caps, args);
      throw !go && SETUP_CODES.has(String((error as { code?: unknown }).code)) ? badCallback() : error;
    }
    if (!go) throw badCallback();
    const error = out === -2 ? failure(caps, args) : undefined;
    if (!async) {
      if (error) throw error;
      return convert(out as Uint8Array);
    }
    if (error) later(callback as Function, error);
    else later(callback as Function, null, convert(out as Uint8Array));
    return undefined;
  }

  const pbkdf2 = (mask: number, v: Packed[], go: boolean) => caps.cryptoPbkdf2(mask, v[0], v[1], v[2], v[3], v[4], go);
  const hkdf = (mask: number, v: Packed[], go: boolean) => caps.cryptoHkdf(mask, v[0], v[1], v[2], v[3], v[4], go);

  /** Node reads scrypt's options only from a truthy `options`. */
  function scryptCall(options: unknown) {
    const has = Boolean(options);
    const values = SCRYPT_OPTIONS.map((name) => (has ? (options as Record<string, unknown>)[name] : undefined));
    const call = (mask: number, v: Packed[], go: boolean) => caps.cryptoScrypt(mask, v[0], v[1], v[2], has, v[3], v[4], v[5], v[6], v[7], v[8], v[9], go);
    return { values, call };
  }

  /** hkdf's key is an ArrayBuffer (guest bytes made by the Worker own theirs exactly). */
  const arrayBufferOf = (bytes: Uint8Array) => guestBytes(bytes).buffer as ArrayBuffer;

  return {
    pbkdf2(password: unknown, salt: unknown, iterations: unknown, keylen: unknown, digest: unknown, callback: unknown): void {
      if (typeof digest === 'function') {
        callback = digest;
        digest = undefined;
      }
      derive([password, salt, iterations, keylen, digest], pbkdf2, callback, true, toBuffer);
    },
    pbkdf2Sync(password: unknown, salt: unknown, iterations: unknown, keylen: unknown, digest: unknown): Buf {
      return derive([password, salt, iterations, keylen, digest], pbkdf2, undefined, false, toBuffer)!;
    },
    scrypt(password: unknown, salt: unknown, keylen: unknown, options: unknown, callback: unknown = undefined): void {
      if (typeof options === 'function') {
        callback = options;
        options = undefined;
      }
      const { values, call } = scryptCall(options);
      derive([password, salt, keylen, ...values], call, callback, true, toBuffer);
    },
    scryptSync(password: unknown, salt: unknown, keylen: unknown, options: unknown = undefined): Buf {
      const { values, call } = scryptCall(options);
      return derive([password, salt, keylen, ...values], call, undefined, false, toBuffer)!;
    },
    hkdf(digest: unknown, ikm: unknown, salt: unknown, info: unknown, keylen: unknown, callback: unknown): void {
      derive([digest, ikm, salt, info, keylen], hkdf, callback, true, arrayBufferOf);
    },
    hkdfSync(digest: unknown, ikm: unknown, salt: unknown, info: unknown, keylen: unknown): ArrayBuffer {
      return derive([digest, ikm, salt, info, keylen], hkdf, undefined, false, arrayBufferOf)!;
    },
  };
}
