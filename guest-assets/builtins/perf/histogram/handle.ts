/**
 * The handles behind the guest's histograms: what Node keeps under a histogram's kHandle (its
 * native Histogram object), here guest objects of the same shape (own `record`, `count`, ...
 * methods, the BigInt ones and `add` on a prototype named Histogram) whose methods call the
 * Worker's histogram named by a number (HistogramCaps). The number never leaves this module: a
 * method called on anything but a handle made here throws, and `add` takes only another handle.
 * A handle's Worker histogram is freed when the handle is collected.
 */
import { guard, type Caps } from '../../../caps.js';
import { nodeError } from '../../../node-errors.js';
import { failure } from '../../failure.js';
import { illegalConstructor } from '../../events/validate.js';
import { HISTOGRAM_READINGS, type HistogramReading } from '../caps.js';

interface Slot {
  id: number;
  recordable: boolean;
}

const slots = new WeakMap<object, Slot>();
// Taken before guest code runs (as Node's primordials are).
const mapSet = Map.prototype.set;
const { create: objectCreate, defineProperty } = Object;
let caps: Caps | undefined;
let registry: FinalizationRegistry<number> | undefined;

/** Gives the handles the Worker's capabilities (once, when perf_hooks is defined). */
export function setHistogramCaps(c: Caps): void {
  caps = c;
  registry = new FinalizationRegistry((id) => guard(() => c.histogramClose(id)));
}

function slotOf(self: unknown): Slot {
  const slot = typeof self === 'object' && self !== null ? slots.get(self) : undefined;
  // What V8 says when a native method gets another receiver.
  if (slot === undefined) throw new TypeError('Illegal invocation');
  return slot;
}

function reader(reading: HistogramReading): (this: unknown) => unknown {
  const index = HISTOGRAM_READINGS.indexOf(reading);
  return function (this: unknown) {
    const { id } = slotOf(this);
    return guard(() => caps!.histogramRead(id, index));
  };
}

function percentileOf(big: boolean): (this: unknown, ...args: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]) {
    const { id } = slotOf(this);
    const p = args[0];
    if (typeof p !== 'number') throw new TypeError('Illegal invocation');
    return guard(() => caps!.histogramPercentile(id, p, big));
  };
}

/** Fills a Map (Node's native code sets the entries with the Map's own internal method). */
function percentilesOf(big: boolean): (this: unknown, ...args: unknown[]) => void {
  return function (this: unknown, ...args: unknown[]) {
    const { id } = slotOf(this);
    const map = args[0];
    const text = String(guard(() => caps!.histogramPercentiles(id, big)));
    if (text === '') return;
    for (const pair of text.split(',')) {
      const [key = '', value = ''] = pair.split(' ');
      Reflect.apply(mapSet, map, [Number(key), big ? BigInt(value) : Number(value)]);
    }
  };
}

/** Node's native range error (a plain RangeError with a code), as its record(bigint) throws. */
function nativeError(c: Caps): Error {
  const [code = 'ERR_INTERNAL', , message = ''] = String(guard(() => c.lastError())).split('\u0000');
  const err = new RangeError(message) as RangeError & { code: string };
  err.code = code;
  return err;
}

/** The methods Node's native histograms carry on the object itself (all of length 0). */
const own = {
  record(this: unknown, ...args: unknown[]): void {
    const slot = slotOf(this);
    const value = args[0];
    if (!slot.recordable) throw new TypeError('Illegal invocation');
    if (typeof value !== 'number' && typeof value !== 'bigint') throw new TypeError('Illegal invocation');
    if (guard(() => caps!.histogramRecord(slot.id, value)) < 0) throw typeof value === 'bigint' ? nativeError(caps!) : failure(caps!);
  },
  recordDelta(this: unknown): void {
    const slot = slotOf(this);
    if (!slot.recordable) throw new TypeError('Illegal invocation');
    guard(() => caps!.histogramRecordDelta(slot.id));
  },
  count: reader('count'),
  exceeds: reader('exceeds'),
  min: reader('min'),
  max: reader('max'),
  mean: reader('mean'),
  stddev: reader('stddev'),
  percentile: percentileOf(false),
  reset(this: unknown): void {
    const { id } = slotOf(this);
    guard(() => caps!.histogramReset(id));
  },
  start(this: unknown): void {
    const { id } = slotOf(this);
    guard(() => caps!.histogramSample(id, true));
  },
  stop(this: unknown): void {
    const { id } = slotOf(this);
    guard(() => caps!.histogramSample(id, false));
  },
};

const RECORDABLE_OWN = ['record', 'recordDelta', 'count', 'exceeds', 'min', 'max', 'mean', 'stddev', 'percentile', 'reset'] as const;
const INTERVAL_OWN = ['count', 'exceeds', 'min', 'max', 'mean', 'stddev', 'percentile', 'reset', 'start', 'stop'] as const;

/** The prototype methods of Node's native histograms. */
const shared = {
  countBigInt: reader('countBigInt'),
  exceedsBigInt: reader('exceedsBigInt'),
  minBigInt: reader('minBigInt'),
  maxBigInt: reader('maxBigInt'),
  percentileBigInt: percentileOf(true),
  percentiles: percentilesOf(false),
  percentilesBigInt: percentilesOf(true),
};

// Native methods are named after their property.
for (const methods of [own, shared]) {
  for (const [name, fn] of Object.entries(methods)) Object.defineProperty(fn, 'name', { configurable: true, value: name });
}

function add(this: unknown, ...args: unknown[]): void {
  const slot = slotOf(this);
  const other = typeof args[0] === 'object' && args[0] !== null ? slots.get(args[0]) : undefined;
  if (!slot.recordable || other === undefined || !other.recordable) throw new TypeError('Illegal invocation');
  guard(() => caps!.histogramAdd(slot.id, other.id));
}

/** A class named Histogram, as Node's native handle classes are; only this module makes handles. */
function handleClass(methods: Record<string, Function>): { prototype: object } {
  const Histogram = function Histogram() {
    throw illegalConstructor();
  };
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(Histogram.prototype, name, { enumerable: true, writable: true, configurable: true, value: fn });
  }
  return Histogram;
}

const RecordableHandle = handleClass({ add, ...shared });
const IntervalHandle = handleClass(shared);

/** Opens a Worker histogram and returns its handle; the Worker's refusal is rethrown as Node's error. */
function open(recordable: boolean, create: (c: Caps) => number): object {
  const c = caps!;
  const id = guard(() => create(c));
  if (typeof id !== 'number' || id < 0) {
    const [code = 'ERR_INTERNAL', name = 'Error', message = 'the histogram could not be created'] = String(guard(() => c.lastError())).split('\u0000');
    throw nodeError(code, name === 'TypeError' || name === 'RangeError' ? name : 'Error', message);
  }
  const handle = objectCreate(recordable ? RecordableHandle.prototype : IntervalHandle.prototype) as Record<string, unknown>;
  for (const name of recordable ? RECORDABLE_OWN : INTERVAL_OWN) {
    defineProperty(handle, name, { enumerable: true, writable: true, configurable: true, value: own[name] });
  }
  slots.set(handle, { id, recordable });
  registry!.register(handle, id);
  return handle;
}

/** A RecordableHistogram's handle; bounds already checked as createHistogram checks them. */
export function openRecordable(lowest: number | bigint, highest: number | bigint, figures: number): object {
  return open(true, (c) => c.histogramCreate(lowest, highest, figures));
}

/** An event loop delay histogram's handle, not sampling yet. */
export function openInterval(resolution: number): object {
  return open(false, (c) => c.histogramMonitor(resolution));
}

/** Whether `value` is the handle of a recordable histogram (what RecordableHistogram.add accepts). */
export function isRecordableHandle(value: unknown): boolean {
  return typeof value === 'object' && value !== null && slots.get(value)?.recordable === true;
}
