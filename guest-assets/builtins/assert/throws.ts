/**
 * assert.throws, doesNotThrow, rejects and doesNotReject, as Node 20's: the thrown value is
 * checked against a RegExp, an Error class, a validation function or a validation object (each
 * key deep-strict-equal, or a RegExp matching a string), with Node's messages.
 */
import { inspect } from '../../inspect/index.js';
import { describeReceived, invalidArgType, invalidArgValue, nodeError } from '../../node-errors.js';
import { isPrototypeOf, keys as objectKeys, regexpExec } from '../util/intrinsics.js';
import { validateFunction } from '../validate.js';
import { AssertionError, innerFail as fail } from './assertion-error.js';
import { at } from './sites.js';

/** What the checks need from util: deep equality and two brand checks. */
export interface ThrowsDeps {
  isDeepStrictEqual(a: unknown, b: unknown): boolean;
  isRegExp(value: unknown): boolean;
  isError(value: unknown): boolean;
  isPromise(value: unknown): boolean;
}

/** Stands for "nothing was thrown". */
const NO_EXCEPTION = {};

/** The compared keys of a thrown value and of its validation object, for a readable diff. */
class Comparison {
  constructor(obj: Record<string, unknown>, keys: string[], actual: Record<string, unknown> | undefined, isRegExp: (v: unknown) => boolean) {
    const self = this as unknown as Record<string, unknown>;
    for (const key of keys) {
      if (!(key in obj)) continue;
      const matched = actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) && regexpExec(obj[key], actual[key] as string) !== null;
      self[key] = matched ? actual[key] : obj[key];
    }
  }
}

/** The checks, over util's comparison and brand checks. */
export function createThrows(deps: ThrowsDeps) {
  const execMatches = (re: unknown, text: string) => regexpExec(re, text) !== null;

  function compareKey(actual: Record<string, unknown>, expected: Record<string, unknown>, key: string, message: unknown, keys: string[], fn: Function): void {
    if (key in actual && deps.isDeepStrictEqual(actual[key], expected[key])) return;
    if (!message) {
      const err = new AssertionError({ actual: new Comparison(actual, keys, undefined, deps.isRegExp), expected: new Comparison(expected, keys, actual, deps.isRegExp), operator: 'deepStrictEqual', stackStartFn: fn });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw at(err, 'compareKey');
    }
    fail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  }

  function matchesObject(actual: unknown, expected: Record<string, unknown>, message: unknown, fn: Function): void {
    if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw at(err, 'primitiveActual');
    }
    const keys = objectKeys(expected);
    if (expected instanceof Error) keys.push('name', 'message');
    else if (keys.length === 0) throw at(invalidArgValue('error', expected, 'may not be an empty object'), 'emptyObject');
    const thrown = actual as Record<string, unknown>;
    for (const key of keys) {
      if (typeof thrown[key] === 'string' && deps.isRegExp(expected[key]) && execMatches(expected[key], thrown[key] as string)) continue;
      compareKey(thrown, expected, key, message, keys, fn);
    }
  }

  /** Node's message for a thrown value that is not an instance of the expected Error class. */
  function notInstanceMessage(actual: unknown, expected: Function): string {
    let message = `The error is expected to be an instance of "${expected.name}". Received `;
    if (!deps.isError(actual)) return `${message}"${inspect(actual, { depth: -1 })}"`;
    const e = actual as Error;
    const name = (e.constructor as { name?: string } | undefined)?.name || e.name;
    message += expected.name === name ? 'an error with identical name but a different prototype.' : `"${name}"`;
    if (e.message) message += `\n\nError message:\n\n${e.message}`;
    return message;
  }

  function expectedException(actual: unknown, expected: unknown, message: unknown, fn: Function): void {
    let generated = false;
    if (typeof expected !== 'function') {
      if (!deps.isRegExp(expected)) return matchesObject(actual, expected as Record<string, unknown>, message, fn);
      const text = String(actual);
      if (execMatches(expected, text)) return;
      if (!message) {
        generated = true;
        message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(text)}\n`;
      }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
      return;
    } else if (isPrototypeOf(Error, expected)) {
      if (!message) {
        generated = true;
        message = notInstanceMessage(actual, expected);
      }
    } else {
      const res = Reflect.apply(expected, {}, [actual]);
      if (res === true) return;
      if (!message) {
        generated = true;
        message = `The ${expected.name ? `"${expected.name}" ` : ''}validation function is expected to return "true". Received ${inspect(res)}`;
        if (deps.isError(actual)) message += `\n\nCaught error:\n\n${actual as Error}`;
      }
    }
    const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generated;
    throw at(err, 'expectedException');
  }

  function expectsError(fn: Function, rejection: boolean, actual: unknown, ...rest: unknown[]): void {
    let [error, message] = rest;
    if (typeof error === 'string') {
      if (rest.length === 2) throw at(invalidArgType('error', ['function'], ['Error', 'RegExp', 'Object'], error), 'errorType');
      if (typeof actual === 'object' && actual !== null) {
        if ((actual as Error).message === error) {
          throw at(ambiguous(`The error message "${(actual as Error).message}" is identical to the message.`), 'ambiguousObject');
        }
      } else if (actual === error) {
        throw at(ambiguous(`The error "${actual as string}" is identical to the message.`), 'ambiguousValue');
      }
      message = error;
      error = undefined;
    } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
      throw at(invalidArgType('error', ['function'], ['Error', 'RegExp', 'Object'], error), 'errorType');
    }
    if (actual === NO_EXCEPTION) {
      let details = '';
      const name = (error as { name?: unknown } | undefined)?.name;
      if (name) details += ` (${name as string})`;
      details += message ? `: ${message as string}` : '.';
      fail({ actual: undefined, expected: error, operator: fn.name, message: `Missing expected ${rejection ? 'rejection' : 'exception'}${details}`, stackStartFn: fn });
    }
    if (!error) return;
    expectedException(actual, error, message, fn);
  }

  function hasMatchingError(actual: unknown, expected: unknown): boolean {
    if (typeof expected !== 'function') {
      if (deps.isRegExp(expected)) return execMatches(expected, String(actual));
      throw at(invalidArgType('expected', ['function'], ['RegExp'], expected), 'expectedType');
    }
    if (expected.prototype !== undefined && actual instanceof expected) return true;
    if (isPrototypeOf(Error, expected)) return false;
    return Reflect.apply(expected, {}, [actual]) === true;
  }

  function expectsNoError(fn: Function, rejection: boolean, actual: unknown, error?: unknown, message?: unknown): void {
    if (actual === NO_EXCEPTION) return;
    if (typeof error === 'string') {
      message = error;
      error = undefined;
    }
    if (!error || hasMatchingError(actual, error)) {
      const details = message ? `: ${message as string}` : '.';
      fail({
        actual, expected: error, operator: fn.name, stackStartFn: fn,
        message: `Got unwanted ${rejection ? 'rejection' : 'exception'}${details}\nActual message: "${(actual as { message?: unknown } | null | undefined)?.message as string}"`,
      });
    }
    throw at(actual, 'rethrow');
  }

  function getActual(fn: unknown): unknown {
    if (typeof fn !== 'function') {
      try {
        validateFunction(fn, 'fn');
      } catch (e) {
        throw at(e, 'validator');
      }
    }
    try {
      (fn as () => unknown)();
    } catch (e) {
      return e;
    }
    return NO_EXCEPTION;
  }

  const checkIsPromise = (obj: unknown): boolean =>
    deps.isPromise(obj) || (obj !== null && typeof obj === 'object' && typeof (obj as Promise<unknown>).then === 'function' && typeof (obj as Promise<unknown>).catch === 'function');

  async function waitForActual(promiseFn: unknown): Promise<unknown> {
    let result: unknown;
    if (typeof promiseFn === 'function') {
      result = promiseFn();
      if (!checkIsPromise(result)) throw invalidReturnValue(result);
    } else if (checkIsPromise(promiseFn)) {
      result = promiseFn;
    } else {
      throw invalidArgType('promiseFn', ['function'], ['Promise'], promiseFn);
    }
    try {
      await result;
    } catch (e) {
      return e;
    }
    return NO_EXCEPTION;
  }

  return {
    throws: function throws(fn: unknown, ...args: unknown[]): void {
      expectsError(throws, false, getActual(fn), ...args);
    },
    rejects: async function rejects(promiseFn: unknown, ...args: unknown[]): Promise<void> {
      const actual = await waitForActual(promiseFn);
      asRejection(() => expectsError(rejects, true, actual, ...args));
    },
    doesNotThrow: function doesNotThrow(fn: unknown, ...args: unknown[]): void {
      expectsNoError(doesNotThrow, false, getActual(fn), ...(args as [unknown, unknown]));
    },
    doesNotReject: async function doesNotReject(fn: unknown, ...args: unknown[]): Promise<void> {
      const actual = await waitForActual(fn);
      asRejection(() => expectsNoError(doesNotReject, true, actual, ...(args as [unknown, unknown])));
    },
  };
}

/**
 * An assertion error that rejects a promise is reported at Node's rejection handler (its own
 * frames were never captured); a rethrown guest error keeps its own report.
 */
function asRejection(check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof AssertionError) at(e, 'rejection');
    throw e;
  }
}

function ambiguous(reason: string): Error {
  return nodeError('ERR_AMBIGUOUS_ARGUMENT', 'TypeError', `The "error/message" argument is ambiguous. ${reason}`);
}

function invalidReturnValue(value: unknown): Error {
  const type = describeReceived(value).slice(' Received '.length);
  return nodeError('ERR_INVALID_RETURN_VALUE', 'TypeError', `Expected instance of Promise to be returned from the "promiseFn" function but got ${type}.`);
}
