/** The guest's perf_hooks and the global performance. */
import type { BuiltinContext } from '../registry.js';

export function definePerf(_ctx: BuiltinContext): void {}
