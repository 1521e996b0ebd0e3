/** What perf_hooks takes from the rest of the guest runtime, set when the built-ins are registered. */
export const perfHost = {
  /** performance.now(): milliseconds since the sandbox's time origin. */
  now: (): number => 0,
  /** The guest's structuredClone (mark and measure details are cloned, as in Node). */
  clone: (value: unknown): unknown => value,
};
