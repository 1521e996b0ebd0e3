import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runGuest } from '../e2e/helpers.js';

/**
 * The crypto module's bounds (host/worker/caps/crypto/limits.ts): work and memory of one call, XOF
 * output, live Hash/Hmac objects. Each over-limit call ends with a RangeError (ERR_CRYPTO_SANDBOX_LIMIT,
 * or Node's own error where Node has one) and the next call works.
 */
async function guest(source: string): Promise<unknown> {
  const r = await runGuest(`const crypto = require('crypto');
const out = {};
const attempt = (name, f) => { const t = Date.now(); try { const v = f(); out[name] = { ok: typeof v === 'object' && v ? v.length ?? v.byteLength : v }; } catch (e) { out[name] = { name: e.name, code: e.code, message: e.message }; } out[name].ms = Date.now() - t; };
${source}
console.log(JSON.stringify(out));`);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('crypto limits', () => {
  it('pbkdf2 refuses more work than the bound, at once, in both forms, after Node has checked the arguments', async () => {
    const out = (await guest(`
attempt('work', () => crypto.pbkdf2Sync('p', 's', 2 ** 31 - 1, 64, 'sha512'));
attempt('blocks', () => crypto.pbkdf2Sync('p', 's', 2 ** 20, 64 * 9, 'sha512'));
attempt('async', () => crypto.pbkdf2('p', 's', 2 ** 24, 20, 'sha1', () => { throw new Error('called'); }));
attempt('keylen', () => crypto.pbkdf2Sync('p', 's', 1, 2 ** 31 - 1, 'sha1'));
attempt('node first', () => crypto.pbkdf2Sync('p', 's', 2 ** 31 - 1, 64, 'nope'));
attempt('zero length is free', () => crypto.pbkdf2Sync('p', 's', 2 ** 31 - 1, 0, 'sha1'));
attempt('after', () => crypto.pbkdf2Sync('p', 's', 1000, 32, 'sha256').toString('hex'));`)) as Record<string, { code?: string; message?: string; ok?: unknown; ms: number }>;
    expect(out.work).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT', message: 'The pbkdf2 work (iterations × output blocks = 2147483647) is greater than the sandbox limit of 8388608' });
    expect(out.blocks!.message).toContain('= 9437184)');
    expect(out.async).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT' });
    expect(out.keylen).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT', message: 'The derived key length (2147483647) is greater than the sandbox limit of 67108864 bytes' });
    expect(out['node first']).toMatchObject({ code: 'ERR_CRYPTO_INVALID_DIGEST' });
    expect(out['zero length is free']).toMatchObject({ ok: 0 });
    expect(out.after!.ok).toBe('07f5f5e23e40846c35c4c7bbc8244ee25ed607c7f18301e9805d16771f287971');
    for (const k of ['work', 'async', 'keylen', 'node first', 'zero length is free']) expect(out[k]!.ms).toBeLessThan(500);
  });

  it('scrypt lowers maxmem to the bound (Node reports it) and refuses more work than the bound', async () => {
    const out = (await guest(`
attempt('memory', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 20, r: 8, maxmem: 2 ** 53 - 1 }));
attempt('fits', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 16, r: 8, maxmem: 2 ** 40 }));
attempt('work', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 10, r: 8, p: 2 ** 11, maxmem: 2 ** 40 }));
attempt('async work', () => crypto.scrypt('p', 's', 16, { N: 2 ** 10, r: 8, p: 2 ** 11, maxmem: 2 ** 40 }, () => {}));
attempt('async bad callback', () => crypto.scrypt('p', 's', 16, { N: 2 ** 10, r: 8, p: 2 ** 11, maxmem: 2 ** 40 }, 5));
attempt('keylen', () => crypto.scryptSync('p', 's', 2 ** 27, { N: 16 }));
attempt('after', () => crypto.scryptSync('p', 's', 16).toString('hex'));`)) as Record<string, { code?: string; message?: string; ok?: unknown; ms: number }>;
    expect(out.memory).toMatchObject({ code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', message: 'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded' });
    expect(out.fits).toMatchObject({ ok: 16 });
    expect(out.work).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT', message: 'The scrypt work (N × r × p = 16777216) is greater than the sandbox limit of 8388608' });
    expect(out['async work']).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT' });
    // As Node's own set-up errors, the limit comes after the callback check.
    expect(out['async bad callback']).toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    expect(out.keylen).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT' });
    expect(out.after!.ok).toBe('4329787752e75d1de359a05806e492d4');
  });

  it('an XOF digest longer than the bound is refused when the hash is made, after Node checked the rest', async () => {
    const out = (await guest(`
attempt('huge', () => crypto.createHash('shake128', { outputLength: 2 ** 32 - 1 }));
attempt('copy', () => crypto.createHash('shake256').copy({ outputLength: 2 ** 30 }));
attempt('node first', () => crypto.createHash('nope', { outputLength: 2 ** 32 - 1 }));
attempt('not xof', () => crypto.createHash('sha256', { outputLength: 2 ** 32 - 1 }));
attempt('minus zero', () => crypto.createHash('shake128', { outputLength: -0 }).digest('hex'));
attempt('at the bound', () => crypto.createHash('shake128', { outputLength: 64 * 1024 * 1024 }).digest().length);`)) as Record<string, { code?: string; message?: string; ok?: unknown; ms: number }>;
    expect(out.huge).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT', message: 'The output length (4294967295) is greater than the sandbox limit of 67108864 bytes' });
    expect(out.copy).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT' });
    expect(out['node first']).toMatchObject({ message: 'Digest method not supported' });
    expect(out['not xof']).toMatchObject({ code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH' });
    // Node 20 aborts the whole process here (a native assertion); the sandbox gives the empty digest.
    expect(out['minus zero']).toMatchObject({ ok: '' });
    expect(out['at the bound']).toMatchObject({ ok: 64 * 1024 * 1024 });
  });

  it('live Hash and Hmac objects are bounded; a digest releases one; objects with short updates only hold none', async () => {
    const out = (await guest(`
const live = [];
// Views over 16 KB go to the Worker's Hash object at once (smaller ones are kept in the guest).
const big = Buffer.alloc(17 * 1024, 120);
attempt('fill', () => { for (let i = 0; i < 16384; i++) live.push(crypto.createHash('md5').update(big)); return live.length; });
attempt('one more', () => crypto.createHash('md5').update(big));
attempt('hmac too', () => crypto.createHmac('md5', new DataView(new ArrayBuffer(1))));
attempt('copy counts', () => live[0].copy());
attempt('release', () => live.pop().digest('hex'));
attempt('then one', () => crypto.createHash('md5').update(big).digest('hex'));
attempt('digest all', () => live.map((h) => h.digest('hex')).length);
attempt('short updates hold no handle', () => { const a = []; for (let i = 0; i < 10000; i++) a.push(crypto.createHash('sha1').update('s').update('t'), crypto.createHmac('sha1', 'k').update(Buffer.from('a')).update(new Uint16Array(2))); return a.length; });`)) as Record<string, { code?: string; message?: string; ok?: unknown; ms: number }>;
    expect(out.fill).toMatchObject({ ok: 16384 });
    expect(out['one more']).toMatchObject({ name: 'RangeError', code: 'ERR_CRYPTO_SANDBOX_LIMIT', message: 'Live Hash and Hmac objects are more than the sandbox limit of 16384 (each is released by its digest())' });
    expect(out['hmac too']).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT' });
    const md5 = createHash('md5').update(Buffer.alloc(17 * 1024, 120)).digest('hex');
    expect(out.release).toMatchObject({ ok: md5 });
    expect(out['then one']).toMatchObject({ ok: md5 });
    expect(out['copy counts']).toMatchObject({ code: 'ERR_CRYPTO_SANDBOX_LIMIT' });
    expect(out['digest all']).toMatchObject({ ok: 16383 });
    expect(out['short updates hold no handle']).toMatchObject({ ok: 20000 });
  });
});
