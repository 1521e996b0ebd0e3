/**
 * The capability behind the guest's stand-ins for the modules the sandbox does not allow
 * (guest-assets/builtins/denied): what Node's real module exports, as names and plain data, so a
 * package that reads a constant or extends a class at load time still loads.
 */
import { createRequire } from 'node:module';
import type { DeniedCaps } from '../../../guest-assets/builtins/denied/caps.js';
import { DENIED_MODULES } from '../../../guest-assets/builtins/denied/list.js';
import { quietly, type Realm } from '../realm.js';

const require = createRequire(import.meta.url);

/** Modules a Worker cannot load (Node refuses trace_events off the main thread): their shape as in the main thread. */
const WORKER_UNAVAILABLE: Record<string, Record<string, unknown>> = {
  trace_events: { createTracing: function createTracing(_options: unknown) {}, getEnabledCategories: function getEnabledCategories() {} },
};

/** A value that survives JSON as itself (no functions, classes, symbols or cycles). */
function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (depth > 4 || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return Object.values(value as object).every((v) => isPlainData(v, depth + 1));
}

export function deniedCaps(_realm: Realm): DeniedCaps {
  return {
    moduleShape: (name) =>
      quietly(() => {
        if (typeof name !== 'string' || !DENIED_MODULES.includes(name)) return '{}';
        const mod = quietly(() => require(`node:${name}`) as Record<string, unknown>, undefined) ?? WORKER_UNAVAILABLE[name];
        if (mod === undefined) return '{}';
        const functions: [string, string, number][] = [];
        const data: Record<string, unknown> = {};
        for (const key of Object.keys(mod)) {
          const value = quietly(() => mod[key], undefined);
          if (typeof value === 'function') functions.push([key, String(value.name), Number(value.length)]);
          else if (isPlainData(value)) data[key] = value;
        }
        return JSON.stringify({ functions, data });
      }, '{}'),
  };
}
