/**
 * What a histogram reading (HistogramCaps.histogramRead) asks for, by its index here: the names of
 * Node's Histogram getters.
 */
export const HISTOGRAM_READINGS = ['count', 'countBigInt', 'min', 'minBigInt', 'max', 'maxBigInt', 'mean', 'exceeds', 'exceedsBigInt', 'stddev'] as const;
export type HistogramReading = (typeof HISTOGRAM_READINGS)[number];

/**
 * The Worker's histograms (host/worker/caps/histograms.ts): Node's own, HdrHistogram underneath,
 * held by the Worker and named by a number (> 0) that only the guest's handle objects know. Numbers,
 * bigints and strings cross; a failure returns -1 (or undefined for a reading) and Caps.lastError
 * tells why, as primitives.
 */
export interface HistogramCaps {
  /**
   * A RecordableHistogram with Node's `lowest`, `highest` (both numbers or both bigints, already
   * checked as createHistogram checks them) and `figures`: its id, or -1 when the sandbox refuses
   * it (over its live-histogram bounds, or a range HdrHistogram cannot build).
   */
  histogramCreate(lowest: number | bigint, highest: number | bigint, figures: number): number;
  /** An event loop delay histogram sampling every `resolution` ms (disabled): its id, or -1. */
  histogramMonitor(resolution: number): number;
  /** One getter of Node's Histogram (HISTOGRAM_READINGS[reading]); undefined for an unknown id. */
  histogramRead(id: number, reading: number): number | bigint | undefined;
  /** `percentile(p)` (or `percentileBigInt` when `big`), p already checked; undefined for an unknown id. */
  histogramPercentile(id: number, percentile: number, big: boolean): number | bigint | undefined;
  /** The `percentiles` map in its order as `key value` pairs joined by commas (values bigints when `big`). */
  histogramPercentiles(id: number, big: boolean): string;
  /** `record(value)` of a recordable histogram: 0, or -1 (Node's own range error, see lastError). */
  histogramRecord(id: number, value: number | bigint): number;
  /** `recordDelta()`: 0, or -1 for an unknown or non-recordable id. */
  histogramRecordDelta(id: number): number;
  /** `add(other)`, both recordable: 0, or -1 when either is not. */
  histogramAdd(id: number, other: number): number;
  /** `reset()`. */
  histogramReset(id: number): void;
  /** Starts (`on`) or stops an event loop delay histogram's sampling. */
  histogramSample(id: number, on: boolean): void;
  /** Frees a histogram (unknown ids are ignored). */
  histogramClose(id: number): void;
}

/** The Worker's capabilities behind the guest's perf_hooks (host/worker/caps/perf.ts). */
export interface PerfCaps extends HistogramCaps {
  /**
   * The Worker's `performance.nodeTiming` (the guest runs on the Worker's thread and event loop):
   * `nodeStart,v8Start,environment,bootstrapComplete,idleTime,loopCount,events,eventsWaiting`,
   * milliseconds on the clock of Caps.now (the uv metrics are -1 where this Node has none).
   */
  perfTiming(): string;
}
