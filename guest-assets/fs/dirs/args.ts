import { Buffer } from 'buffer';
import { invalidArgValue } from '../../node-errors.js';
import { signalOption } from '../abort.js';
import { toPath } from '../args.js';
import { argTypeError, bindingError, rangeError, symlinkTypeError } from './errors.js';

/** Node's validators (lib/internal/validators.js, lib/internal/fs/utils.js) for the directory functions. */

/** An options object after getOptions: whatever the caller gave, with a checked encoding. */
export type Options = Record<string, unknown>;

/** The encoding a binding receives: `'buffer'`, a Buffer encoding, or utf8 for anything falsy. */
export type WireEncoding = BufferEncoding | 'buffer';

/** getOptions: a string is the encoding; null, undefined and functions give `{}`; anything else must be an object. */
export function getOptions(options: unknown): Options {
  if (options === null || options === undefined || typeof options === 'function') return {};
  let o: Options;
  if (typeof options === 'string') o = { encoding: options };
  else if (typeof options !== 'object') throw argTypeError('options', ['string', 'Object'], options);
  else o = options as Options;
  if (o.encoding !== 'buffer' && o.encoding && !(typeof o.encoding === 'string' && Buffer.isEncoding(o.encoding))) {
    throw invalidArgValue('encoding', o.encoding, 'is invalid encoding');
  }
  signalOption(o);
  return o;
}

/** What the C++ binding makes of `options.encoding` (ParseEncoding, utf8 by default). */
export function wireEncoding(options: Options): WireEncoding {
  const e = options.encoding;
  if (e === 'buffer') return 'buffer';
  return typeof e === 'string' && Buffer.isEncoding(e) ? (e.toLowerCase() as BufferEncoding) : 'utf8';
}

/** getValidatedPath, keeping a Buffer or Uint8Array as given (Node hands it on unchanged). */
export function validatedPath(value: unknown, name = 'path'): { wire: string; given: string | Uint8Array } {
  const wire = toPath(value, name);
  return { wire, given: value instanceof Uint8Array ? value : wire };
}

/** validateBoolean. */
export function validateBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw argTypeError(name, 'boolean', value);
  return value;
}

/** validateInteger (also validateInt32 / validateUint32 with their ranges). */
export function validateInteger(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number') throw argTypeError(name, 'number', value);
  if (!Number.isInteger(value)) throw rangeError(name, 'an integer', value);
  if (value < min || value > max) throw rangeError(name, `>= ${min} && <= ${max}`, value);
  return value;
}

/** validateObject (no null, no array, no function). */
export function validateObject(value: unknown, name: string): Options {
  if (value === null || Array.isArray(value) || typeof value !== 'object') throw argTypeError(name, 'Object', value);
  return value as Options;
}

/** validateFunction, as makeCallback uses it. */
export function validateFunction<F>(value: unknown, name = 'cb'): F {
  if (typeof value !== 'function') throw argTypeError(name, 'Function', value);
  return value as F;
}

/** parseFileMode: a uint32, or an octal string. */
export function parseFileMode(value: unknown, name: string, fallback?: number): number {
  const v = value ?? fallback;
  if (typeof v === 'string') {
    if (!/^[0-7]+$/.test(v)) throw invalidArgValue(name, v, 'must be a 32-bit unsigned integer or an octal string');
    return parseInt(v, 8);
  }
  return validateInteger(v, name, 0, 4294967295);
}

/**
 * The C++ check of an access or copyFile `mode` (GetValidFileMode): an int32-ish number in 0..7,
 * null/undefined for the default, with messages that carry no Node error prefix.
 */
export function fileModeArg(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value !== 'number') throw bindingError('TypeError', 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  if (!Number.isFinite(value)) throw bindingError('RangeError', 'ERR_OUT_OF_RANGE', 'mode is out of range');
  const mode = Math.trunc(value);
  if (mode < 0 || mode > 7) throw bindingError('RangeError', 'ERR_OUT_OF_RANGE', 'mode is out of range: >= 0 && <= 7');
  return mode;
}

/** toUnixTimestamp: a Date, seconds, or a numeric string; negative numbers mean now. */
export function toUnixTimestamp(time: unknown, name = 'time'): number {
  if (typeof time === 'string' && Number(time) == (time as unknown as number)) return Number(time);
  if (typeof time === 'number' && Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw argTypeError(name, ['Date', 'Time in seconds'], time);
}

/** uid/gid: an integer from -1 (unchanged) to 2^32 - 1. */
export function validateId(value: unknown, name: 'uid' | 'gid'): number {
  return validateInteger(value, name, -1, 4294967295);
}

/** stringToSymlinkType: only 'dir', 'file' and 'junction' (all the same on Linux); non-strings are ignored. */
export function checkSymlinkType(type: unknown): void {
  if (typeof type === 'string' && type !== 'dir' && type !== 'file' && type !== 'junction') throw symlinkTypeError(type);
}

/** validateRmdirOptions / validateRmOptions*: retries and flags, with rm's or rmdir's defaults. */
export function rmOptions(options: unknown, withForce: boolean): { recursive: boolean; force: boolean } {
  const defaults = { retryDelay: 100, maxRetries: 0, recursive: false, ...(withForce ? { force: false } : {}) };
  if (options === undefined) return { recursive: false, force: false };
  const o = { ...defaults, ...validateObject(options, 'options') };
  validateBoolean(o.recursive, 'options.recursive');
  validateInteger(o.retryDelay, 'options.retryDelay', 0, 2147483647);
  validateInteger(o.maxRetries, 'options.maxRetries', 0, 4294967295);
  if (withForce) validateBoolean(o.force, 'options.force');
  return { recursive: o.recursive as boolean, force: withForce && (o.force as boolean) };
}
