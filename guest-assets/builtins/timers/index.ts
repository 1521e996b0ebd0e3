/**
 * The guest's `timers/promises`, `require('timers').promises`, and the `util.promisify.custom`
 * forms of the global setTimeout and setImmediate (Node's getters that give the promise versions).
 */
import type { BuiltinContext } from '../registry.js';
import { createTimersPromises } from './promises.js';

const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

export function defineTimers(ctx: BuiltinContext): void {
  let promises: ReturnType<typeof createTimersPromises> | undefined;
  const timersPromises = () => (promises ??= createTimersPromises(ctx.timers));
  ctx.define('timers/promises', timersPromises);

  // The `timers` module gets Node's enumerable `promises` getter. It is a copy of the timer
  // functions (the same function objects as the globals): the object the globals are copied from
  // must not carry the getter, or `promises` would become a global too.
  const timers = { ...ctx.timers };
  Object.defineProperty(timers, 'promises', { get: timersPromises, enumerable: true, configurable: true });
  ctx.define('timers', () => timers);

  for (const [fn, name] of [[ctx.timers.setTimeout, 'setTimeout'], [ctx.timers.setImmediate, 'setImmediate']] as const) {
    Object.defineProperty(fn, promisifyCustom, { enumerable: true, get: () => timersPromises()[name] });
  }
}
