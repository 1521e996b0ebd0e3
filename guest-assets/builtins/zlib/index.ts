/**
 * The guest's zlib: Node's lib/zlib.js behaviour (streams, one-step functions, options, errors)
 * in guest-realm JavaScript, over the Worker's own native zlib and brotli (node:zlib), so every
 * byte of output and every engine error is exactly Node's. See engine.ts for the engine and
 * host/worker/caps/zlib.ts for the sandbox's limits.
 */
import type { BuiltinContext } from '../registry.js';
import type { BaseEnv } from './base.js';
import { createClasses, type ZlibClasses } from './classes.js';
import { convenience, makeCrc32 } from './convenience.js';
import { guard, type Caps } from '../../caps.js';

/** zlib.constants, read from the Worker's node:zlib (same names, values and order). */
function readConstants(caps: Caps): Record<string, number> {
  const constants: Record<string, number> = {};
  for (const pair of String(guard(() => caps.zlibConstants())).split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) constants[pair.slice(0, at)] = Number(pair.slice(at + 1));
  }
  return constants;
}

/** Node's `codes`: the zlib return codes by name, and their names by code. */
function makeCodes(c: Record<string, number>): Record<string, string | number> {
  const codes: Record<string, string | number> = {};
  for (const name of ['Z_OK', 'Z_STREAM_END', 'Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR', 'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR', 'Z_VERSION_ERROR']) codes[name] = c[name]!;
  for (const name of Object.keys(codes)) codes[codes[name]!] = name;
  return Object.freeze(codes);
}

const PAIRS = [
  ['deflate', 'Deflate'],
  ['gzip', 'Gzip'],
  ['deflateRaw', 'DeflateRaw'],
  ['unzip', 'Unzip'],
  ['inflate', 'Inflate'],
  ['gunzip', 'Gunzip'],
  ['inflateRaw', 'InflateRaw'],
  ['brotliCompress', 'BrotliCompress'],
  ['brotliDecompress', 'BrotliDecompress'],
] as const;

/** The exports object, keys in Node's order (classes, one-step pairs, factories, constants, codes, legacy constants). */
function createZlib(ctx: BuiltinContext): Record<string, unknown> {
  const c = readConstants(ctx.caps);
  const env: BaseEnv = { Buffer: ctx.Buffer, outputLimit: guard(() => ctx.caps.zlibOutputLimit()), nextTick: ctx.process.nextTick };
  const classes: ZlibClasses = createClasses(c, env, { caps: ctx.caps, setImmediate: (fn) => ctx.timers.setImmediate(fn) });
  const exports: Record<string, unknown> = { crc32: makeCrc32(ctx.caps) };
  for (const name of ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip', 'BrotliCompress', 'BrotliDecompress'] as const) exports[name] = classes[name];
  for (const [fn, cls] of PAIRS) {
    const { sync, async } = convenience(classes[cls], env);
    exports[fn] = async;
    exports[`${fn}Sync`] = sync;
  }
  for (const cls of ['Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Gzip', 'Gunzip', 'Unzip', 'BrotliCompress', 'BrotliDecompress'] as const) {
    const Class = classes[cls];
    Object.defineProperty(exports, `create${cls}`, { configurable: true, enumerable: true, writable: false, value: (options?: unknown) => new Class(options) });
  }
  Object.defineProperty(exports, 'constants', { configurable: false, enumerable: true, writable: false, value: c });
  Object.defineProperty(exports, 'codes', { enumerable: true, writable: false, configurable: false, value: makeCodes(c) });
  // Deprecated in Node but still there: every non-brotli constant, hidden, on the module itself.
  for (const key of Object.keys(c)) {
    if (!key.startsWith('BROTLI')) Object.defineProperty(exports, key, { enumerable: false, writable: false, configurable: false, value: c[key] });
  }
  return exports;
}

export function defineZlib(ctx: BuiltinContext): void {
  ctx.define('zlib', () => createZlib(ctx));
}
