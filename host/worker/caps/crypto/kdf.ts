/**
 * Key derivation for the guest (pbkdf2, scrypt, hkdf) with the work of one call bounded (limits.ts).
 * Node checks the arguments first: a derivation of 0 bytes runs all of Node's checks and derives
 * nothing, so it comes first (its failure is Node's own error, code -1); then the sandbox's limits;
 * then the derivation, whose failure (code -2) an async guest call reports through its callback.
 */
import crypto from 'node:crypto';
import type { CryptoCaps, Digest } from '../../../../guest-assets/builtins/crypto/caps.js';
import type { Realm } from '../../realm.js';
import { arg, limitError } from './args.js';
import type { Run } from './hashes.js';
import { MAX_OUTPUT_BYTES, MAX_PBKDF2_WORK, MAX_SCRYPT_MEMORY, MAX_SCRYPT_WORK } from './limits.js';

type Call = (...args: unknown[]) => Buffer | ArrayBuffer;

/** A keylen Node accepts (validateInt32(keylen, 'keylen', 0)); an invalid one goes to Node as it is, for its error. */
function validLength(keylen: unknown): keylen is number {
  return typeof keylen === 'number' && Number.isInteger(keylen) && keylen >= 0 && keylen <= 2 ** 31 - 1;
}

function checkOutput(keylen: number): void {
  if (keylen > MAX_OUTPUT_BYTES) throw limitError(`The derived key length (${keylen}) is greater than the sandbox limit of ${MAX_OUTPUT_BYTES} bytes`);
}

/** Output bytes of one block of `digest` (1 when Node would fail anyway, which makes the bound stricter). */
function blockBytes(digest: unknown): number {
  try {
    return crypto.createHash(String(digest)).digest().length || 1;
  } catch {
    return 1;
  }
}

/** One of a pair of option names (`N` or `cost`...), Node's default for 0 or none. */
function effective(a: unknown, b: unknown, fallback: number): number {
  const v = a !== undefined ? a : b;
  return typeof v === 'number' && v !== 0 ? v : fallback;
}

/** Node's scrypt options from the guest's values, `maxmem` lowered to the sandbox's bound. */
function scryptOptions(values: unknown[]): Record<string, unknown> {
  const [N, cost, r, blockSize, p, parallelization, maxmem] = values;
  const bounded = Number.isSafeInteger(maxmem) && (maxmem as number) > MAX_SCRYPT_MEMORY ? MAX_SCRYPT_MEMORY : maxmem;
  return { N, cost, r, blockSize, p, parallelization, maxmem: bounded };
}

export function kdfCaps(realm: Realm, run: Run): Pick<CryptoCaps, 'cryptoPbkdf2' | 'cryptoScrypt' | 'cryptoHkdf'> {
  /**
   * The probe, the limit check, then the derivation. A failure of Node's checks is -1; a failure
   * of the derivation itself (an error without a code, "Deriving bits failed", which the probe may
   * already meet) is -2.
   */
  function derive(probe: () => void, limit: () => void, work: () => Buffer | ArrayBuffer, go: boolean): Digest {
    let derivation = false;
    const checked = run(() => {
      try {
        probe();
      } catch (e) {
        derivation = typeof (e as { code?: unknown }).code !== 'string';
        throw e;
      }
      limit();
      return 0;
    });
    if (checked !== 0) return derivation ? -2 : -1;
    if (!go) return '';
    return run(() => {
      const out = work();
      const bytes = realm.toGuestBytes(out instanceof ArrayBuffer ? new Uint8Array(out) : out);
      if (bytes === undefined) throw new Error('could not allocate guest memory');
      return bytes;
    }, -2);
  }

  return {
    cryptoPbkdf2: (mask, password, salt, iterations, keylen, digest, go) => {
      const a = [password, salt, iterations, keylen, digest].map((v, i) => arg(realm, mask, i, v));
      const pbkdf2 = crypto.pbkdf2Sync as Call;
      return derive(
        () => pbkdf2(a[0], a[1], a[2], validLength(a[3]) ? 0 : a[3], a[4]),
        () => {
          const length = a[3] as number;
          checkOutput(length);
          const work = (a[2] as number) * Math.ceil(length / blockBytes(a[4]));
          if (work > MAX_PBKDF2_WORK) throw limitError(`The pbkdf2 work (iterations × output blocks = ${work}) is greater than the sandbox limit of ${MAX_PBKDF2_WORK}`);
        },
        () => pbkdf2(...a),
        go === true,
      );
    },
    cryptoScrypt: (mask, password, salt, keylen, hasOptions, N, cost, r, blockSize, p, parallelization, maxmem, go) => {
      const a = [password, salt, keylen, N, cost, r, blockSize, p, parallelization, maxmem].map((v, i) => arg(realm, mask, i, v));
      const options = hasOptions === true ? scryptOptions(a.slice(3)) : undefined;
      const scrypt = crypto.scryptSync as Call;
      return derive(
        () => scrypt(a[0], a[1], validLength(a[2]) ? 0 : a[2], options),
        () => {
          checkOutput(a[2] as number);
          const work = effective(options?.N, options?.cost, 16384) * effective(options?.r, options?.blockSize, 8) * effective(options?.p, options?.parallelization, 1);
          if (work > MAX_SCRYPT_WORK) throw limitError(`The scrypt work (N × r × p = ${work}) is greater than the sandbox limit of ${MAX_SCRYPT_WORK}`);
        },
        () => scrypt(a[0], a[1], a[2], options),
        go === true,
      );
    },
    cryptoHkdf: (mask, digest, ikm, salt, info, keylen, go) => {
      const a = [digest, ikm, salt, info, keylen].map((v, i) => arg(realm, mask, i, v));
      const hkdf = crypto.hkdfSync as Call;
      // hkdf's output is at most 255 digests (16 KB) and Node checks the length against the digest: the probe derives.
      let out: Buffer | ArrayBuffer = new ArrayBuffer(0);
      return derive(
        () => void (out = hkdf(...a)),
        () => undefined,
        () => out,
        go === true,
      );
    },
  };
}
