/**
 * The guest's assert and assert/strict, Node 20's API with its messages. Deep equality is util's
 * (one algorithm for both modules); messages come from assertion-error.ts and diff.ts. Written for
 * the sandbox rather than taken from the npm `assert` package, which ports an older Node: its
 * wording, diff collapsing, NaN handling of equal(), deep equality of errors and regexps, and ok's
 * message (it cannot read the caller's source) all differ from Node 20's, and it has no CallTracker.
 */
import { missingArgs } from '../validate.js';
import { utilInternals } from '../util/index.js';
import type { BuiltinContext } from '../registry.js';
import { AssertionError, innerFail } from './assertion-error.js';
import { CallTracker } from './call-tracker.js';
import { ifError, internalMatch } from './match.js';
import { createOk } from './ok.js';
import { at, atMissingArgs } from './sites.js';
import { createThrows } from './throws.js';

type Assert = ((...args: unknown[]) => void) & Record<string, unknown>;

/** The two-value assertions, each failing when `holds` is false. */
function comparisons(isDeepEqual: (a: unknown, b: unknown) => boolean, isDeepStrictEqual: (a: unknown, b: unknown) => boolean) {
  const looseEqual = (a: unknown, b: unknown) => a == b || (Number.isNaN(a) && Number.isNaN(b)); // eslint-disable-line eqeqeq
  const table: Array<[name: string, operator: string, holds: (a: unknown, b: unknown) => boolean]> = [
    ['equal', '==', looseEqual],
    ['notEqual', '!=', (a, b) => !looseEqual(a, b)],
    ['deepEqual', 'deepEqual', isDeepEqual],
    ['notDeepEqual', 'notDeepEqual', (a, b) => !isDeepEqual(a, b)],
    ['deepStrictEqual', 'deepStrictEqual', isDeepStrictEqual],
    ['notDeepStrictEqual', 'notDeepStrictEqual', (a, b) => !isDeepStrictEqual(a, b)],
    ['strictEqual', 'strictEqual', Object.is],
    ['notStrictEqual', 'notStrictEqual', (a, b) => !Object.is(a, b)],
  ];
  const out: Record<string, Function> = {};
  for (const [name, operator, holds] of table) {
    // `arguments.length` decides, as in Node: an explicit undefined counts.
    const fn = {
      [name](actual: unknown, expected: unknown, message?: unknown): void {
        if (arguments.length < 2) throw atMissingArgs(missingArgs('actual', 'expected'), name);
        if (!holds(actual, expected)) innerFail({ actual, expected, message, operator, stackStartFn: fn });
      },
    }[name]!;
    out[name] = fn;
  }
  return out;
}

function createAssert(ctx: BuiltinContext): Assert {
  const { types, isDeepEqual, isDeepStrictEqual, emitWarning, deprecate } = utilInternals(ctx);
  const fs = ctx.require('fs') as { readFileSync(path: string, encoding: string): string };
  const innerOk = createOk((path) => fs.readFileSync(path, 'utf8'));
  const isError = (v: unknown) => types.isNativeError(v) || v instanceof Error;
  const throwsFamily = createThrows({ isDeepStrictEqual, isRegExp: types.isRegExp, isError, isPromise: types.isPromise });
  let warnedFail = false;

  function fail(actual?: unknown, expected?: unknown, message?: unknown, operator?: unknown, stackStartFn?: unknown): never {
    const argsLen = arguments.length;
    let internalMessage = false;
    if (actual == null && argsLen <= 1) {
      internalMessage = true;
      message = 'Failed';
    } else if (argsLen === 1) {
      message = actual;
      actual = undefined;
    } else {
      if (!warnedFail) {
        warnedFail = true;
        emitWarning('assert.fail() with more than one argument is deprecated. Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
      }
      if (argsLen === 2) operator = '!=';
    }
    if (message instanceof Error) throw at(message, 'failOwn');
    const err = new AssertionError({ actual, expected, operator: operator === undefined ? 'fail' : (operator as string), stackStartFn: (stackStartFn || fail) as Function, message });
    if (internalMessage) err.generatedMessage = true;
    throw at(err, 'fail');
  }

  function ok(...args: unknown[]): void {
    innerOk(ok, args.length, ...args);
  }
  const assert = ok as unknown as Assert;
  Object.assign(assert, { fail, AssertionError, ok });
  Object.assign(assert, comparisons(isDeepEqual, isDeepStrictEqual));
  Object.assign(assert, throwsFamily);
  assert.ifError = ifError;
  assert.match = function match(string: unknown, regexp: unknown, message?: unknown): void {
    internalMatch(string, regexp, message, match, true, types.isRegExp);
  };
  assert.doesNotMatch = function doesNotMatch(string: unknown, regexp: unknown, message?: unknown): void {
    internalMatch(string, regexp, message, doesNotMatch, false, types.isRegExp);
  };
  assert.CallTracker = deprecate(CallTracker, 'assert.CallTracker is deprecated.', 'DEP0173');

  function strict(...args: unknown[]): void {
    innerOk(strict, args.length, ...args);
  }
  assert.strict = Object.assign(strict, assert, {
    equal: assert.strictEqual,
    deepEqual: assert.deepStrictEqual,
    notEqual: assert.notStrictEqual,
    notDeepEqual: assert.notDeepStrictEqual,
  });
  (assert.strict as Assert).strict = assert.strict;
  return assert;
}

/** Registers `assert` and `assert/strict`. */
export function defineAssert(ctx: BuiltinContext): void {
  let assert: Assert | undefined;
  const load = () => (assert ??= createAssert(ctx));
  ctx.define('assert', load);
  ctx.define('assert/strict', () => load().strict);
}
