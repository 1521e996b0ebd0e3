/**
 * Node's argument validators (lib/internal/validators), shared by the built-ins, throwing the
 * guest-realm errors of node-errors.ts with Node's wording.
 */
import { describeReceived, invalidArgType, nodeError } from '../node-errors.js';

export function validateFunction(value: unknown, name: string): asserts value is Function {
  if (typeof value !== 'function') throw invalidArgType(name, ['function'], [], value);
}

export function validateString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw invalidArgType(name, ['string'], [], value);
}

export function validateBoolean(value: unknown, name: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw invalidArgType(name, ['boolean'], [], value);
}

/**
 * Node's validateObject: a non-null object, not an array; `allow` 'array' also accepts arrays, and
 * 'objects' arrays and functions (Node's kValidateObjectAllowObjects).
 */
export function validateObject(value: unknown, name: string, allow: 'plain' | 'array' | 'objects' = 'plain'): asserts value is Record<string, unknown> {
  const ok =
    (typeof value === 'object' && value !== null && (allow !== 'plain' || !Array.isArray(value))) || (allow === 'objects' && typeof value === 'function');
  if (!ok) throw invalidArgType(name, ['object'], [], value);
}

export function validateArray(value: unknown, name: string): asserts value is unknown[] {
  if (!Array.isArray(value)) throw invalidArgType(name, [], ['Array'], value);
}

/**
 * ERR_INVALID_ARG_TYPE for a name Node words as a phrase of its own (`The last argument must be
 * of type function.`), not as a quoted argument name.
 */
export function phraseNotFunction(phrase: string, value: unknown): Error {
  return nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The ${phrase} must be of type function.${describeReceived(value)}`);
}

/** ERR_MISSING_ARGS: `The "actual" and "expected" arguments must be specified`. */
export function missingArgs(...names: string[]): Error {
  const quoted = names.map((n) => `"${n}"`);
  let list: string;
  if (quoted.length === 1) list = `${quoted[0]} argument`;
  else if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]} arguments`;
  else list = `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]} arguments`;
  return nodeError('ERR_MISSING_ARGS', 'TypeError', `The ${list} must be specified`);
}
