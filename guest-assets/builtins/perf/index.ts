/**
 * The guest's perf_hooks and the global `performance` (and Node's Performance* classes as
 * globals). performance.now() and timeOrigin are the Worker's clock (Caps now/timeOrigin); the
 * loop milestones and idle time are the Worker's own loop, which is the guest's (see nodetiming.ts).
 * Histograms (createHistogram, monitorEventLoopDelay) are the Worker's own (histogram/).
 */
import { guard } from '../../caps.js';
import { makeStructuredClone } from '../events/clone.js';
import { defineEnumerableGlobal } from '../events/globals.js';
import type { BuiltinContext } from '../registry.js';
import { PerformanceEntry, PerformanceResourceTiming } from './entries.js';
import { setHistogramCaps } from './histogram/handle.js';
import { createHistogram, monitorEventLoopDelay } from './histogram/index.js';
import { perfHost } from './host.js';
import { createEventLoopUtilization, createLoopClock, createNodeTiming } from './nodetiming.js';
import { PerformanceObserver, PerformanceObserverEntryList, setObserverScheduler } from './observe.js';
import { createPerformance, Performance } from './performance.js';
import { timerify } from './timerify.js';
import { PerformanceMark, PerformanceMeasure, setNodeTiming } from './usertiming.js';

/** Node 20's perf_hooks.constants (the GC kinds and flags of `gc` entries). */
const CONSTANTS = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

export function definePerf(ctx: BuiltinContext): void {
  perfHost.now = () => guard(() => ctx.caps.now());
  const clone = makeStructuredClone(ctx.caps);
  perfHost.clone = (value) => clone(value);
  setObserverScheduler((fn) => void ctx.timers.setImmediate(fn));
  setHistogramCaps(ctx.caps);

  let performance: Performance | undefined;
  const instance = (): Performance => {
    if (performance !== undefined) return performance;
    const clock = createLoopClock(ctx.caps, ctx.timers);
    const nodeTiming = createNodeTiming(clock);
    setNodeTiming(nodeTiming);
    const origin = guard(() => ctx.caps.timeOrigin());
    performance = createPerformance({ eventLoopUtilization: createEventLoopUtilization(clock), nodeTiming, timerify, timeOrigin: () => origin });
    return performance;
  };

  ctx.define('perf_hooks', () => {
    const exports = {
      Performance,
      PerformanceEntry,
      PerformanceMark,
      PerformanceMeasure,
      PerformanceObserver,
      PerformanceObserverEntryList,
      PerformanceResourceTiming,
      monitorEventLoopDelay,
      createHistogram,
      performance: instance(),
    };
    Object.defineProperty(exports, 'constants', { configurable: false, enumerable: true, value: { ...CONSTANTS } });
    return exports;
  });

  defineEnumerableGlobal(ctx.global, 'performance', instance);
  for (const [name, value] of Object.entries({ Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver, PerformanceObserverEntryList, PerformanceResourceTiming })) {
    ctx.defineGlobal(name, () => value);
  }
}
