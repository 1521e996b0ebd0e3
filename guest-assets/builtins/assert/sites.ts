/**
 * Where Node 20.20's assert throws, for the report of an uncaught assertion: Node prints the
 * throw statement in its own sources (`node:assert:90` and the line), not the caller's line, and
 * the sandbox prints the same (fatal.ts shows a thrown error's site when V8 saw none in guest code).
 */
import { attachArrow } from '../../fatal.js';

/** `[file:line, source line, caret column]` per throw statement of Node's assert. */
const SITES = {
  innerFail: ['node:assert:90', '  throw new AssertionError(obj);', 2],
  innerFailOwn: ['node:assert:88', '  if (obj.message instanceof Error) throw obj.message;', 36],
  fail: ['node:assert:137', '  throw err;', 2],
  failOwn: ['node:assert:124', '  if (message instanceof Error) throw message;', 32],
  innerOk: ['node:internal/assert/utils:281', '    throw err;', 4],
  innerOkOwn: ['node:internal/assert/utils:270', '      throw message;', 6],
  compareKey: ['node:assert:377', '      throw err;', 6],
  primitiveActual: ['node:assert:416', '      throw err;', 6],
  emptyObject: ['node:assert:425', "        throw new ERR_INVALID_ARG_VALUE('error',", 8],
  expectedException: ['node:assert:491', '    throw err;', 4],
  ambiguousObject: ['node:assert:549', '        throw new ERR_AMBIGUOUS_ARGUMENT(', 8],
  ambiguousValue: ['node:assert:555', '      throw new ERR_AMBIGUOUS_ARGUMENT(', 6],
  errorType: ['node:assert:565', "    throw new ERR_INVALID_ARG_TYPE('error',", 4],
  expectedType: ['node:assert:598', '    throw new ERR_INVALID_ARG_TYPE(', 4],
  rethrow: ['node:assert:634', '  throw actual;', 2],
  ifError: ['node:assert:733', '    throw newErr;', 4],
  regexpType: ['node:assert:739', '    throw new ERR_INVALID_ARG_TYPE(', 4],
  matchOwn: ['node:assert:747', '      throw message;', 6],
  match: ['node:assert:768', '    throw err;', 4],
  validator: ['node:internal/errors:541', '      throw error;', 6],
  rejection: ['node:internal/process/promises:391', '    triggerUncaughtException(err, true /* fromPromise */);', 4],
} as const;

/** Node's missing-argument throw, one per function. */
const MISSING_ARGS: Record<string, number> = {
  equal: 166, notEqual: 190, deepEqual: 213, notDeepEqual: 236, deepStrictEqual: 261, notDeepStrictEqual: 286, strictEqual: 309, notStrictEqual: 331,
};

export type Site = keyof typeof SITES;

function arrow([file, line, column]: readonly [string, string, number]): string {
  return `${file}\n${line}\n${' '.repeat(column)}^\n`;
}

/** Marks `error` as thrown at Node's `site` (for the uncaught-error report only) and returns it. */
export function at<T>(error: T, site: Site): T {
  attachArrow(error, arrow(SITES[site]), false);
  return error;
}

/** ERR_MISSING_ARGS marked at the throw of function `name`. */
export function atMissingArgs<T>(error: T, name: string): T {
  const line = MISSING_ARGS[name];
  if (line !== undefined) attachArrow(error, arrow([`node:assert:${line}`, "    throw new ERR_MISSING_ARGS('actual', 'expected');", 4]), false);
  return error;
}
