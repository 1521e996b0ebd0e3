/**
 * The polyfill's own errors as Node's: every `new TypeError(message)` and `new RangeError(message)`
 * it makes is built here (scope.ts), and a message Node words differently becomes Node's error,
 * with its code. The polyfill and Node throw in the same cases (both follow the WHATWG algorithms);
 * only the words and codes differ. Errors whose Node message names the value that was received
 * cannot be translated from a message alone; validate.ts raises those before the polyfill runs.
 * A message not listed keeps the polyfill's words (README lists the known ones).
 */
import { nodeError } from '../../node-errors.js';

/** Guest-realm constructors, captured before guest code can replace the globals. */
const ctors = { TypeError, RangeError };

/** [polyfill message, Node's code, Node's message]; `$1` stands for the first group of the pattern. */
const TYPE_ERRORS: readonly (readonly [RegExp, string, string])[] = [
  [/^This stream has already been locked for exclusive reading by another reader$/, 'ERR_INVALID_STATE', 'ReadableStream is locked'],
  [/^This stream has already been locked for exclusive writing by another writer$/, 'ERR_INVALID_STATE', 'WritableStream is locked'],
  [/^Cannot cancel a stream that already has a reader$/, 'ERR_INVALID_STATE', 'ReadableStream is locked'],
  [/^Cannot (?:close|abort) a stream that already has a writer$/, 'ERR_INVALID_STATE', 'WritableStream is locked'],
  [/^Illegal constructor$/, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'],
  [/^\w+\.prototype\.\w+ can only be used on a (\w+)$/, 'ERR_INVALID_THIS', 'Value of "this" must be of type $1'],
  [/^The stream is not in a state that permits (?:enqueue|close)$/, 'ERR_INVALID_STATE', 'Controller is already closed'],
  [/^stream is closed or draining$|^The stream has already been closed; do not close it again!$/, 'ERR_INVALID_STATE', 'Controller is already closed'],
  [/^The stream \(in \w+ state\) is not in the readable state and cannot be (?:enqueued to|closed)$/, 'ERR_INVALID_STATE', 'ReadableStream is already closed'],
  [/^chunk must have non-zero byteLength$|^chunk's buffer must have non-zero byteLength$|^chunk's buffer is detached/, 'ERR_INVALID_STATE', 'chunk ArrayBuffer is zero-length or detached'],
  [/^view must have non-zero byteLength$|^view's buffer must have non-zero byteLength$|^view's buffer has been detached$/, 'ERR_INVALID_STATE', 'View or Viewed ArrayBuffer is zero-length or detached'],
  [/^Cannot (?:read from|cancel) a stream using a released reader$/, 'ERR_INVALID_STATE', 'The reader is not attached to a stream'],
  [/^Reader was released and can no longer be used to monitor the stream's closedness$/, 'ERR_INVALID_STATE', 'Reader released'],
  [/^Reader was released$/, 'ERR_INVALID_STATE', 'Releasing reader'],
  [/^ReadableStream\.prototype\.pipe(?:To|Through) cannot be used on a locked (Readable|Writable)Stream$/, 'ERR_INVALID_STATE', 'The $1Stream is locked'],
  [/^The stream is closing or closed and cannot be written to$/, 'ERR_INVALID_STATE', 'WritableStream is closed'],
  [/^Cannot close an already-closing stream$/, 'ERR_INVALID_STATE', 'Failure to close WritableStream'],
  [/^Cannot \w+(?: to)? a stream using a released writer$/, 'ERR_INVALID_STATE', 'Writer is not bound to a WritableStream'],
  [/^Writer was released and can no longer be used to monitor the stream's closedness$/, 'ERR_INVALID_STATE', 'Writer has been released'],
  [/^TransformStream terminated$/, 'ERR_INVALID_STATE', 'TransformStream has been terminated'],
  [/^Readable side is not in a state that permits enqueue$/, 'ERR_INVALID_STATE', 'Unable to enqueue'],
  [/^The iterator method must return an object$/, 'ERR_INVALID_STATE', 'The iterator method must return an object'],
  [/^This BYOB request has been invalidated$/, 'ERR_INVALID_STATE', 'This BYOB request has been invalidated'],
];

/** Node's words for `message`, or undefined when Node's are the polyfill's. */
export function translate(message: string): { code: string; message: string } | undefined {
  for (const [pattern, code, text] of TYPE_ERRORS) {
    const match = pattern.exec(message);
    if (match === null) continue;
    const body = text.replace('$1', match[1] ?? '');
    return { code, message: code === 'ERR_INVALID_STATE' ? `Invalid state: ${body}` : body };
  }
  return undefined;
}

/** What the polyfill's `new TypeError(message)` builds: Node's error when Node words it otherwise. */
export const StreamTypeError = function TypeError(message?: unknown): Error {
  const text = `${(message as string) ?? ''}`;
  const known = translate(text);
  return known === undefined ? new ctors.TypeError(text) : nodeError(known.code, 'TypeError', known.message);
} as unknown as TypeErrorConstructor;

/** The polyfill's RangeErrors: their cases that Node words with the value are checked in validate.ts first. */
export const StreamRangeError = function RangeError(message?: unknown): Error {
  return new ctors.RangeError(`${(message as string) ?? ''}`);
} as unknown as RangeErrorConstructor;

// `instanceof TypeError` in the polyfill's scope still means the guest's TypeError.
Object.defineProperty(StreamTypeError, 'prototype', { value: ctors.TypeError.prototype });
Object.defineProperty(StreamRangeError, 'prototype', { value: ctors.RangeError.prototype });
