/**
 * util.inspect, format and formatWithOptions: the guest's exact inspect (guest-assets/inspect.ts)
 * with what Node hangs on it: `custom`, `defaultOptions`, `colors`, `styles`, and the legacy
 * `inspect(value, showHidden, depth, colors)` form. A changed `defaultOptions` applies to these
 * three functions; console.log keeps inspect's own defaults.
 */
import { format as baseFormat, formatWithOptions as baseFormatWithOptions, inspect as baseInspect, type InspectOptions } from '../../inspect.js';
import { createColors, createStyles } from './colors.js';
import { validateObject } from '../validate.js';

/** Node 20's inspect defaults (sealed, as Node's: only these keys may be set). */
function createDefaults(): InspectOptions {
  return Object.seal({
    showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false, maxArrayLength: 100,
    maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false, numericSeparator: false,
  });
}

/** The util functions built on inspect, sharing one `defaultOptions`. */
export function createInspectApi() {
  const pristine = createDefaults();
  const defaults = createDefaults();
  const changed = (): InspectOptions | undefined => {
    for (const key of Object.keys(pristine)) if (!Object.is(defaults[key], pristine[key])) return defaults;
    return undefined;
  };
  const withDefaults = (options: InspectOptions | undefined): InspectOptions | undefined => {
    const base = changed();
    return base === undefined ? options : { ...base, ...options };
  };

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
    return baseInspect(value, withDefaults(options));
  }
  inspect.custom = baseInspect.custom;
  Object.defineProperty(inspect, 'defaultOptions', {
    get: () => defaults,
    set(options: unknown) {
      validateObject(options, 'options');
      Object.assign(defaults, options);
    },
    enumerable: false,
    configurable: false,
  });
  inspect.colors = createColors();
  inspect.styles = createStyles();

  function formatWithOptions(inspectOptions: unknown, ...args: unknown[]): string {
    validateObject(inspectOptions, 'inspectOptions', 'array');
    return baseFormatWithOptions(withDefaults(inspectOptions) ?? {}, ...args);
  }
  function format(...args: unknown[]): string {
    const base = changed();
    return base === undefined ? baseFormat(...args) : baseFormatWithOptions(base, ...args);
  }
  return { inspect: inspect as typeof inspect & { defaultOptions: InspectOptions }, format, formatWithOptions };
}
