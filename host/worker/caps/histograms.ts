/**
 * Capabilities behind the guest's histograms (guest-assets/builtins/perf/histogram.ts): the Worker's
 * own node:perf_hooks histograms, HdrHistogram underneath, so every count, percentile and mean is
 * Node's. They live in a table keyed by small integers; the guest holds only the number, inside its
 * handle objects, and numbers, bigints and strings cross. An event loop delay histogram samples the
 * Worker's loop, which is the guest's.
 *
 * Sandbox bounds (a histogram's counts are native memory, outside the guest's heap limit): at most
 * MAX_HISTOGRAMS live histograms and MAX_HISTOGRAM_BYTES of their counts, sized as HdrHistogram
 * sizes them. The guest frees one when its handle is collected; the Worker's end frees the rest.
 * A range HdrHistogram cannot build is refused here: Node checks it natively and aborts the process.
 */
import { createHistogram, monitorEventLoopDelay, type IntervalHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { HISTOGRAM_READINGS, type HistogramCaps } from '../../../guest-assets/builtins/perf/caps.js';
import { quietly, type Realm } from '../realm.js';

/** Most live histograms per sandbox. */
export const MAX_HISTOGRAMS = 4096;
/** Most memory of the live histograms' counts per sandbox (a default histogram takes 352 KiB). */
export const MAX_HISTOGRAM_BYTES = 256 * 1024 * 1024;
/** What a histogram costs besides its counts (the object, HdrHistogram's header; a loop timer). */
const OVERHEAD_BYTES = 16 * 1024;

const INT64_MAX = 2n ** 63n - 1n;

interface Entry {
  histogram: RecordableHistogram | IntervalHistogram;
  recordable: boolean;
  cost: number;
}

/**
 * The length of HdrHistogram's counts array for this range (hdr_calculate_bucket_config), or
 * undefined where hdr_init fails. The bounds are what the native code sees: int64 values.
 */
export function countsLength(lowest: bigint, highest: bigint, figures: number): number | undefined {
  if (lowest < 1n || !Number.isInteger(figures) || figures < 1 || figures > 5 || lowest * 2n > highest) return undefined;
  const subBucketMagnitude = Math.ceil(Math.log2(2 * 10 ** figures));
  const halfMagnitude = Math.max(subBucketMagnitude, 1) - 1;
  const unitMagnitude = lowest.toString(2).length - 1;
  if (unitMagnitude + halfMagnitude > 61) return undefined;
  const subBuckets = 2 ** (halfMagnitude + 1);
  let untrackable = BigInt(subBuckets) << BigInt(unitMagnitude);
  let buckets = 1;
  while (untrackable <= highest) {
    if (untrackable > INT64_MAX / 2n) {
      buckets++;
      break;
    }
    untrackable <<= 1n;
    buckets++;
  }
  return (buckets + 1) * (subBuckets / 2);
}

/** A bound as the native code reads it: an int64 (a bigint wraps, as BigInt::Int64Value does). */
function int64(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return BigInt.asIntN(64, value);
  return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : undefined;
}

/** A sandbox refusal, in the shape the guest rethrows. */
function refusal(code: string, name: string, message: string): Error {
  const err = new Error(message) as Error & { code: string };
  err.name = name;
  err.code = code;
  return err;
}

/** Node's ERR_INVALID_ARG_VALUE (a RangeError) for a bound HdrHistogram cannot use. */
function invalidBound([name, value]: [string, unknown]): Error {
  return refusal('ERR_INVALID_ARG_VALUE', 'RangeError', `The property '${name}' is invalid. Received ${String(value)}${typeof value === 'bigint' ? 'n' : ''}`);
}

const DEFAULT_COST = (countsLength(1n, BigInt(Number.MAX_SAFE_INTEGER), 3) ?? 0) * 8 + OVERHEAD_BYTES;

export function histogramCaps(realm: Realm): HistogramCaps {
  const live = new Map<number, Entry>();
  let nextId = 1;
  let liveBytes = 0;

  /** Runs a capability: whatever it throws is remembered as primitives and becomes `fallback`. */
  const run = <T, F>(fn: () => T, fallback: F): T | F =>
    quietly(() => {
      try {
        return fn();
      } catch (e) {
        realm.remember(e);
        return fallback;
      }
    }, fallback);

  const add = (histogram: RecordableHistogram | IntervalHistogram, recordable: boolean, cost: number): number => {
    const id = nextId++;
    live.set(id, { histogram, recordable, cost });
    liveBytes += cost;
    return id;
  };
  /** Refuses a histogram over the sandbox's bounds. */
  const admit = (cost: number): void => {
    if (live.size >= MAX_HISTOGRAMS) {
      throw refusal('ERR_HISTOGRAM_SANDBOX_LIMIT', 'RangeError', `Live histograms are more than the sandbox limit of ${MAX_HISTOGRAMS} (each is released when it is collected)`);
    }
    if (liveBytes + cost > MAX_HISTOGRAM_BYTES) {
      throw refusal('ERR_HISTOGRAM_SANDBOX_LIMIT', 'RangeError', `The live histograms' counts would take ${liveBytes + cost} bytes, more than the sandbox limit of ${MAX_HISTOGRAM_BYTES} (each is released when it is collected)`);
    }
  };
  const create = (lowest: unknown, highest: unknown, figures: unknown): number => {
    const [low, high] = [int64(lowest), int64(highest)];
    if (low === undefined || high === undefined || typeof lowest !== typeof highest || typeof figures !== 'number') throw new TypeError('invalid histogram bounds');
    const length = countsLength(low, high, figures);
    if (length === undefined) throw invalidBound(low >= 1n && high < low * 2n ? ['options.highest', highest] : ['options.lowest', lowest]);
    const cost = length * 8 + OVERHEAD_BYTES;
    admit(cost);
    return add(createHistogram({ lowest: lowest as number, highest: highest as number, figures }), true, cost);
  };
  const entry = (id: unknown): Entry | undefined => (typeof id === 'number' ? live.get(id) : undefined);
  const recordable = (id: unknown): RecordableHistogram => {
    const e = entry(id);
    if (e === undefined || !e.recordable) throw new TypeError('not a recordable histogram');
    return e.histogram as RecordableHistogram;
  };

  return {
    histogramCreate: (lowest, highest, figures) => run(() => create(lowest, highest, figures), -1),
    histogramMonitor: (resolution) =>
      run(() => {
        if (typeof resolution !== 'number') throw new TypeError('the resolution must be a number');
        admit(DEFAULT_COST);
        return add(monitorEventLoopDelay({ resolution }), false, DEFAULT_COST);
      }, -1),
    histogramRead: (id, reading) =>
      run(() => {
        const name = typeof reading === 'number' ? HISTOGRAM_READINGS[reading] : undefined;
        const e = entry(id);
        return name === undefined || e === undefined ? undefined : e.histogram[name];
      }, undefined),
    histogramPercentile: (id, percentile, big) =>
      run(() => {
        const e = entry(id);
        if (e === undefined || typeof percentile !== 'number') return undefined;
        return big === true ? e.histogram.percentileBigInt(percentile) : e.histogram.percentile(percentile);
      }, undefined),
    histogramPercentiles: (id, big) =>
      run(() => {
        const e = entry(id);
        if (e === undefined) return '';
        const pairs: string[] = [];
        for (const [key, value] of big === true ? e.histogram.percentilesBigInt : e.histogram.percentiles) pairs.push(`${key} ${value}`);
        return pairs.join(',');
      }, ''),
    histogramRecord: (id, value) =>
      run(() => {
        if (typeof value !== 'number' && typeof value !== 'bigint') throw new TypeError('the value must be a number or a bigint');
        recordable(id).record(value);
        return 0;
      }, -1),
    histogramRecordDelta: (id) =>
      run(() => {
        recordable(id).recordDelta();
        return 0;
      }, -1),
    histogramAdd: (id, other) =>
      run(() => {
        recordable(id).add(recordable(other));
        return 0;
      }, -1),
    histogramReset: (id) => run(() => entry(id)?.histogram.reset(), undefined),
    histogramSample: (id, on) =>
      run(() => {
        const e = entry(id);
        if (e === undefined || e.recordable) return;
        const eld = e.histogram as IntervalHistogram;
        if (on === true) eld.enable();
        else eld.disable();
      }, undefined),
    histogramClose: (id) =>
      run(() => {
        const e = entry(id);
        if (e === undefined) return;
        live.delete(id);
        liveBytes -= e.cost;
        if (!e.recordable) (e.histogram as IntervalHistogram).disable();
      }, undefined),
  };
}
