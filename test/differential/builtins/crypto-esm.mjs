// crypto as an ES module: the default export is the module object, named exports are its keys,
// node:crypto and crypto are the same; the global crypto is there without an import.
import crypto, { createHash, createHmac, randomBytes, webcrypto, subtle, getRandomValues, scryptSync, constants } from 'node:crypto';
import * as ns from 'crypto';
import def from 'crypto';

console.log(def === crypto, ns.default === crypto, ns.createHash === createHash, typeof ns.Hash, Object.keys(ns).length > 60);
console.log(createHash('sha1').update('esm').digest('hex'), createHmac('md5', 'k').update('esm').digest('base64'));
console.log(randomBytes(4).length, webcrypto === globalThis.crypto, subtle === webcrypto.subtle, getRandomValues(new Uint8Array(2)).length);
console.log(scryptSync('a', 'b', 8, { N: 16 }).toString('hex'), typeof constants.OPENSSL_VERSION_NUMBER);
console.log(Buffer.from(await subtle.digest('SHA-256', new TextEncoder().encode('esm'))).toString('hex'));
