/**
 * Hash and Hmac behind the guest's objects: the Worker's own node:crypto objects in a table keyed
 * by small integers (the guest holds only the number), freed on digest (or when the guest object
 * is collected), at most MAX_LIVE_HASHES at once.
 */
import crypto from 'node:crypto';
import type { CryptoCaps } from '../../../../guest-assets/builtins/crypto/caps.js';
import type { Realm } from '../../realm.js';
import { arg, bytesOf, limitError, toGuest } from './args.js';
import { MAX_LIVE_HASHES, MAX_OUTPUT_BYTES } from './limits.js';

type Digester = crypto.Hash | crypto.Hmac;

/**
 * Runs a capability body; a throw is remembered (as primitives, see CryptoCaps.cryptoError) and
 * `failure` (default -1) returned instead.
 */
export type Run = <T, F = number>(body: () => T, failure?: F) => T | F;

class Handles {
  readonly #live = new Map<number, Digester>();
  #next = 1;

  add(h: Digester): number {
    if (this.#live.size >= MAX_LIVE_HASHES) {
      throw limitError(`Live Hash and Hmac objects are more than the sandbox limit of ${MAX_LIVE_HASHES} (each is released by its digest())`);
    }
    const id = this.#next++;
    this.#live.set(id, h);
    return id;
  }

  get(id: number): Digester {
    const h = this.#live.get(id);
    if (h === undefined) throw new Error('Digest already called');
    return h;
  }

  delete(id: number): void {
    this.#live.delete(id);
  }
}

/** A guest string stays a string; guest bytes are read in place. */
function input(realm: Realm, data: unknown): string | Buffer {
  return typeof data === 'string' ? data : bytesOf(realm, data);
}

/** Hash options from a primitive outputLength (-0 is 0: Node 20's native check aborts the process on -0). */
function xofOptions(outputLength: unknown): crypto.HashOptions | undefined {
  return outputLength === undefined ? undefined : { outputLength: Object.is(outputLength, -0) ? 0 : (outputLength as number) };
}

/**
 * Makes a Hash (or its copy) with `outputLength`: over the sandbox's bound, Node still checks
 * everything (with the bound as the length) before the limit error.
 */
function withLength<T>(outputLength: unknown, make: (options: crypto.HashOptions | undefined) => T): T {
  if (typeof outputLength !== 'number' || !(outputLength > MAX_OUTPUT_BYTES && outputLength <= 0xffffffff && Number.isInteger(outputLength))) return make(xofOptions(outputLength));
  make({ outputLength: MAX_OUTPUT_BYTES });
  throw limitError(`The output length (${outputLength}) is greater than the sandbox limit of ${MAX_OUTPUT_BYTES} bytes`);
}

/** Node's createHash or createHmac, options built from primitives only. */
function create(hmac: boolean, algorithm: unknown, option: unknown, key: unknown): Digester {
  if (hmac) return crypto.createHmac(algorithm as string, key as string, option === undefined ? undefined : { encoding: option as BufferEncoding });
  return withLength(option, (options) => crypto.createHash(algorithm as string, options));
}

/** An encoding or name from the guest bundle: a string, or nothing (never a guest object's own conversion). */
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Text encodings `crypto.hash` and `digest` treat alike (others differ on unknown names). */
const ONE_SHOT = new Set(['hex', 'base64']);

export function hashCaps(realm: Realm, run: Run): Pick<CryptoCaps, 'cryptoOpen' | 'cryptoUpdate' | 'cryptoDigest' | 'cryptoCopy' | 'cryptoFree' | 'cryptoOnce' | 'cryptoHash' | 'cryptoHashes'> {
  const handles = new Handles();
  return {
    cryptoOpen: (mask, hmac, algorithm, option, key, data, encoding) =>
      run(() => {
        const h = create(hmac === true, arg(realm, mask, 0, algorithm), arg(realm, mask, 1, option), arg(realm, mask, 2, key));
        if (data !== undefined) h.update(input(realm, data) as string, str(encoding) as BufferEncoding);
        return handles.add(h);
      }) as number,
    cryptoUpdate: (id, data, encoding) =>
      run(() => {
        handles.get(id).update(input(realm, data) as string, str(encoding) as BufferEncoding);
        return 0;
      }) as number,
    cryptoDigest: (id, encoding, scratch) =>
      run(() => {
        const out = handles.get(id).digest(str(encoding) as crypto.BinaryToTextEncoding) as string | Buffer;
        handles.delete(id);
        return toGuest(realm, out, scratch);
      }),
    cryptoCopy: (mask, id, outputLength) =>
      run(() => {
        const xof = arg(realm, mask, 0, outputLength);
        const h = handles.get(id) as crypto.Hash;
        return handles.add(withLength(xof, (options) => h.copy(options)));
      }) as number,
    cryptoFree: (id) => void run(() => handles.delete(id)),
    cryptoOnce: (hmac, algorithm, option, key, data, encoding, output, scratch) =>
      run(() => {
        const [name, textEncoding, outputEncoding] = [String(str(algorithm)), str(encoding), str(output)];
        const bytes = input(realm, data);
        if (!hmac && option === undefined && (textEncoding === undefined || typeof bytes !== 'string') && (outputEncoding === undefined || ONE_SHOT.has(outputEncoding))) {
          return toGuest(realm, crypto.hash(name, bytes, (outputEncoding ?? 'buffer') as 'hex'), scratch);
        }
        const h = create(hmac === true, name, option, key === undefined ? undefined : input(realm, key));
        return toGuest(realm, h.update(bytes as string, textEncoding as BufferEncoding).digest(outputEncoding as crypto.BinaryToTextEncoding) as string | Buffer, scratch);
      }),
    cryptoHash: (mask, algorithm, data, outputEncoding, scratch) =>
      run(() => {
        const hash = crypto.hash as (a: unknown, d: unknown, e: unknown) => string | Buffer;
        return toGuest(realm, hash(arg(realm, mask, 0, algorithm), arg(realm, mask, 1, data), arg(realm, mask, 2, outputEncoding)), scratch);
      }),
    cryptoHashes: () => run(() => crypto.getHashes().join('\u0000')) as string,
  };
}
