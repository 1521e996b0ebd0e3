/**
 * util.inspect, format and formatWithOptions: the guest's exact inspect (guest-assets/inspect/index.ts)
 * with what Node hangs on it: `custom`, `defaultOptions`, `colors`, `styles`, and the legacy
 * `inspect(value, showHidden, depth, colors)` form. `defaultOptions` is the guest inspect's own
 * defaults object, so a change reaches console.log and every other inspect too.
 */
import { format, formatWithOptions as baseFormatWithOptions, inspect as baseInspect, inspectDefaults, type InspectOptions } from '../../inspect/index.js';
import { createColors, createStyles } from './colors.js';
import { validateObject } from '../validate.js';

/** The util functions built on inspect. */
export function createInspectApi() {
  function inspect(value: unknown, opts?: unknown, ...legacy: unknown[]): string {
    let options: InspectOptions | undefined;
    if (typeof opts === 'boolean' || legacy.length > 0) {
      options = typeof opts === 'object' && opts !== null ? { ...(opts as InspectOptions) } : {};
      if (typeof opts === 'boolean') options.showHidden = opts;
      if (legacy[0] !== undefined && legacy.length > 0) options.depth = legacy[0] as number;
      if (legacy.length > 1 && legacy[1] !== undefined) options.colors = legacy[1] as boolean;
    } else if (typeof opts === 'object' && opts !== null) {
      options = opts as InspectOptions;
    }
    return baseInspect(value, options);
  }
  inspect.custom = baseInspect.custom;
  Object.defineProperty(inspect, 'defaultOptions', {
    get: () => inspectDefaults,
    set(options: unknown) {
      validateObject(options, 'options');
      Object.assign(inspectDefaults, options);
    },
    enumerable: false,
    configurable: false,
  });
  inspect.colors = createColors();
  inspect.styles = createStyles();

  function formatWithOptions(inspectOptions: unknown, ...args: unknown[]): string {
    validateObject(inspectOptions, 'inspectOptions', 'array');
    return baseFormatWithOptions(inspectOptions as InspectOptions, ...args);
  }
  return { inspect: inspect as typeof inspect & { defaultOptions: InspectOptions }, format, formatWithOptions };
}
