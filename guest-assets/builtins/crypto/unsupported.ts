/**
 * The parts of Node's crypto the sandbox does not offer (keys, ciphers, signatures, key agreement,
 * primes, certificates, engines and FIPS switching): they exist, so `require('crypto')` and feature
 * checks work, and throw ERR_FEATURE_UNAVAILABLE_ON_PLATFORM when called or constructed.
 */
import { unsupported } from './errors.js';

/** Functions of `crypto` that are not offered. */
export const UNSUPPORTED_FUNCTIONS = [
  'checkPrime', 'checkPrimeSync', 'createCipheriv', 'createDecipheriv', 'createDiffieHellman', 'createDiffieHellmanGroup',
  'createECDH', 'createPrivateKey', 'createPublicKey', 'createSecretKey', 'createSign', 'createVerify', 'diffieHellman',
  'generatePrime', 'generatePrimeSync', 'getCipherInfo', 'getDiffieHellman', 'generateKeyPair', 'generateKeyPairSync',
  'generateKey', 'generateKeySync', 'privateDecrypt', 'privateEncrypt', 'publicDecrypt', 'publicEncrypt', 'sign',
  'setEngine', 'setFips', 'verify', 'createCipher', 'createDecipher',
] as const;

/** Classes of `crypto` that are not offered. */
export const UNSUPPORTED_CLASSES = [
  'Certificate', 'Cipher', 'Cipheriv', 'Decipher', 'Decipheriv', 'DiffieHellman', 'DiffieHellmanGroup', 'ECDH',
  'KeyObject', 'Sign', 'Verify', 'X509Certificate',
] as const;

/** A function named `name` that throws the unsupported-feature error for `crypto.<name>`. */
export function unsupportedFunction(name: string): Function {
  return {
    [name](): never {
      throw unsupported(`crypto.${name}`);
    },
  }[name]!;
}

/** A class named `name` whose construction (or call) throws the unsupported-feature error. */
export function unsupportedClass(name: string): Function {
  return {
    [name]: function (): never {
      throw unsupported(`crypto.${name}`);
    },
  }[name]!;
}
