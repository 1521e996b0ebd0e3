/**
 * Shared types and constants for the guest-side `util.inspect` re-implementation
 * (see `inspect.ts` for the public API and the list of known differences).
 */

/** Entry formatted as `key: value` inside an object-like container. */
export const KIND_OBJECT = 0;
/** Array element: only the value is printed. */
export const KIND_ARRAY = 1;
/** Extra (non-index) property of an array-like: `key: value`, groupable container. */
export const KIND_ARRAY_EXTRAS = 2;

/** How a single entry of a container is rendered. */
export type EntryKind = typeof KIND_OBJECT | typeof KIND_ARRAY | typeof KIND_ARRAY_EXTRAS;

/** Comparator accepted by the `sorted` option. */
export type Comparator = (a: string, b: string) => number;

/**
 * Options understood by {@link inspect}. They mirror Node's `util.inspect`
 * options; output is never colored, so `colors` is accepted but ignored.
 */
export interface InspectOptions {
  /** How many nesting levels to expand; `null` or `Infinity` for no limit. Default 2. */
  depth?: number | null;
  /** Accepted for compatibility; output is never colored. */
  colors?: boolean;
  /** Also list non-enumerable and prototype properties (used by `%o`). Default false. */
  showHidden?: boolean;
  /** Line width used to decide when to break entries onto several lines. Default 80. */
  breakLength?: number;
  /** Node's `compact` setting: a number (default 3), `true` or `false`. */
  compact?: number | boolean;
  /** Sort object keys and Map/Set entries (`true` or a comparator). Default false. */
  sorted?: boolean | Comparator;
  /** Maximum number of array, Set and Map items shown; `null` for all. Default 100. */
  maxArrayLength?: number | null;
  /** Maximum number of string characters shown; `null` for all. Default 10000. */
  maxStringLength?: number | null;
  /** Call `[Symbol.for('nodejs.util.inspect.custom')]` methods. Default true. */
  customInspect?: boolean;
  /** Any other option is passed through to custom inspect functions untouched. */
  [other: string]: unknown;
}

/** Signature of the public `inspect` function, passed to custom inspectors. */
export type InspectFunction = (value: unknown, options?: InspectOptions) => string;

/** Recursive formatter stored on the context so helper modules avoid import cycles. */
export type FormatValue = (ctx: Ctx, value: unknown, recurseTimes: number, typedArray?: boolean) => string;

/** Mutable state for one inspection run. */
export interface Ctx {
  depth: number | null;
  showHidden: boolean;
  breakLength: number;
  compact: number | boolean;
  sorted: boolean | Comparator;
  maxArrayLength: number;
  maxStringLength: number;
  customInspect: boolean;
  /** Current indentation in spaces. */
  indentationLvl: number;
  /** Nesting level of the most recently expanded object (drives `compact`). */
  currentDepth: number;
  /** Objects currently being expanded, for cycle detection. */
  seen: object[];
  /** Objects found to be circular, with their `<ref *N>` number. */
  circular: Map<object, number> | undefined;
  /** The caller's original options object when it held unknown keys. */
  userOptions: InspectOptions | undefined;
  formatValue: FormatValue;
  inspect: InspectFunction;
}

/** True when `recurseTimes` is past the configured depth. */
export function isTooDeep(ctx: Ctx, recurseTimes: number): boolean {
  return ctx.depth !== null && recurseTimes > ctx.depth;
}

/** `... N more items` trailer used by every list formatter. */
export function moreItems(remaining: number): string {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

/** The option values of a context, as handed to custom inspect functions. */
export function optionsOf(ctx: Ctx): InspectOptions {
  return {
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: false,
    customInspect: ctx.customInspect,
    showProxy: false,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: false,
    numericSeparator: false,
  };
}
