/** The Worker's capabilities behind the guest's perf_hooks (host/worker/caps/perf.ts). */
export interface PerfCaps {
  /**
   * The Worker's `performance.nodeTiming` (the guest runs on the Worker's thread and event loop):
   * `nodeStart,v8Start,environment,bootstrapComplete,idleTime,loopCount,events,eventsWaiting`,
   * milliseconds on the clock of Caps.now (the uv metrics are -1 where this Node has none).
   */
  perfTiming(): string;
}
