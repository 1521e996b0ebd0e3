/**
 * Capabilities behind the guest's perf_hooks: the guest runs on this Worker's thread and event loop,
 * so the Worker's own milestones and loop idle time are the guest's. Numbers only cross. The
 * histograms are in histograms.ts.
 */
import { performance } from 'node:perf_hooks';
import type { PerfCaps } from '../../../guest-assets/builtins/perf/caps.js';
import { quietly, type Realm } from '../realm.js';
import { histogramCaps } from './histograms.js';

type Timing = typeof performance.nodeTiming & { uvMetricsInfo?: { loopCount: number; events: number; eventsWaiting: number } };

export function perfCaps(realm: Realm): PerfCaps {
  return {
    ...histogramCaps(realm),
    perfTiming: () =>
      quietly(() => {
        const t = performance.nodeTiming as Timing;
        const uv = quietly(() => t.uvMetricsInfo, undefined);
        return [t.nodeStart, t.v8Start, t.environment, t.bootstrapComplete, t.idleTime, uv?.loopCount ?? -1, uv?.events ?? -1, uv?.eventsWaiting ?? -1].join(',');
      }, '0,0,0,0,0,-1,-1,-1'),
  };
}
