import { Buffer } from 'buffer';
import { bytesToName, hasEscapes } from '../../bridge/names/index.js';
import { fileURLToPath, isURL } from '../builtins/url/file-url.js';
import { invalidArgType, invalidArgValue } from '../node-errors.js';
import { signalOption, type SignalLike } from './abort.js';

/** Argument normalisation shared by every fs function, with Node's validation and messages. */

const PATH_TYPES = ['string'] as const;
const PATH_INSTANCES = ['Buffer', 'URL'] as const;

/** Node's accepted `flags` strings (fs.constants equivalents are numbers and are passed through). */
const FLAGS = new Set(['r', 'rs', 'sr', 'r+', 'rs+', 'sr+', 'w', 'wx', 'xw', 'w+', 'wx+', 'xw+', 'a', 'ax', 'xa', 'as', 'sa', 'a+', 'ax+', 'xa+', 'as+', 'sa+']);

/** The guest's working directory; relative paths are sent to the host resolved against it unless it is `/`. */
let workingDirectory = '/';

/** Sets the working directory relative fs paths start from (the run's cwd; `/` keeps them as given). */
export function setWorkingDirectory(cwd: string): void {
  workingDirectory = cwd;
}

/**
 * Validates a path argument (string, Buffer/Uint8Array or file: URL) and returns it as a string:
 * a string made well-formed (a lone surrogate becomes U+FFFD, as Node's UTF-8 conversion does),
 * a Buffer's bytes as a name string that keeps them all (bridge/names).
 * The host resolves relative paths against `/`; under another working directory they are made
 * absolute here (an error then names the absolute path).
 */
export function toPath(value: unknown, name = 'path'): string {
  let path: string;
  if (typeof value === 'string') path = hasEscapes(value) ? value.toWellFormed() : value;
  else if (value instanceof Uint8Array) path = bytesToName(value);
  else if (isURL(value)) path = fileURLToPath(value);
  else throw invalidArgType(name, PATH_TYPES, PATH_INSTANCES, value);
  if (path.includes('\u0000')) {
    throw invalidArgValue(name, value, 'must be a string, Uint8Array, or URL without null bytes');
  }
  if (workingDirectory !== '/' && !path.startsWith('/')) return path === '' ? path : `${workingDirectory}/${path}`;
  return path;
}

/**
 * Validates an encoding as Node's fs does: a falsy value means none (`null`, bytes); `'buffer'` passes
 * (readdir answers Buffers; readFile fails later, at decoding, as Node does); any other value must be
 * a Buffer encoding, else ERR_INVALID_ARG_VALUE. The name is returned as given.
 */
export function toEncoding(value: unknown): string | null {
  if (!value) return null;
  if (value === 'buffer' || (typeof value === 'string' && Buffer.isEncoding(value))) return value as string;
  throw invalidArgValue('encoding', value, 'is invalid encoding');
}

/** Validates `flag`: a known flags string or an integer of O_* bits. */
export function toFlag(value: unknown, fallback: string): string | number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && FLAGS.has(value)) return value;
  throw invalidArgValue('flags', value);
}

/** What a read-style options argument means. */
export interface ReadOptions {
  encoding: string | null;
  flag: string | number;
  signal?: SignalLike;
}

/** Normalises `options` of readFile-like calls: a string is the encoding; an object may hold encoding and flag. */
export function readOptions(options: unknown, defaultFlag = 'r'): ReadOptions {
  if (options === undefined || options === null) return { encoding: null, flag: defaultFlag };
  if (typeof options === 'string') return { encoding: toEncoding(options), flag: defaultFlag };
  if (typeof options !== 'object') {
    throw invalidArgType('options', ['string', 'object'], [], options);
  }
  const o = options as { encoding?: unknown; flag?: unknown };
  // Node's getOptions: the encoding is checked first, then the signal.
  const encoding = toEncoding(o.encoding);
  const signal = signalOption(o);
  return { encoding, flag: toFlag(o.flag, defaultFlag), signal };
}

/** What a write-style options argument means. */
export interface WriteOptions {
  encoding: string;
  flag: string | number;
  mode: number;
  signal?: SignalLike;
}

/** Normalises `options` of writeFile-like calls. */
export function writeOptions(options: unknown, defaultFlag: string): WriteOptions {
  if (options === undefined || options === null) return { encoding: 'utf8', flag: defaultFlag, mode: 0o666 };
  if (typeof options === 'string') return { encoding: toEncoding(options) ?? 'utf8', flag: defaultFlag, mode: 0o666 };
  if (typeof options !== 'object') throw invalidArgType('options', ['string', 'object'], [], options);
  const o = options as { encoding?: unknown; flag?: unknown; mode?: unknown };
  const encoding = toEncoding(o.encoding) ?? 'utf8';
  const signal = signalOption(o);
  const mode = typeof o.mode === 'number' ? o.mode : typeof o.mode === 'string' ? parseInt(o.mode, 8) : 0o666;
  return { encoding, flag: toFlag(o.flag, defaultFlag), mode, signal };
}

/**
 * The bytes of a `data` argument as a Uint8Array view over the same memory (no copy for views;
 * strings are encoded once). Honours byteOffset/byteLength of TypedArrays and DataViews.
 */
export function toBytes(data: unknown, encoding: string): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, encoding as BufferEncoding);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalidArgType('data', ['string'], ['Buffer', 'TypedArray', 'DataView'], data);
}
