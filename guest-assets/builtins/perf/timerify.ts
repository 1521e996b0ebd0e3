/**
 * performance.timerify(fn) as Node 20 has it (lib/internal/perf/timerify.js): the wrapper times each
 * call (or construction, or the settling of a returned thenable) and offers a `function` entry to
 * the observers, and records its nanoseconds (rounded up) into `options.histogram`.
 */
import { invalidArgType } from '../../node-errors.js';
import { validateFunction, validateObject } from '../events/validate.js';
import { createNodeEntry } from './entries.js';
import { isHistogram } from './histogram/index.js';
import { perfHost } from './host.js';
import { enqueue } from './observe.js';

function complete(name: string, start: number, args: unknown[], histogram: { record(value: number): void } | undefined): void {
  const duration = perfHost.now() - start;
  if (histogram !== undefined) histogram.record(Math.ceil(duration * 1e6));
  const entry = createNodeEntry(name, 'function', start, duration, args) as unknown as Record<number, unknown>;
  for (let n = 0; n < args.length; n++) entry[n] = args[n];
  enqueue(entry as never);
}

export function timerify(fn: unknown, options: unknown = {}): Function {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options as { histogram?: unknown };
  if (histogram !== undefined && (!isHistogram(histogram) || typeof (histogram as { record?: unknown }).record !== 'function')) {
    throw invalidArgType('options.histogram', [], ['RecordableHistogram'], histogram);
  }
  const recorder = histogram as { record(value: number): void } | undefined;
  const target = fn as Function & { name: string };
  function timerified(this: unknown, ...args: unknown[]): unknown {
    const start = perfHost.now();
    const result: unknown = new.target !== undefined ? Reflect.construct(target, args, target) : Reflect.apply(target, this, args);
    const finallyFn = (result as { finally?: unknown } | null | undefined)?.finally;
    if (new.target === undefined && typeof finallyFn === 'function') {
      return Reflect.apply(finallyFn, result, [() => complete(target.name, start, args, recorder)]);
    }
    complete(target.name, start, args, recorder);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { configurable: false, enumerable: true, value: target.length },
    name: { configurable: false, enumerable: true, value: `timerified ${target.name}` },
  });
  return timerified;
}
