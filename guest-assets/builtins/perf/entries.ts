/**
 * Performance entries as Node 20 makes them (lib/internal/perf/performance_entry.js and
 * nodetiming.js): PerformanceEntry and the entries of timerify, with accessors that check their
 * receiver, `toJSON`, and Node's `inspect` output. Only the sandbox constructs entries other than
 * marks (a private token stands for Node's kSkipThrow).
 */
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { invalidArgType } from '../../node-errors.js';
import { enumerable } from '../events/event.js';
import { illegalConstructor } from '../events/validate.js';

/** The token that lets sandbox code construct entries (Node's kSkipThrow). */
export const kSkipThrow = Symbol('kSkipThrow');

interface Fields {
  name: unknown;
  entryType: unknown;
  startTime: unknown;
  duration: unknown;
}

const fields = new WeakMap<object, Fields>();
const details = new WeakMap<object, unknown>();

function fieldsOf(self: unknown, className = 'PerformanceEntry'): Fields {
  const f = typeof self === 'object' && self !== null ? fields.get(self) : undefined;
  if (f === undefined) throw invalidArgType('this', [], [className], self);
  return f;
}

/** Node's inspect of an entry: its class name and its toJSON(). */
export function inspectEntry(self: { toJSON(): unknown; constructor: Function }, depth: number, options: { depth?: number | null }): unknown {
  // Past the depth Node prints `[PerformanceMark]`: its entries carry own symbol-keyed fields.
  if (depth < 0) return `[${self.constructor.name}]`;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(self.toJSON(), opts)}`;
}

export class PerformanceEntry {
  constructor(skip?: unknown, name?: unknown, type?: unknown, start?: unknown, duration?: unknown) {
    if (skip !== kSkipThrow) throw illegalConstructor();
    fields.set(this, { name, entryType: type, startTime: start, duration });
  }

  get name(): unknown {
    return fieldsOf(this).name;
  }

  get entryType(): unknown {
    return fieldsOf(this).entryType;
  }

  get startTime(): unknown {
    return fieldsOf(this).startTime;
  }

  get duration(): unknown {
    return fieldsOf(this).duration;
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    return inspectEntry(this, depth, options);
  }

  toJSON(): object {
    const f = fieldsOf(this);
    return { name: f.name, entryType: f.entryType, startTime: f.startTime, duration: f.duration };
  }
}
enumerable(PerformanceEntry.prototype, ['name', 'entryType', 'startTime', 'duration', 'toJSON']);

/** Sets the `detail` of an entry the sandbox made. */
export function setDetail(entry: object, detail: unknown): void {
  details.set(entry, detail);
}

/** `detail`, checked against its receiver as Node's validateInternalField does. */
export function detailOf(self: unknown, className: string): unknown {
  if (typeof self !== 'object' || self === null || !details.has(self)) throw invalidArgType('this', [], [className], self);
  return details.get(self);
}

/** toJSON of an entry with a detail. */
export function entryJSON(self: object): object {
  const json = PerformanceEntry.prototype.toJSON.call(self) as Record<string, unknown>;
  return { name: json.name, entryType: json.entryType, startTime: json.startTime, duration: json.duration, detail: details.get(self) };
}

/** Node's PerformanceNodeEntry (entries of timerify, with `detail`). */
export class PerformanceNodeEntry extends PerformanceEntry {
  get detail(): unknown {
    return detailOf(this, 'NodePerformanceEntry');
  }

  toJSON(): object {
    return entryJSON(this);
  }
}

export function createNodeEntry(name: string, type: string, start: number, duration: number, detail: unknown): PerformanceNodeEntry {
  const e = new PerformanceNodeEntry(kSkipThrow, name, type, start, duration);
  setDetail(e, detail);
  return e;
}

/** Node's PerformanceResourceTiming: the sandbox fetches nothing, so none is ever made. */
export class PerformanceResourceTiming extends PerformanceEntry {
  constructor() {
    throw illegalConstructor();
    super();
  }
}
Object.defineProperty(PerformanceResourceTiming.prototype, Symbol.toStringTag, { configurable: true, value: 'PerformanceResourceTiming' });
