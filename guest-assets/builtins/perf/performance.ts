/**
 * The guest's Performance class and its one instance (lib/internal/perf/performance.js): an
 * EventTarget whose methods check their receiver, with Node's extensions (eventLoopUtilization,
 * nodeTiming, timerify, markResourceTiming) as non-enumerable members of the prototype.
 */
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { invalidArgType } from '../../node-errors.js';
import { enumerable, toStringTag } from '../events/event.js';
import { defineEventHandler, EventTarget } from '../events/event-target.js';
import { illegalConstructor, missingArgs } from '../events/validate.js';
import { perfHost } from './host.js';
import { clearEntries, filterEntries } from './observe.js';
import { clearMarkTimings, mark, measure } from './usertiming.js';

const brand = new WeakSet<object>();

function check(self: unknown): void {
  if (typeof self !== 'object' || self === null || !brand.has(self)) throw invalidArgType('this', [], ['Performance'], self);
}

const nameArg = (name: unknown) => (name === undefined ? undefined : `${name as string}`);

export class Performance extends EventTarget {
  constructor() {
    throw illegalConstructor();
    super();
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    // Past the depth Node prints `[Performance]` (the instance carries own symbol-keyed state).
    if (depth < 0) return '[Performance]';
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const self = this as unknown as { nodeTiming: unknown; timeOrigin: number };
    return `Performance ${inspect({ nodeTiming: self.nodeTiming, timeOrigin: self.timeOrigin }, opts)}`;
  }

  clearMarks(name: unknown = undefined): void {
    check(this);
    const n = nameArg(name);
    clearMarkTimings(n);
    clearEntries('mark', n);
  }

  clearMeasures(name: unknown = undefined): void {
    check(this);
    clearEntries('measure', nameArg(name));
  }

  clearResourceTimings(name: unknown = undefined): void {
    check(this);
    nameArg(name);
  }

  getEntries(): unknown[] {
    check(this);
    return filterEntries(undefined, undefined);
  }

  getEntriesByName(name: unknown, type: unknown = undefined): unknown[] {
    check(this);
    if (arguments.length === 0) throw missingArgs('name');
    return filterEntries(`${name as string}`, nameArg(type));
  }

  getEntriesByType(type: unknown): unknown[] {
    check(this);
    if (arguments.length === 0) throw missingArgs('type');
    return filterEntries(undefined, `${type as string}`);
  }

  mark(name: unknown, options: unknown = {}): unknown {
    check(this);
    if (arguments.length === 0) throw missingArgs('name');
    return mark(name, options);
  }

  measure(name: unknown, startOrMeasureOptions: unknown = {}, endMark: unknown = undefined): unknown {
    check(this);
    if (arguments.length === 0) throw missingArgs('name');
    return measure(name, startOrMeasureOptions, endMark);
  }

  now(): number {
    check(this);
    return perfHost.now();
  }

  setResourceTimingBufferSize(maxSize: unknown): void {
    check(this);
    if (arguments.length === 0) throw missingArgs('maxSize');
  }

  get timeOrigin(): number {
    check(this);
    return timeOrigin();
  }

  toJSON(): object {
    check(this);
    const self = this as unknown as { nodeTiming: unknown; timeOrigin: number; eventLoopUtilization(): unknown };
    return { nodeTiming: self.nodeTiming, timeOrigin: self.timeOrigin, eventLoopUtilization: self.eventLoopUtilization() };
  }
}

let timeOrigin: () => number = () => 0;

enumerable(Performance.prototype, [
  'clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries', 'getEntriesByName', 'getEntriesByType', 'mark', 'measure',
  'now', 'timeOrigin', 'toJSON', 'setResourceTimingBufferSize',
]);
toStringTag(Performance.prototype, 'Performance');
defineEventHandler(Performance.prototype, 'resourcetimingbufferfull');

/** The one Performance object, with Node's extensions set on the prototype. */
export function createPerformance(extensions: { eventLoopUtilization: Function; nodeTiming: object; timerify: Function; timeOrigin: () => number }): Performance {
  timeOrigin = extensions.timeOrigin;
  const markResourceTiming = function markResourceTiming() {
    return undefined;
  };
  for (const [name, value] of Object.entries({ eventLoopUtilization: extensions.eventLoopUtilization, nodeTiming: extensions.nodeTiming, markResourceTiming, timerify: extensions.timerify })) {
    Object.defineProperty(Performance.prototype, name, { configurable: true, enumerable: false, writable: true, value });
  }
  const performance = Reflect.construct(EventTarget, [], Performance) as Performance;
  brand.add(performance);
  return performance;
}
