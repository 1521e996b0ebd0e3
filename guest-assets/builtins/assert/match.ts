/** assert.match, doesNotMatch and ifError, as Node 20's. */
import { inspect } from '../../inspect/index.js';
import { invalidArgType } from '../../node-errors.js';
import { regexpExec } from '../util/intrinsics.js';
import { AssertionError } from './assertion-error.js';
import { at } from './sites.js';

/** Node's internalMatch: `match` says which of the two functions is asking. */
export function internalMatch(string: unknown, regexp: unknown, message: unknown, fn: Function, match: boolean, isRegExp: (v: unknown) => boolean): void {
  if (!isRegExp(regexp)) throw at(invalidArgType('regexp', [], ['RegExp'], regexp), 'regexpType');
  if (typeof string === 'string' && (regexpExec(regexp, string) !== null) === match) return;
  if (message instanceof Error) throw at(message, 'matchOwn');
  const generated = !message;
  if (!message) {
    message =
      typeof string !== 'string'
        ? `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`
        : `${match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression '}${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
  }
  const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw at(err, 'match');
}

/** Node's assert.ifError: throws an AssertionError carrying `err`'s own frames for anything but null/undefined. */
export function ifError(err: unknown): void {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  const e = err as { message?: unknown; constructor?: { name?: string }; stack?: unknown };
  if (typeof err === 'object' && typeof e.message === 'string') {
    message += e.message.length === 0 && e.constructor ? e.constructor.name : e.message;
  } else {
    message += inspect(err);
  }
  const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
  const origStack = e.stack;
  if (typeof origStack === 'string') {
    const start = origStack.indexOf('\n    at');
    if (start !== -1) {
      // The new error's frames down to the first one the original shares, then the original's.
      const originalFrames = origStack.slice(start + 1).split('\n');
      let newFrames = (newErr.stack ?? '').split('\n');
      for (const frame of originalFrames) {
        const pos = newFrames.indexOf(frame);
        if (pos !== -1) {
          newFrames = newFrames.slice(0, pos);
          break;
        }
      }
      newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
    }
  }
  throw at(newErr, 'ifError');
}
