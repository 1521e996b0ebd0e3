/** The guest's timers/promises. */
import type { BuiltinContext } from '../registry.js';

export function defineTimers(_ctx: BuiltinContext): void {}
