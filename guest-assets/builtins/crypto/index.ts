/**
 * The guest's `crypto` built-in and the Web Crypto globals (`crypto`, `Crypto`, `SubtleCrypto`,
 * `CryptoKey`), with Node 20's API, results and errors: hashes, HMAC, random values, pbkdf2,
 * scrypt, hkdf and subtle.digest, computed by the Worker's own node:crypto through capabilities
 * (caps.ts) that move only primitives and guest-realm bytes. What is not offered (unsupported.ts)
 * still exists and throws a stable error. Nothing is built before the first use.
 */
import type { BuiltinContext } from '../registry.js';
import { guard } from '../../caps.js';
import { guestBuffer } from './digest-core.js';
import { createHashes } from './hash.js';
import { createKdf } from './kdf.js';
import { createRandom } from './random.js';
import { UNSUPPORTED_CLASSES, UNSUPPORTED_FUNCTIONS, unsupportedClass, unsupportedFunction } from './unsupported.js';
import { createWebCrypto } from './webcrypto.js';

/** The enumerable exports in Node's order (the module's keys as `Object.keys` lists them). */
const ORDER = [
  'checkPrime', 'checkPrimeSync', 'createCipheriv', 'createDecipheriv', 'createDiffieHellman', 'createDiffieHellmanGroup',
  'createECDH', 'createHash', 'createHmac', 'createPrivateKey', 'createPublicKey', 'createSecretKey', 'createSign',
  'createVerify', 'diffieHellman', 'generatePrime', 'generatePrimeSync', 'getCiphers', 'getCipherInfo', 'getCurves',
  'getDiffieHellman', 'getHashes', 'hkdf', 'hkdfSync', 'pbkdf2', 'pbkdf2Sync', 'generateKeyPair', 'generateKeyPairSync',
  'generateKey', 'generateKeySync', 'privateDecrypt', 'privateEncrypt', 'publicDecrypt', 'publicEncrypt', 'randomBytes',
  'randomFill', 'randomFillSync', 'randomInt', 'randomUUID', 'scrypt', 'scryptSync', 'sign', 'setEngine',
  'timingSafeEqual', 'getFips', 'setFips', 'verify', 'hash', 'Certificate', 'Cipher', 'Cipheriv', 'Decipher',
  'Decipheriv', 'DiffieHellman', 'DiffieHellmanGroup', 'ECDH', 'Hash', 'Hmac', 'KeyObject', 'Sign', 'Verify',
  'X509Certificate', 'secureHeapUsed',
];

type Facts = [constants: Record<string, number | string>, fips: number, heap: Record<string, number>];

function build(ctx: BuiltinContext) {
  const { caps, Buffer } = ctx;
  const later = (callback: Function, ...args: unknown[]) => void ctx.timers.setImmediate(() => Reflect.apply(callback, undefined, args));
  const hashes = createHashes(caps, Buffer, () => ctx.require('stream') as { Transform: Function & { prototype: object } });
  const toBuffer = (bytes: Uint8Array) => guestBuffer(bytes, Buffer);
  const random = createRandom(caps, Buffer, later, ctx.process.nextTick as (callback: Function, ...args: unknown[]) => void);
  const kdf = createKdf(caps, toBuffer, later);
  const web = createWebCrypto(caps, random, later);
  const facts = JSON.parse(String(guard(() => caps.cryptoFacts()))) as Facts;

  const values: Record<string, unknown> = {
    ...hashes,
    ...kdf,
    randomBytes: random.randomBytes,
    randomFill: random.randomFill,
    randomFillSync: random.randomFillSync,
    randomInt: random.randomInt,
    randomUUID: random.randomUUID,
    timingSafeEqual: random.timingSafeEqual,
    // No cipher or curve is offered (createCipheriv, createECDH... throw).
    getCiphers: () => [],
    getCurves: () => [],
    getFips: () => facts[1],
    secureHeapUsed: () => ({ ...facts[2] }),
  };
  for (const name of UNSUPPORTED_FUNCTIONS) values[name] ??= unsupportedFunction(name);
  for (const name of UNSUPPORTED_CLASSES) values[name] = unsupportedClass(name);

  const exports: Record<string, unknown> = {};
  for (const name of ORDER) exports[name] = values[name];
  const getRandomValues = function getRandomValues(array: unknown) {
    return Reflect.apply((web.Crypto.prototype as unknown as { getRandomValues: Function }).getRandomValues, web.crypto, [array]);
  };
  const fixed = (get: () => unknown) => ({ get, set: undefined, enumerable: true, configurable: false });
  const deprecatedRandomBytes = { get: () => random.randomBytes, set: () => undefined, enumerable: false, configurable: true };
  Object.defineProperties(exports, {
    constants: { value: Object.assign(Object.create(null) as object, facts[0]), writable: false, enumerable: true, configurable: false },
    webcrypto: fixed(() => web.crypto),
    subtle: fixed(() => web.subtle),
    getRandomValues: fixed(() => getRandomValues),
    createCipher: { value: values.createCipher, writable: false, enumerable: false, configurable: false },
    createDecipher: { value: values.createDecipher, writable: false, enumerable: false, configurable: false },
    fips: { get: () => facts[1], set: values.setFips as () => void, enumerable: false, configurable: false },
    prng: deprecatedRandomBytes,
    pseudoRandomBytes: deprecatedRandomBytes,
    rng: deprecatedRandomBytes,
  });
  return { exports, web };
}

/** Registers `crypto` and the Web Crypto globals, all built together on the first use of any. */
export function defineCrypto(ctx: BuiltinContext): void {
  let built: ReturnType<typeof build> | undefined;
  const get = () => (built ??= build(ctx));
  ctx.define('crypto', () => get().exports);
  ctx.defineGlobal('crypto', () => get().web.crypto);
  ctx.defineGlobal('Crypto', () => get().web.Crypto);
  ctx.defineGlobal('SubtleCrypto', () => get().web.SubtleCrypto);
  ctx.defineGlobal('CryptoKey', () => get().web.CryptoKey);
}
