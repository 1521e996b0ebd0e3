import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm invariant for everything the crypto module hands the guest: the module and the Web
 * Crypto objects, Hash and Hmac objects before and after their stream side is used (and their
 * chunks), digests, derived keys, random values, errors of every kind (Node's own rebuilt from the
 * Worker's, OpenSSL's, DOMExceptions, sandbox limits, unsupported features), promises and their
 * values and reasons, and callback arguments. One foreign object would be an escape.
 */
describe('realm isolation of crypto', () => {
  it('every object reachable from crypto results, errors, promises and callbacks is the guest realm own', async () => {
    const r = await runGuest(
      `${PROBE}
const crypto = require('crypto');
const roots = { crypto, web: globalThis.crypto, subtle: crypto.subtle, Crypto, SubtleCrypto, CryptoKey };
const caught = (name, f) => { try { roots[name] = f(); } catch (e) { roots[name] = e; } };
roots.hash = crypto.createHash('sha256').update('a');
roots.hmac = crypto.createHmac('sha1', Buffer.from('k')).update(Buffer.from('a'));
roots.copy = roots.hash.copy();
roots.digestHex = crypto.createHash('md5').update('x').digest('hex');
roots.digestBuffer = crypto.createHash('md5').update(new Uint16Array([1])).digest();
roots.digestLatin1 = crypto.createHmac('md5', 'k').digest('latin1');
roots.xof = crypto.createHash('shake256', { outputLength: 7 }).digest();
roots.oneShot = crypto.hash('sha1', 'x', 'buffer');
roots.hashes = crypto.getHashes();
roots.random = crypto.randomBytes(8);
roots.filled = crypto.randomFillSync(new Uint32Array(2));
roots.values = crypto.getRandomValues(new Uint8Array(2));
roots.uuid = crypto.randomUUID();
roots.pbkdf2 = crypto.pbkdf2Sync('p', 's', 1, 8, 'sha1');
roots.scrypt = crypto.scryptSync('p', 's', 8, { N: 16 });
roots.hkdf = crypto.hkdfSync('sha256', 'k', 's', 'i', 8);
roots.heap = crypto.secureHeapUsed();
roots.constants = crypto.constants;
caught('badAlgorithm', () => crypto.createHash('nope'));
caught('badType', () => crypto.createHash({}));
caught('badData', () => crypto.createHash('md5').update([1]));
caught('openssl', () => crypto.createHash('sha256', { outputLength: 3 }));
caught('finalized', () => { const h = crypto.createHash('md5'); h.digest(); h.digest(); });
caught('hmacKey', () => crypto.createHmac('md5', function key() {}));
caught('randomSize', () => crypto.randomBytes(-1));
caught('randomInt', () => crypto.randomInt({}, 5));
caught('uuidOptions', () => crypto.randomUUID([]));
caught('quota', () => crypto.getRandomValues(new Uint8Array(65537)));
caught('mismatch', () => crypto.getRandomValues(new Float32Array(1)));
caught('timing', () => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)));
caught('scryptParams', () => crypto.scryptSync('p', 's', 8, { N: 3 }));
caught('pbkdf2Limit', () => crypto.pbkdf2Sync('p', 's', 2 ** 30, 64, 'sha512'));
caught('unsupported', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16)));
caught('unsupportedClass', () => new crypto.KeyObject());
caught('illegal', () => new CryptoKey());
const promises = {
  digest: crypto.subtle.digest('SHA-256', new Uint8Array(1)),
  digestAB: globalThis.crypto.subtle.digest({ name: 'SHA-1' }, new ArrayBuffer(2)),
  unknown: crypto.subtle.digest('MD5', new Uint8Array(1)),
  missing: crypto.subtle.digest('SHA-1'),
  badData: crypto.subtle.digest('SHA-1', 'x'),
  encrypt: crypto.subtle.encrypt({ name: 'AES-GCM' }, null, new Uint8Array(1)),
  randomBytes: new Promise((res) => crypto.randomBytes(4, function (...args) { res({ args, self: this }); })),
  randomFill: new Promise((res) => crypto.randomFill(new Uint8Array(4), (...args) => res(args))),
  randomInt: new Promise((res) => crypto.randomInt(5, (...args) => res(args))),
  pbkdf2: new Promise((res) => crypto.pbkdf2('p', 's', 1, 8, 'sha1', (...args) => res(args))),
  pbkdf2Failure: new Promise((res) => crypto.pbkdf2('p', 's', 1, 8, 'shake128', (...args) => res(args))),
  scrypt: new Promise((res) => crypto.scrypt('p', 's', 8, { N: 16 }, (...args) => res(args))),
  hkdf: new Promise((res) => crypto.hkdf('sha256', 'k', 's', 'i', 8, (...args) => res(args))),
  chunks: new Promise((res) => {
    const got = [];
    const h = crypto.createHash('sha1');
    h.on('data', (c) => got.push(c));
    h.on('end', () => res({ got, h }));
    h.end('stream');
  }),
  hexChunks: new Promise((res) => {
    const h = crypto.createHmac('sha1', 'k');
    h.setEncoding('hex');
    h.on('data', (c) => res({ c, h, state: h._readableState }));
    h.end('stream');
  }),
};
for (const [name, p] of Object.entries(promises)) roots[name + 'Promise'] = p;
const names = Object.keys(promises);
Promise.allSettled(Object.values(promises)).then((results) => {
  results.forEach((res, i) => { roots[names[i]] = res.status === 'fulfilled' ? res.value : res.reason; });
  // The probe does not call getters: the memory of every byte result is a root of its own.
  for (const [name, v] of Object.entries(roots)) if (ArrayBuffer.isView(v)) roots[name + 'Memory'] = v.buffer;
  for (const name of ['randomBytes', 'randomFill', 'pbkdf2', 'scrypt']) roots[name + 'Memory'] = (roots[name].args || roots[name])[1].buffer;
  roots.chunkMemory = roots.chunks.got[0].buffer;
  roots.streamed = crypto.createHash('md5');
  roots.streamed.write('x');
  const out = probe(roots);
  out.statuses = results.map((res) => res.status[0]).join('');
  out.instance = roots.hash instanceof require('stream').Transform;
  console.log(JSON.stringify(out));
});`,
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[]; statuses: string; instance: boolean };
    expect(out.statuses).toBe('ffrrrrfffffffff');
    expect(out.foreign).toEqual([]);
    expect(out.instance).toBe(true);
    expect(out.seen).toBeGreaterThan(1000);
  });

  it('the constructors reachable from crypto objects lead to no host', async () => {
    const r = await runGuest(`
const crypto = require('crypto');
const found = [];
const tryEscape = (name, v) => { try { const F = v.constructor.constructor; found.push(name + ':' + F('return typeof process === "object" && typeof process.reallyExit')()); } catch (e) { found.push(name + ':threw'); } };
tryEscape('hash', crypto.createHash('md5'));
tryEscape('digest', crypto.createHash('md5').digest());
tryEscape('error', (() => { try { crypto.createHash('nope'); } catch (e) { return e; } })());
tryEscape('openssl', (() => { try { crypto.createHash('md5', { outputLength: 1 }); } catch (e) { return e; } })());
tryEscape('dom', (() => { try { crypto.getRandomValues(new Float64Array(1)); } catch (e) { return e; } })());
tryEscape('subtle', crypto.subtle.digest('SHA-1', new Uint8Array(0)));
console.log(found.join(' '));`);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('hash:undefined digest:undefined error:undefined openssl:undefined dom:undefined subtle:undefined');
  });
});
