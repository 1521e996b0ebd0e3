/** assert.CallTracker (deprecated since Node 20, DEP0173, still there): counts calls of wrapped functions. */
import { invalidArgType, invalidArgValue, outOfRange } from '../../node-errors.js';
import { AssertionError } from './assertion-error.js';

interface Report {
  message: string;
  actual: number;
  expected: number;
  operator: string;
  stack: Error;
}

/** One tracked function's expectation and the calls it got. */
class CallTrackerContext {
  #expected: number;
  #calls: Array<{ thisArg: unknown; arguments: readonly unknown[] }> = [];
  #name: string;
  #stack: Error;

  constructor(expected: number, stack: Error, name: string) {
    this.#expected = expected;
    this.#stack = stack;
    this.#name = name;
  }

  track(thisArg: unknown, args: unknown[]): void {
    this.#calls.push(Object.freeze({ thisArg, arguments: Object.freeze(args.slice()) }));
  }

  reset(): void {
    this.#calls = [];
  }

  getCalls() {
    return this.#calls.slice();
  }

  report(): Report | undefined {
    if (this.#calls.length === this.#expected) return undefined;
    const message = `Expected the ${this.#name} function to be executed ${this.#expected} time(s) but was executed ${this.#calls.length} time(s).`;
    return { message, actual: this.#calls.length, expected: this.#expected, operator: this.#name, stack: this.#stack };
  }
}

function validateCount(value: unknown): asserts value is number {
  if (typeof value !== 'number') throw invalidArgType('expected', ['number'], [], value);
  if (!Number.isInteger(value)) throw outOfRange('expected', 'an integer', value);
  if (value < 1 || value > 4294967295) throw outOfRange('expected', '>= 1 && <= 4294967295', value);
}

/** The function tracked when none is given; nameless, so reports call it `calls` (as Node's). */
const noop = Function.prototype as () => void;

/** Node's CallTracker. */
export class CallTracker {
  #checks = new Set<CallTrackerContext>();
  #tracked = new WeakMap<Function, CallTrackerContext>();

  #context(tracked: unknown): CallTrackerContext {
    const found = typeof tracked === 'function' ? this.#tracked.get(tracked) : undefined;
    if (found === undefined) throw invalidArgValue('tracked', tracked, 'is not a tracked function');
    return found;
  }

  reset(tracked?: unknown): void {
    if (tracked === undefined) this.#checks.forEach((check) => check.reset());
    else this.#context(tracked).reset();
  }

  getCalls(tracked: unknown) {
    return this.#context(tracked).getCalls();
  }

  calls(fn?: unknown, expected: unknown = 1): Function {
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateCount(expected);
    const target = fn as Function;
    const context = new CallTrackerContext(expected, new Error(), target.name || 'calls');
    const tracked = new Proxy(target, {
      apply(f, thisArg, args) {
        context.track(thisArg, args);
        return Reflect.apply(f, thisArg, args);
      },
    });
    this.#checks.add(context);
    this.#tracked.set(tracked, context);
    return tracked;
  }

  report(): Report[] {
    const errors: Report[] = [];
    for (const context of this.#checks) {
      const report = context.report();
      if (report !== undefined) errors.push(report);
    }
    return errors;
  }

  verify(): void {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ? errors[0]!.message : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}
