/**
 * `performance.nodeTiming` and `performance.eventLoopUtilization()`. The guest runs on the
 * Worker's thread and event loop, so the Worker's milestones and loop idle time are used (Caps
 * perfTiming), with one difference forced by the sandbox: the loop is taken to start when the first
 * check phase after perf_hooks was first used runs (an unref'd immediate records it). Used while the
 * main script runs, that is where Node's loop starts too (until then loopStart is -1 and the
 * utilization is all zeros, as in Node); first used later, loopStart stays -1 until that immediate.
 * Idle time is counted from that point.
 */
import { guard, type Caps } from '../../caps.js';
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import type { GuestTimers } from '../registry.js';
import { PerformanceEntry } from './entries.js';
import { perfHost } from './host.js';

interface Loop {
  start: number;
  idleAtStart: number;
}

/** The clock readings perf_hooks needs, over the Worker's numbers. */
export interface LoopClock {
  timing(): number[];
  loop(): Loop | undefined;
  idleTime(): number;
}

export function createLoopClock(caps: Caps, timers: GuestTimers): LoopClock {
  const timing = () => String(guard(() => caps.perfTiming())).split(',').map(Number);
  let loop: Loop | undefined;
  timers.setImmediate(() => {
    loop = { start: perfHost.now(), idleAtStart: timing()[4] ?? 0 };
  }).unref();
  return {
    timing,
    loop: () => loop,
    idleTime: () => (loop === undefined ? 0 : Math.max(0, (timing()[4] ?? 0) - loop.idleAtStart)),
  };
}

/** Node's PerformanceNodeTiming: own enumerable accessors, an entry by prototype. */
export function createNodeTiming(clock: LoopClock): object {
  class PerformanceNodeTiming {
    constructor() {
      const props: PropertyDescriptorMap = {
        name: { enumerable: true, configurable: true, value: 'node' },
        entryType: { enumerable: true, configurable: true, value: 'node' },
        startTime: { enumerable: true, configurable: true, value: 0 },
        duration: { enumerable: true, configurable: true, get: () => perfHost.now() },
      };
      const milestone = (i: number): PropertyDescriptor => ({ enumerable: true, configurable: true, get: () => clock.timing()[i] });
      // Node's order of the keys.
      props.nodeStart = milestone(0);
      props.v8Start = milestone(1);
      props.environment = milestone(2);
      props.loopStart = { enumerable: true, configurable: true, get: () => clock.loop()?.start ?? -1 };
      props.loopExit = { enumerable: true, configurable: true, get: () => -1 };
      props.bootstrapComplete = milestone(3);
      props.idleTime = { enumerable: true, configurable: true, get: () => clock.idleTime() };
      props.uvMetricsInfo = {
        enumerable: true,
        configurable: true,
        get: () => {
          const t = clock.timing();
          return { loopCount: t[5], events: t[6], eventsWaiting: t[7] };
        },
      };
      Object.defineProperties(this, props);
    }

    [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
      if (depth < 0) return '[PerformanceNodeTiming]';
      const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      return `PerformanceNodeTiming ${inspect(this.toJSON(), opts)}`;
    }

    toJSON(): object {
      const t = this as unknown as Record<string, unknown>;
      return {
        name: 'node',
        entryType: 'node',
        startTime: t.startTime,
        duration: t.duration,
        nodeStart: t.nodeStart,
        v8Start: t.v8Start,
        bootstrapComplete: t.bootstrapComplete,
        environment: t.environment,
        loopStart: t.loopStart,
        loopExit: t.loopExit,
        idleTime: t.idleTime,
      };
    }
  }
  Object.setPrototypeOf(PerformanceNodeTiming.prototype, PerformanceEntry.prototype);
  return new PerformanceNodeTiming();
}

interface Utilization {
  idle: number;
  active: number;
  utilization: number;
}

/** performance.eventLoopUtilization(util1, util2), with Node's arithmetic. */
export function createEventLoopUtilization(clock: LoopClock) {
  return function eventLoopUtilization(util1?: Utilization, util2?: Utilization): Utilization {
    const loop = clock.loop();
    if (loop === undefined || loop.start <= 0) return { idle: 0, active: 0, utilization: 0 };
    if (util2) {
      const idle = util1!.idle - util2.idle;
      const active = util1!.active - util2.active;
      return { idle, active, utilization: active / (idle + active) };
    }
    const idleTime = clock.idleTime();
    const active = perfHost.now() - loop.start - idleTime;
    if (!util1) return { idle: idleTime, active, utilization: active / (idleTime + active) };
    const idleDelta = idleTime - util1.idle;
    const activeDelta = active - util1.active;
    return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
  };
}
