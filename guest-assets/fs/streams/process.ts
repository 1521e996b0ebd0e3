/**
 * The `process` module the bundled readable-stream sees (scripts/build-guest.mjs aliases `process`
 * to this file): only `nextTick`, which the guest bridge points at its own `process.nextTick` once
 * that exists. Until then (and if never bound) a callback runs as a microtask.
 */

type Tick = (callback: (...args: unknown[]) => void, ...args: unknown[]) => void;

let tick: Tick = (callback, ...args) => {
  void Promise.resolve().then(() => callback(...args));
};

/** Defers `callback(...args)` to the next tick of the guest's event loop. */
export function nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
  tick(callback, ...args);
}

/** Points nextTick at the guest's `process.nextTick` (called once, when the bridge is installed). */
export function bindNextTick(impl: Tick): void {
  tick = impl;
}

/** The module as readable-stream's shim looks it up (`default.nextTick`). */
export default { nextTick };
