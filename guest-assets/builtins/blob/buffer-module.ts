/**
 * `require('buffer')` as Node 20 exports it: the guest's Buffer and SlowBuffer, Node's limits,
 * `transcode`, `isUtf8`, `isAscii`, `atob`/`btoa`, `constants`, `INSPECT_MAX_BYTES`, and Blob, File
 * and `resolveObjectURL` (built on first use), in Node's key order.
 */
import * as bufferPackage from 'buffer';
import { describeReceived, nodeError } from '../../node-errors.js';
import type { BuiltinContext } from '../registry.js';

// V8's limits in Node 20 (the Worker runs the same V8): the largest typed array and string.
const MAX_LENGTH = 2 ** 32;
const MAX_STRING_LENGTH = 2 ** 29 - 24;

function bytesOfInput(input: unknown): Uint8Array {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "input" argument must be an instance of ArrayBuffer, Buffer, or TypedArray.${describeReceived(input)}`);
}

/** Whether `bytes` are well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
function wellFormedUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return false;
    const second = bytes[i + 1]!;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return false;
    for (let k = 2; k <= n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    i += n + 1;
  }
  return true;
}

const TRANSCODABLE = new Set(['ascii', 'latin1', 'binary', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'utf8', 'utf-8']);

/** Builds the module object over the bundled package's Buffer. */
export function bufferModule(ctx: BuiltinContext, blob: () => typeof import('./blob.js')): Record<string, unknown> {
  const pkg = bufferPackage;
  const { Buffer } = pkg;
  const g = ctx.global as { atob?: unknown; btoa?: unknown };
  const module: Record<string, unknown> = {
    Buffer,
    SlowBuffer: pkg.SlowBuffer,
    transcode(source: unknown, fromEncoding: string, toEncoding: string) {
      if (!(source instanceof Uint8Array)) {
        throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "source" argument must be an instance of Buffer or Uint8Array.${describeReceived(source)}`);
      }
      const from = String(fromEncoding).toLowerCase();
      const to = String(toEncoding).toLowerCase();
      if (!TRANSCODABLE.has(from) || !TRANSCODABLE.has(to)) {
        throw Object.assign(new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]'), { code: 'U_ILLEGAL_ARGUMENT_ERROR', errno: 1 });
      }
      let text = Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString(from as BufferEncoding);
      // ICU writes '?' for what the target cannot hold.
      if (to === 'ascii') text = text.replace(/[^\u0000-\u007f]/gu, '?');
      else if (to === 'latin1' || to === 'binary') text = text.replace(/[^\u0000-\u00ff]/gu, '?');
      return Buffer.from(text, to as BufferEncoding);
    },
    isUtf8: (input: unknown) => wellFormedUtf8(bytesOfInput(input)),
    isAscii: (input: unknown) => bytesOfInput(input).every((b) => b < 0x80),
    kMaxLength: MAX_LENGTH,
    kStringMaxLength: MAX_STRING_LENGTH,
    btoa: g.btoa,
    atob: g.atob,
    constants: { MAX_LENGTH, MAX_STRING_LENGTH },
  };
  // The package reads its own exports object at each inspect (the namespace's view of it is read-only).
  const exportsObject = ((pkg as { default?: { INSPECT_MAX_BYTES: number } }).default ?? pkg) as { INSPECT_MAX_BYTES: number };
  Object.defineProperty(module, 'INSPECT_MAX_BYTES', {
    get: () => exportsObject.INSPECT_MAX_BYTES,
    set: (v: number) => void (exportsObject.INSPECT_MAX_BYTES = v),
    enumerable: true,
    configurable: true,
  });
  for (const name of ['Blob', 'resolveObjectURL', 'File'] as const) {
    Object.defineProperty(module, name, { get: () => blob()[name], enumerable: true, configurable: true });
  }
  return module;
}
