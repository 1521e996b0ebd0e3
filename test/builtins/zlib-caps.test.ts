import * as vm from 'node:vm';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_ENGINE_BYTES, MAX_ENGINES, zlibCaps } from '../../host/worker/caps/zlib.js';
import { Realm } from '../../host/worker/realm.js';
import type { GuestApi } from '../../guest-assets/caps.js';

/**
 * The Worker's zlib capabilities without a Worker: a vm context plays the guest realm. Every
 * argument a native call would CHECK (and abort the process on) is refused first; engines follow
 * the sandbox's limits; a failed engine is closed; nothing from this realm is accepted as guest memory.
 */
const context = vm.createContext();
const guest = <T>(code: string): T => vm.runInContext(code, context) as T;
const realm = new Realm(guest<object>('Object.prototype'), () => ({}) as GuestApi);
const C = zlib.constants;
const bytes = (text: string) => guest<Uint8Array>(`new Uint8Array(${JSON.stringify([...Buffer.from(text)])})`);
const out = (n: number) => guest<Uint8Array>(`new Uint8Array(${n})`);
const state = () => guest<Uint32Array>('new Uint32Array(2)');
const errorOf = (caps: ReturnType<typeof zlibCaps>) => caps.zlibError().split('\u0000');

describe('zlib capabilities', () => {
  it('gives node:zlib constants in order and crc32', () => {
    const caps = zlibCaps(realm);
    expect(caps.zlibConstants()).toBe(Object.entries(C).map(([k, v]) => `${k}=${v}`).join(','));
    expect(caps.zlibCrc32('hello', 0)).toBe(zlib.crc32('hello'));
    expect(caps.zlibCrc32(bytes('hello'), 7)).toBe(zlib.crc32('hello', 7));
    expect(caps.zlibCrc32(Buffer.from('hello'), 0)).toBe(-1);
    expect(caps.zlibCrc32('x', -1)).toBe(-1);
    expect(caps.zlibOutputLimit()).toBe(256 * 1024 * 1024);
  });

  it('steps an engine through guest memory in place, as node does', () => {
    const caps = zlibCaps(realm);
    const gz = caps.zlibOpen(C.GZIP, 15, 6, 8, 0, undefined);
    expect(gz).toBeGreaterThan(0);
    const input = bytes('hello hello hello');
    const target = out(200);
    const s = state();
    expect(caps.zlibWrite(gz, C.Z_FINISH, input, 0, input.length, target, 0, 200, s)).toBe(0);
    const produced = 200 - s[0]!;
    expect(s[1]).toBe(0);
    expect(Buffer.from(target.subarray(0, produced))).toEqual(zlib.gzipSync('hello hello hello'));
    caps.zlibClose(gz);
    const gunzip = caps.zlibOpen(C.GUNZIP, 0, -1, 8, 0, undefined);
    const back = out(100);
    expect(caps.zlibWrite(gunzip, C.Z_FINISH, target, 0, produced, back, 10, 90, s)).toBe(0);
    expect(Buffer.from(back.subarray(10, 10 + 90 - s[0]!)).toString()).toBe('hello hello hello');
    caps.zlibClose(gunzip);
  });

  it('refuses every argument the native binding would abort on', () => {
    const caps = zlibCaps(realm);
    const id = caps.zlibOpen(C.DEFLATE, 15, 6, 8, 0, undefined);
    const input = bytes('abc');
    const target = out(64);
    const bad: unknown[][] = [
      [id + 100, 0, input, 0, 3, target, 0, 64, state()],
      [id, 6, input, 0, 3, target, 0, 64, state()],
      [id, -1, input, 0, 3, target, 0, 64, state()],
      [id, 1.5, input, 0, 3, target, 0, 64, state()],
      [id, '0', input, 0, 3, target, 0, 64, state()],
      [id, 0, input, 1, 3, target, 0, 64, state()],
      [id, 0, input, 0, 4, target, 0, 64, state()],
      [id, 0, input, 0, 3, target, 1, 64, state()],
      [id, 0, input, 0, 3, target, 0, 65, state()],
      [id, 0, input, -1, 3, target, 0, 64, state()],
      [id, 0, input, 0, 3, target, 0, 2 ** 32, state()],
      [id, 0, Buffer.from('abc'), 0, 3, target, 0, 64, state()],
      [id, 0, input, 0, 3, Buffer.alloc(64), 0, 64, state()],
      [id, 0, [1, 2, 3], 0, 3, target, 0, 64, state()],
      [id, 0, input, 0, 3, target, 0, 64, guest('new Uint8Array(8)')],
      [id, 0, input, 0, 3, target, 0, 64, guest('new Uint32Array(1)')],
      [id, 0, input, 0, 3, target, 0, 64, new Uint32Array(2)],
      [id, 0, input, 0, 3, guest('new Float64Array(8)'), 0, 8, state()],
      [id, 0, { valueOf: () => 0 }, 0, 3, target, 0, 64, state()],
    ];
    for (const args of bad) expect((caps.zlibWrite as (...a: unknown[]) => number)(...args)).toBe(-1);
    expect(caps.zlibParams(id, 10, 0)).toBe(-1);
    expect(caps.zlibParams(id, 1, 5)).toBe(-1);
    expect(caps.zlibParams(id, '1' as never, 1)).toBe(-1);
    expect(caps.zlibParams(id, 1, 1)).toBe(0);
    // The engine is still good after refused calls.
    const s = state();
    expect(caps.zlibWrite(id, C.Z_FINISH, input, 0, 3, target, 0, 64, s)).toBe(0);
    expect(zlib.inflateSync(target.subarray(0, 64 - s[0]!)).toString()).toBe('abc');
    const brotli = caps.zlibOpen(C.BROTLI_ENCODE, 0, 0, 0, 0, guest('new Uint32Array(10).fill(0xffffffff)'));
    expect(caps.zlibWrite(brotli, 4, input, 0, 3, target, 0, 64, state())).toBe(-1);
    for (const [mode, extra] of [[0, undefined], [10, undefined], [1.5, undefined], [C.BROTLI_ENCODE, undefined], [C.BROTLI_ENCODE, new Uint32Array(10)], [C.DEFLATE, Buffer.from('dict')], [C.DEFLATE, guest('new Uint16Array(2)')]] as const) {
      expect(caps.zlibOpen(mode, 15, 6, 8, 0, extra as never)).toBe(-1);
    }
    expect(caps.zlibOpen(C.DEFLATE, 16, 6, 8, 0, undefined)).toBe(-1);
    expect(errorOf(caps)[0]).toBe('ERR_OUT_OF_RANGE');
    caps.zlibClose(id);
    caps.zlibClose(brotli);
    caps.zlibClose(id);
    expect(caps.zlibReset(id)).toBe(-1);
  });

  it('reports an engine error with its errno and closes the engine', () => {
    const caps = zlibCaps(realm);
    const id = caps.zlibOpen(C.GUNZIP, 0, -1, 8, 0, undefined);
    const junk = bytes('not gzip data');
    expect(caps.zlibWrite(id, C.Z_FINISH, junk, 0, junk.length, out(64), 0, 64, state())).toBe(-1);
    expect(errorOf(caps)).toEqual(['Z_DATA_ERROR', 'Error', '-3', 'incorrect header check']);
    expect(caps.zlibWrite(id, C.Z_FINISH, junk, 0, junk.length, out(64), 0, 64, state())).toBe(-1);
    expect(errorOf(caps)[3]).toBe('zlib binding closed');
  });

  it('bounds live engines by count and by estimated native memory; closing frees them', () => {
    const caps = zlibCaps(realm);
    const ids: number[] = [];
    for (let i = 0; i < MAX_ENGINES; i++) ids.push(caps.zlibOpen(C.INFLATE, 0, -1, 8, 0, undefined));
    expect(ids.every((id) => id > 0)).toBe(true);
    // -2: all taken for now (the guest may wait for one to close).
    expect(caps.zlibOpen(C.INFLATE, 0, -1, 8, 0, undefined)).toBe(-2);
    expect(errorOf(caps)[0]).toBe('ERR_ZLIB_INITIALIZATION_FAILED');
    caps.zlibClose(ids.pop()!);
    const again = caps.zlibOpen(C.INFLATE, 0, -1, 8, 0, undefined);
    expect(again).toBeGreaterThan(0);
    for (const id of [...ids, again]) caps.zlibClose(id);

    const lgwin24 = () => {
      const params = guest<Uint32Array>('new Uint32Array(10).fill(0xffffffff)');
      params[C.BROTLI_PARAM_LGWIN] = 24;
      return caps.zlibOpen(C.BROTLI_ENCODE, 0, 0, 0, 0, params);
    };
    const big: number[] = [];
    let id: number;
    while ((id = lgwin24()) > 0) big.push(id);
    expect(id).toBe(-2);
    expect(big.length).toBe(Math.floor(MAX_ENGINE_BYTES / (4 * 2 ** 24 + (4 << 20))));
    expect(errorOf(caps)[3]).toContain('native memory');
    caps.zlibClose(big.pop()!);
    expect(lgwin24()).toBeGreaterThan(0);
  });

  it('refuses brotli large windows', () => {
    const caps = zlibCaps(realm);
    for (const [mode, key] of [[C.BROTLI_ENCODE, C.BROTLI_PARAM_LARGE_WINDOW], [C.BROTLI_DECODE, C.BROTLI_DECODER_PARAM_LARGE_WINDOW]]) {
      const params = guest<Uint32Array>('new Uint32Array(10).fill(0xffffffff)');
      params[key!] = 1;
      expect(caps.zlibOpen(mode!, 0, 0, 0, 0, params)).toBe(-1);
      expect(errorOf(caps)[0]).toBe('ERR_ZLIB_INITIALIZATION_FAILED');
      params[key!] = 0;
      const id = caps.zlibOpen(mode!, 0, 0, 0, 0, params);
      expect(id).toBeGreaterThan(0);
      caps.zlibClose(id);
    }
  });
});
