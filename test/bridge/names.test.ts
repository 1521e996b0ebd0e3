import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { bytesToName, displayName, hasEscapes, isUtf8Name, nameToBytes } from '../../bridge/names/index.js';
import { encodeErrorRecord, decodeErrorRecord } from '../../bridge/wire/errors.js';
import { pathArg } from '../../host/fs/args.js';

/** Deterministic pseudo-random bytes, biased towards the bytes UTF-8 sequences are made of. */
function randomBytes(seed: number, length: number): Uint8Array {
  let x = seed >>> 0 || 1;
  const next = (): number => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0);
  const pool = [0x2f, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x8f, 0x90];
  return Uint8Array.from({ length }, () => (next() % 3 === 0 ? next() & 0xff : pool[next() % pool.length]!));
}

describe('name strings keep every byte', () => {
  it('round-trips 20,000 random byte names and agrees with node on validity and display', () => {
    for (let seed = 1; seed <= 20_000; seed++) {
      const bytes = randomBytes(seed, 1 + (seed % 12));
      const name = bytesToName(bytes);
      expect(Buffer.from(nameToBytes(name)).equals(Buffer.from(bytes))).toBe(true);
      expect(isUtf8Name(bytes)).toBe(isUtf8(bytes));
      expect(hasEscapes(name)).toBe(!isUtf8(bytes));
      expect(displayName(name)).toBe(Buffer.from(bytes).toString('utf8'));
      if (isUtf8(bytes)) expect(name).toBe(Buffer.from(bytes).toString('utf8'));
    }
  });

  it('escapes exactly the bytes outside valid sequences', () => {
    expect(bytesToName(Uint8Array.of(0x3d, 0xd8, 0x3d, 0xdc, 0x04))).toBe('=\udcd8=\udcdc\u0004');
    // An encoded surrogate, an overlong form and a code point past U+10FFFF are not UTF-8.
    expect(bytesToName(Uint8Array.of(0xed, 0xa0, 0x80))).toBe('\udced\udca0\udc80');
    expect(bytesToName(Uint8Array.of(0xc0, 0xaf))).toBe('\udcc0\udcaf');
    expect(bytesToName(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe('\udcf4\udc90\udc80\udc80');
    expect(bytesToName(Buffer.from('caf\u00e9 \u{1f600}'))).toBe('caf\u00e9 \u{1f600}');
  });

  it('writes a lone surrogate that stands for no byte as U+FFFD, as a string path is converted', () => {
    expect(Buffer.from(nameToBytes('a\ud800b\udc00')).toString('hex')).toBe('61efbfbd62efbfbd');
    expect(Buffer.from(nameToBytes('\udc7f')).toString('hex')).toBe('efbfbd');
  });

  it('takes long names without overflowing the argument list', () => {
    const bytes = new Uint8Array(100_000).fill(0xff);
    expect(nameToBytes(bytesToName(bytes))).toEqual(bytes);
  });
});

describe('the host takes a path as a string or as raw bytes', () => {
  it('decodes bytes to the name string, canonicalises stray surrogates, refuses NUL and other types', () => {
    expect(pathArg(Uint8Array.of(0x61, 0xff), 'path')).toBe('a\udcff');
    expect(pathArg('x\ud800', 'path')).toBe('x\ufffd');
    expect(pathArg('a\udcff', 'path')).toBe('a\udcff');
    expect(() => pathArg(Uint8Array.of(0x61, 0x00), 'path')).toThrow(/without null bytes/);
    expect(() => pathArg({ length: 1 }, 'path')).toThrow(/without null bytes/);
    expect(() => pathArg(5, 'path')).toThrow(/without null bytes/);
  });

  it('sends an error naming such a path as Node prints it', () => {
    const record = decodeErrorRecord(encodeErrorRecord({ code: 'ENOENT', syscall: 'open', path: '/a\udcfe\udcc3(', dest: '/b\udcff', message: "x '/a\udcfe'" }));
    expect(record).toMatchObject({ path: '/a\ufffd\ufffd(', dest: '/b\ufffd', message: "x '/a\ufffd'" });
  });
});
