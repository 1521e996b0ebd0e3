/**
 * perf_hooks' histograms as Node 20 has them (lib/internal/histogram.js and perf/event_loop_delay.js):
 * `createHistogram()` makes a RecordableHistogram, `monitorEventLoopDelay()` an ELDHistogram (the
 * docs' IntervalHistogram), both Histograms. As in Node, an instance keeps its state under own
 * symbol-keyed properties (kHandle, kMap, kRecordable or kEnabled), every method checks its receiver
 * by them, and the numbers come from the handle under kHandle (handle.ts): the Worker's own
 * histogram, so they are exactly Node's. `percentiles` fills and returns the instance's SafeMap.
 */
import { inspect } from '../../../inspect/index.js';
import { customInspectSymbol } from '../../../inspect/value.js';
import { invalidArgType, nodeError } from '../../../node-errors.js';
import { illegalConstructor, invalidThis, outOfRangeValue, validateInteger, validateNumber, validateObject } from '../../events/validate.js';
import { isRecordableHandle, openInterval, openRecordable } from './handle.js';
import { SafeMap } from './safe-map.js';

const kHandle = Symbol('kHandle');
const kMap = Symbol('kMap');
const kRecordable = Symbol('kRecordable');
const kEnabled = Symbol('kEnabled');
/** The token that lets this module construct instances (Node's kSkipThrow). */
const kSkipThrow = Symbol('kSkipThrow');

// Taken before guest code runs (as Node's primordials are).
const mapEntries = Map.prototype.entries;
const { create, defineProperty, fromEntries } = Object;

type Handle = Record<string, (...args: unknown[]) => unknown>;
type State = { [kHandle]?: Handle; [kMap]: SafeMap<unknown, unknown>; [kRecordable]?: unknown; [kEnabled]?: unknown };

/** Node's isHistogram: anything with a kHandle (an object inheriting from a histogram too). */
export function isHistogram(value: unknown): boolean {
  return (value as State | null | undefined)?.[kHandle] !== undefined;
}

/** `this[kHandle]?.name(...args)`, after Node's isHistogram check unless `type` is undefined. */
function call(self: unknown, type: string | undefined, name: string, ...args: unknown[]): unknown {
  if (type !== undefined && !isHistogram(self)) throw invalidThis(type);
  const handle = (self as State)[kHandle];
  if (handle === undefined || handle === null) return undefined;
  return handle[name]!(...args);
}

/** percentile(p)'s check: a number in (0, 100]. */
function validatePercentile(percentile: unknown): asserts percentile is number {
  validateNumber(percentile, 'percentile');
  if (Number.isNaN(percentile) || percentile <= 0 || percentile > 100) throw outOfRangeValue('percentile', '> 0 && <= 100', percentile);
}

/** Clears the instance's SafeMap and has the handle fill it. */
function fill(self: unknown, name: 'percentiles' | 'percentilesBigInt'): unknown {
  if (!isHistogram(self)) throw invalidThis('Histogram');
  const map = (self as State)[kMap];
  map.clear();
  call(self, 'Histogram', name, map);
  return map;
}

export class Histogram {
  constructor(skipThrowSymbol: unknown = undefined) {
    if (skipThrowSymbol !== kSkipThrow) throw illegalConstructor();
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Histogram ${inspect({ min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds, stddev: this.stddev, count: this.count, percentiles: this.percentiles }, opts)}`;
  }

  get count(): unknown {
    return call(this, 'Histogram', 'count');
  }

  get countBigInt(): unknown {
    return call(this, 'Histogram', 'countBigInt');
  }

  get min(): unknown {
    return call(this, 'Histogram', 'min');
  }

  get minBigInt(): unknown {
    return call(this, 'Histogram', 'minBigInt');
  }

  get max(): unknown {
    return call(this, 'Histogram', 'max');
  }

  get maxBigInt(): unknown {
    return call(this, 'Histogram', 'maxBigInt');
  }

  get mean(): unknown {
    return call(this, 'Histogram', 'mean');
  }

  get exceeds(): unknown {
    return call(this, 'Histogram', 'exceeds');
  }

  get exceedsBigInt(): unknown {
    return call(this, 'Histogram', 'exceedsBigInt');
  }

  get stddev(): unknown {
    return call(this, 'Histogram', 'stddev');
  }

  percentile(percentile: unknown): unknown {
    if (!isHistogram(this)) throw invalidThis('Histogram');
    validatePercentile(percentile);
    return call(this, 'Histogram', 'percentile', percentile);
  }

  percentileBigInt(percentile: unknown): unknown {
    if (!isHistogram(this)) throw invalidThis('Histogram');
    validatePercentile(percentile);
    return call(this, 'Histogram', 'percentileBigInt', percentile);
  }

  get percentiles(): unknown {
    return fill(this, 'percentiles');
  }

  get percentilesBigInt(): unknown {
    return fill(this, 'percentilesBigInt');
  }

  reset(): void {
    call(this, 'Histogram', 'reset');
  }

  toJSON(): object {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: fromEntries(Reflect.apply(mapEntries, this.percentiles, []) as Iterable<[PropertyKey, unknown]>),
    };
  }
}

export class RecordableHistogram extends Histogram {
  constructor(skipThrowSymbol: unknown = undefined) {
    if (skipThrowSymbol !== kSkipThrow) throw illegalConstructor();
    super(skipThrowSymbol);
  }

  record(val: unknown): void {
    if ((this as unknown as State)[kRecordable] === undefined) throw invalidThis('RecordableHistogram');
    if (typeof val !== 'bigint') validateInteger(val, 'val', 1);
    call(this, undefined, 'record', val);
  }

  recordDelta(): void {
    if ((this as unknown as State)[kRecordable] === undefined) throw invalidThis('RecordableHistogram');
    call(this, undefined, 'recordDelta');
  }

  add(other: unknown): void {
    if ((this as unknown as State)[kRecordable] === undefined) throw invalidThis('RecordableHistogram');
    if ((other as State)[kRecordable] === undefined) throw invalidArgType('other', [], ['RecordableHistogram'], other);
    const handle = (this as unknown as State)[kHandle];
    if (handle === undefined || handle === null) return;
    // Node hands the other's handle to its native add, which accepts only a real one (a forged one
    // aborts Node's process): here anything but a handle of this sandbox is the wrong argument.
    const otherHandle = (other as State)[kHandle];
    if (!isRecordableHandle(otherHandle)) throw invalidArgType('other', [], ['RecordableHistogram'], other);
    handle.add!(otherHandle);
  }
}

export class ELDHistogram extends Histogram {
  constructor(_i?: unknown) {
    throw illegalConstructor();
    super();
  }

  enable(): boolean {
    const self = this as unknown as State;
    if (self[kEnabled] === undefined) throw invalidThis('ELDHistogram');
    if (self[kEnabled]) return false;
    self[kEnabled] = true;
    self[kHandle]!.start!();
    return true;
  }

  disable(): boolean {
    const self = this as unknown as State;
    if (self[kEnabled] === undefined) throw invalidThis('ELDHistogram');
    if (!self[kEnabled]) return false;
    self[kEnabled] = false;
    self[kHandle]!.stop!();
    return true;
  }
}

/** Own, enumerable, writable, configurable: how Node's instances hold their fields. */
function field(target: object, key: PropertyKey, value: unknown): void {
  defineProperty(target, key, { enumerable: true, writable: true, configurable: true, value });
}

/** perf_hooks.createHistogram(options). */
export function createHistogram(options: unknown = {}): RecordableHistogram {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options as { lowest?: unknown; highest?: unknown; figures?: unknown };
  if (typeof lowest !== 'bigint') validateInteger(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  // As in Node, a bigint bound beside a number one fails in the arithmetic (mixing BigInt and number).
  if (typeof highest !== 'bigint') validateInteger(highest, 'options.highest', 2 * (lowest as number), Number.MAX_SAFE_INTEGER);
  else if (highest < 2n * (lowest as bigint)) throw nodeError('ERR_INVALID_ARG_VALUE', 'RangeError', `The property 'options.highest' is invalid. Received ${inspect(highest)}`);
  validateInteger(figures, 'options.figures', 1, 5);
  const handle = openRecordable(lowest as number | bigint, highest, figures);
  const histogram = new RecordableHistogram(kSkipThrow);
  field(histogram, kRecordable, true);
  field(histogram, kMap, new SafeMap());
  field(histogram, kHandle, handle);
  field(histogram, 'constructor', RecordableHistogram);
  return histogram;
}

/** perf_hooks.monitorEventLoopDelay(options): the Worker's loop, which is the guest's, sampled. */
export function monitorEventLoopDelay(options: unknown = {}): ELDHistogram {
  validateObject(options, 'options');
  const { resolution = 10 } = options as { resolution?: unknown };
  validateInteger(resolution, 'options.resolution', 1);
  const histogram = create(ELDHistogram.prototype) as ELDHistogram;
  field(histogram, kEnabled, false);
  field(histogram, kHandle, openInterval(resolution));
  field(histogram, kMap, new SafeMap());
  return histogram;
}
