/**
 * The crypto module's failures in the guest realm: the Worker's errors rebuilt from their records
 * (crypto caps), with the stand-ins of guest objects described as Node describes the originals;
 * DOMExceptions; and the errors of what the sandbox does not offer.
 */
import { guard, type Caps } from '../../caps.js';
import { isAnyArrayBuffer } from '../binary.js';
import { domException as makeDomException } from '../events/dom-exception.js';
import type { ErrorRecord } from './caps.js';
import { describeReceived, nodeError } from '../../node-errors.js';

/** Intrinsics captured when the bundle is evaluated, before guest code can replace them. */
const isView = ArrayBuffer.isView;
const isArray = Array.isArray;
const parseJson = JSON.parse;
const ctors: Record<string, ErrorConstructor> = { Error, TypeError, RangeError };

/** Whether `value` crosses to the Worker as bytes (a view or an ArrayBuffer). */
export function isBinary(value: unknown): value is ArrayBufferView | ArrayBufferLike {
  return isView(value) || isAnyArrayBuffer(value);
}

/** The two mask bits of a value (see CryptoCaps): 0 when it crosses itself, else the stand-in's shape. */
export function kindOf(value: unknown): number {
  if (typeof value === 'function') return 3;
  if (typeof value !== 'object' || value === null || isBinary(value)) return 0;
  return isArray(value) ? 2 : 1;
}

/** The mask of a list of arguments (slot n is argument n). */
export function maskOf(values: readonly unknown[]): number {
  let mask = 0;
  for (let i = 0; i < values.length; i++) mask |= kindOf(values[i]) << (i * 2);
  return mask;
}

/** A value as it crosses: itself, or nothing for a guest object (its stand-in is made by the Worker). */
export function packed<T>(value: T): T | undefined {
  return kindOf(value) === 0 ? value : undefined;
}


/** A DOMException (`QuotaExceededError`, `NotSupportedError`...): the guest's own, as Node's web errors are. */
export function domException(message: string, name: string): Error {
  return makeDomException(message, name) as unknown as Error;
}

/** Node's message with each stand-in `GuestValue<n>` described as Node describes the guest's own value. */
function restore(message: string, originals: readonly unknown[]): string {
  return message.replace(/ Received (?:an instance of|function) GuestValue(\d+)/g, (_, n: string) => describeReceived(originals[Number(n)]));
}

function rebuild(record: ErrorRecord, originals: readonly unknown[]): Error {
  const message = restore(String(record.m), originals);
  if (record.d) return domException(message, String(record.n));
  const ctorName = record.c === 'TypeError' || record.c === 'RangeError' ? record.c : 'Error';
  const err = (record.i && typeof record.k === 'string' ? nodeError(record.k, ctorName, message) : new ctors[ctorName]!(message)) as Error & Record<string, unknown>;
  for (const [key, value] of record.p ?? []) err[key] = value;
  return err;
}

/** The Worker's last crypto failure as a guest-realm error; `originals` are the arguments by slot. */
export function failure(caps: Caps, originals: readonly unknown[] = []): Error {
  const text = guard(() => caps.cryptoError());
  let record: ErrorRecord;
  try {
    record = parseJson(String(text)) as ErrorRecord;
  } catch {
    record = { c: 'Error', n: 'Error', m: 'crypto operation failed' };
  }
  return rebuild(record, originals);
}

/** Node's ERR_INVALID_THIS: `Value of "this" must be of type Crypto`. */
export function invalidThis(type: string): Error {
  return nodeError('ERR_INVALID_THIS', 'TypeError', `Value of "this" must be of type ${type}`);
}

/** The error of a crypto feature the sandbox does not offer (stable code, clear message). */
export function unsupported(name: string): Error {
  return nodeError(
    'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
    'TypeError',
    `The feature ${name} is unavailable on the current platform (the sandbox's crypto offers hashes, HMAC, random values, pbkdf2, scrypt, hkdf and subtle.digest)`,
  );
}
