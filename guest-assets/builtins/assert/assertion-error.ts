/**
 * assert.AssertionError with Node 20's messages: a diff for strictEqual and deepStrictEqual
 * (diff.ts), the value alone for the "not" forms, `a op b` for the rest.
 */
import { inspect } from '../../inspect/index.js';
import { validateObject } from '../validate.js';
import { createErrDiff, inspectValue, READABLE_OPERATOR } from './diff.js';
import { at, type Site } from './sites.js';

/** What `new AssertionError(options)` takes. */
export interface AssertionErrorOptions {
  message?: unknown;
  actual?: unknown;
  expected?: unknown;
  operator?: string;
  stackStartFn?: Function;
  stackStartFunction?: Function;
  details?: Array<{ message: unknown; actual: unknown; expected: unknown; operator: unknown; stack: unknown }>;
}

/** A shallow copy of an error that shows no stack (so a diff of two errors is about their properties). */
function copyError(source: Error): Error {
  const target = Object.assign(Object.create(Object.getPrototypeOf(source)) as Error, source);
  Object.defineProperty(target, 'message', { value: source.message });
  return target;
}

/** Node's message for the "not" operators: the one value they found equal. */
function notEqualMessage(actual: unknown, operator: string): string {
  let base = READABLE_OPERATOR[operator]!;
  const lines = inspectValue(actual).split('\n');
  if (operator === 'notStrictEqual' && ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
    base = READABLE_OPERATOR.notStrictEqualObject!;
  }
  if (lines.length > 50) {
    lines[46] = '...';
    lines.length = 47;
  }
  if (lines.length === 1) return `${base}${lines[0]!.length > 5 ? '\n\n' : ' '}${lines[0]}`;
  return `${base}\n\n${lines.join('\n')}\n`;
}

/** Node's message for the loose operators and any other (`1 == 2`, `... should loosely deep-equal ...`). */
function otherMessage(actual: unknown, expected: unknown, operator: string | undefined): string {
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const known = READABLE_OPERATOR[operator as string];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${known}\n\n${res}`;
    return res.length > 1024 ? `${res.slice(0, 1021)}...` : res;
  }
  if (res.length > 512) res = `${res.slice(0, 509)}...`;
  if (other.length > 512) other = `${other.slice(0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const unequal = READABLE_OPERATOR[`${operator}Unequal`];
    if (unequal) res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    else other = ` ${operator} ${other}`;
  }
  return `${res}${other}`;
}

function generatedMessage(actual: unknown, expected: unknown, operator: string | undefined): string {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') return createErrDiff(actual, expected, operator);
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') return notEqualMessage(actual, operator);
  return otherMessage(actual, expected, operator);
}

const bothErrors = (a: unknown, b: unknown) =>
  typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && 'stack' in a && a instanceof Error && 'stack' in b && b instanceof Error;

/** Node's `assert.AssertionError`. */
export class AssertionError extends Error {
  // Declared only: the properties are made in Node's order by the constructor.
  declare generatedMessage: boolean;
  declare code: string;
  declare actual: unknown;
  declare expected: unknown;
  declare operator: unknown;

  constructor(options: AssertionErrorOptions) {
    validateObject(options as unknown, 'options');
    const { message, operator, stackStartFn, details, stackStartFunction } = options as AssertionErrorOptions;
    let { actual, expected } = options as AssertionErrorOptions;
    // No frames are collected while the message is made; the stack is captured afterwards.
    const limit = Error.stackTraceLimit;
    setStackTraceLimit(0);
    let text: string;
    if (message != null) {
      // A custom message heads the diff of the two methods that have one.
      text = operator === 'deepStrictEqual' || operator === 'strictEqual' ? createErrDiff(actual, expected, operator, message) : String(message);
    } else {
      if (bothErrors(actual, expected)) {
        actual = copyError(actual as Error);
        expected = copyError(expected as Error);
      }
      text = generatedMessage(actual, expected, operator);
    }
    super(text);
    setStackTraceLimit(limit);
    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      details.forEach((d, i) => {
        const self = this as unknown as Record<string, unknown>;
        self[`message ${i}`] = d.message;
        self[`actual ${i}`] = d.actual;
        self[`expected ${i}`] = d.expected;
        self[`operator ${i}`] = d.operator;
        self[`stack trace ${i}`] = d.stack;
      });
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, (stackStartFn || stackStartFunction) as Function | undefined);
    // The stack's header is made now, with the code in the name; then the name is reset.
    void this.stack;
    this.name = 'AssertionError';
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  /** Long strings in `actual`/`expected` are cut, and both are shown one level deep only. */
  [inspect.custom](_recurseTimes: unknown, ctx: Record<string, unknown>): string {
    const { actual, expected } = this;
    if (typeof actual === 'string') this.actual = addEllipsis(actual);
    if (typeof expected === 'string') this.expected = addEllipsis(expected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = actual;
      this.expected = expected;
    }
  }
}

/** Sets Error.stackTraceLimit unless the guest made it read-only. */
function setStackTraceLimit(limit: number): void {
  try {
    Error.stackTraceLimit = limit;
  } catch {
    // Frozen by the guest: leave it.
  }
}

function addEllipsis(text: string): string {
  const lines = text.split('\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join('\n')}\n...`;
  }
  // As Node: a long single-line string keeps its tail after the first 512 characters.
  if (text.length > 512) return `${text.slice(512)}...`;
  return text;
}

/** Node's innerFail: a custom message that is an Error is thrown as it is, else an AssertionError. */
export function innerFail(options: AssertionErrorOptions, site: Site = 'innerFail'): never {
  if (options.message instanceof Error) throw at(options.message, 'innerFailOwn');
  throw at(new AssertionError(options), site);
}
