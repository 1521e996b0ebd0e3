// The crypto module's shape: its keys in Node's order, descriptors of the getters and constants,
// function names and lengths, node:crypto, the constants and facts that are not computed.
const crypto = require('crypto');
console.log(require('node:crypto') === crypto, Object.keys(crypto).join(' '));
console.log(Object.getOwnPropertyNames(crypto).filter((k) => !Object.keys(crypto).includes(k)).sort().join(' '));
for (const k of ['webcrypto', 'subtle', 'getRandomValues', 'constants', 'fips', 'prng', 'rng', 'pseudoRandomBytes', 'createCipher', 'createHash', 'Hash']) {
  const d = Object.getOwnPropertyDescriptor(crypto, k);
  console.log(k, typeof d.get, typeof d.set, typeof d.value, d.enumerable, d.configurable, d.writable);
}
const implemented = ['createHash', 'createHmac', 'getHashes', 'hash', 'hkdf', 'hkdfSync', 'pbkdf2', 'pbkdf2Sync', 'randomBytes', 'randomFill', 'randomFillSync', 'randomInt', 'randomUUID', 'scrypt', 'scryptSync', 'timingSafeEqual', 'getRandomValues', 'Hash', 'Hmac', 'getFips', 'secureHeapUsed'];
console.log(implemented.map((k) => `${k}:${crypto[k].name}/${crypto[k].length}`).join(' '));
console.log(typeof crypto.constants, Object.getPrototypeOf(crypto.constants), Object.isFrozen(crypto.constants), Object.keys(crypto.constants).join(','));
console.log(crypto.constants.OPENSSL_VERSION_NUMBER, crypto.constants.RSA_PKCS1_PADDING, crypto.constants.defaultCoreCipherList, crypto.constants.POINT_CONVERSION_COMPRESSED);
console.log(crypto.getFips(), crypto.fips, JSON.stringify(crypto.secureHeapUsed()), crypto.secureHeapUsed() !== crypto.secureHeapUsed());
console.log(crypto.rng === crypto.randomBytes, crypto.prng === crypto.randomBytes, crypto.pseudoRandomBytes === crypto.randomBytes);
console.log(typeof crypto.KeyObject, typeof crypto.X509Certificate, typeof crypto.createCipheriv, typeof crypto.sign, typeof crypto.Certificate);
