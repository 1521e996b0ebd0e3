/**
 * The Web Crypto object (`globalThis.crypto`, `require('crypto').webcrypto`): getRandomValues,
 * randomUUID and subtle.digest (SHA-1/256/384/512, a Promise of a guest ArrayBuffer, computed at
 * once and settled from a later turn of the event loop). The other
 * SubtleCrypto methods reject with the sandbox's unsupported-feature error; there are no CryptoKeys.
 */
import { guard, type Caps } from '../../caps.js';
import { nodeError } from '../../node-errors.js';
import { guestBytes } from './digest-core.js';
import { isAnyArrayBuffer } from '../binary.js';
import { domException, failure, invalidThis, isBinary, unsupported } from './errors.js';

/** The digests subtle.digest knows, by Web Crypto name, with their Node names. */
const DIGESTS: Record<string, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

/** SubtleCrypto methods beyond digest, with Node's lengths (all unsupported here). */
const UNSUPPORTED: [string, number][] = [
  ['encrypt', 3], ['decrypt', 3], ['sign', 3], ['verify', 4], ['digest', 2], ['generateKey', 3],
  ['deriveKey', 5], ['deriveBits', 2], ['importKey', 5], ['exportKey', 2], ['wrapKey', 4], ['unwrapKey', 7],
];

function illegalConstructor(): Error {
  return nodeError('ERR_ILLEGAL_CONSTRUCTOR', 'TypeError', 'Illegal constructor');
}

/** The Web Crypto name of `algorithm` (Node's webidl conversion and normalizeAlgorithm for digest). */
function digestName(algorithm: unknown): string {
  let name: unknown = algorithm;
  if ((typeof algorithm === 'object' && algorithm !== null) || typeof algorithm === 'function') {
    name = (algorithm as { name?: unknown }).name;
    if (name === undefined) {
      throw nodeError('ERR_MISSING_OPTION', 'TypeError', "Failed to normalize algorithm: passed algorithm can not be converted to 'Algorithm' because 'name' is required in 'Algorithm'.");
    }
  }
  const upper = `${name as string}`.toUpperCase();
  for (const key of Object.keys(DIGESTS)) if (key === upper) return key;
  throw domException('Unrecognized algorithm name', 'NotSupportedError');
}

/** Builds Crypto, SubtleCrypto, CryptoKey and the one Crypto instance. */
export function createWebCrypto(caps: Caps, random: { getRandomValues(array: unknown): unknown; randomUUID(): string }, later: (callback: Function, ...args: unknown[]) => void) {
  let building = true;
  class SubtleCrypto {
    constructor() {
      if (!building) throw illegalConstructor();
    }
  }
  class Crypto {
    constructor() {
      if (!building) throw illegalConstructor();
    }
  }
  class CryptoKey {
    constructor() {
      throw illegalConstructor();
    }
  }
  const subtle = new SubtleCrypto();
  const crypto = new Crypto();
  building = false;

  async function digest(this: unknown, algorithm: unknown, data: unknown): Promise<ArrayBuffer> {
    if (this !== subtle) throw invalidThis('SubtleCrypto');
    const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
    if (arguments.length < 2) throw nodeError('ERR_MISSING_ARGS', 'TypeError', `${prefix}: 2 arguments required, but only ${arguments.length} present.`);
    const identifier = (typeof algorithm === 'object' && algorithm !== null) || typeof algorithm === 'function' ? algorithm : `${algorithm as string}`;
    if (!isBinary(data)) throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `${prefix}: 2nd argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
    const name = DIGESTS[digestName(identifier)]!;
    const input = isAnyArrayBuffer(data) ? new Uint8Array(data) : data;
    const out = guard(() => caps.cryptoHash(0, name, input, 'buffer', undefined));
    if (typeof out === 'number') throw failure(caps);
    // Node's digest settles from the threadpool, in a later turn of the event loop.
    const result = typeof out === 'string' ? new ArrayBuffer(0) : (guestBytes(out).buffer as ArrayBuffer);
    return new Promise<ArrayBuffer>((resolve) => later(resolve, result));
  }

  const methods: PropertyDescriptorMap = {};
  for (const [name, length] of UNSUPPORTED) {
    const method =
      name === 'digest'
        ? digest
        : {
            async [name](this: unknown) {
              if (this !== subtle) throw invalidThis('SubtleCrypto');
              throw unsupported(`SubtleCrypto.${name}`);
            },
          }[name]!;
    Object.defineProperty(method, 'length', { value: length });
    methods[name] = { value: method, writable: true, enumerable: true, configurable: true };
  }
  Object.defineProperties(SubtleCrypto.prototype, { ...methods, [Symbol.toStringTag]: { value: 'SubtleCrypto', configurable: true } });

  const cryptoMethods = {
    getRandomValues(this: unknown, array: unknown) {
      if (this !== crypto) throw invalidThis('Crypto');
      return random.getRandomValues(array);
    },
    randomUUID(this: unknown) {
      if (this !== crypto) throw invalidThis('Crypto');
      return random.randomUUID();
    },
  };
  Object.defineProperties(Crypto.prototype, {
    [Symbol.toStringTag]: { value: 'Crypto', configurable: true },
    subtle: {
      get: function subtleOf(this: unknown) {
        if (this !== crypto) throw invalidThis('Crypto');
        return subtle;
      },
      enumerable: true,
      configurable: true,
    },
    getRandomValues: { value: cryptoMethods.getRandomValues, writable: true, enumerable: true, configurable: true },
    randomUUID: { value: cryptoMethods.randomUUID, writable: true, enumerable: true, configurable: true },
  });
  Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });
  return { crypto, subtle, Crypto, SubtleCrypto, CryptoKey };
}
