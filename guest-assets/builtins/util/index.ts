/**
 * The guest's `util` and `util/types`, Node 20's API with its results and messages. The exports
 * keep Node's key order; the members Node loads lazily are accessors here too (read once, then
 * plain values). Type checks are V8's own (types.ts); everything else is plain guest code.
 */
import { guard } from '../../caps.js';
import type { BuiltinContext } from '../registry.js';
import { createAbortHelpers } from './abort.js';
import { createDebuglog } from './debuglog.js';
import { createDeepEqual } from './deep-equal.js';
import { deprecateFor, type Deprecate } from './deprecate.js';
import { createInspectApi } from './inspect-api.js';
import { createLegacy, createLog } from './legacy.js';
import { createMimeType, MIMEParams } from './mime.js';
import { createParseArgs } from './parse-args.js';
import { createCallbackify, promisify } from './promisify.js';
import { createSystemErrors } from './system.js';
import { createStyleText, stripVTControlCharacters, toUSVString } from './text.js';
import { createTypes, type UtilTypes } from './types.js';

export { kKeyObject, kKeyType } from './types.js';
export { customPromisifyArgs } from './promisify.js';

/**
 * Accessors that load on first read and then replace themselves with a data property (as does a
 * write), as Node's lazily loaded util members.
 */
function defineLazy(target: object, members: Record<string, () => unknown>): void {
  for (const [key, load] of Object.entries(members)) {
    const set = (value: unknown) => void Object.defineProperty(target, key, { value, writable: true });
    const get = () => {
      const value = load();
      set(value);
      return value;
    };
    Object.defineProperty(get, 'name', { value: `get ${key}` });
    Object.defineProperty(set, 'name', { value: `set ${key}` });
    Object.defineProperty(target, key, { get, set, enumerable: true, configurable: true });
  }
}

/** Getter-only members (Node's abort helpers stay accessors). */
function defineGetters(target: object, members: Record<string, () => unknown>): void {
  for (const [key, load] of Object.entries(members)) {
    let value: unknown;
    let loaded = false;
    const get = () => {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    };
    Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
  }
}

/** Per-sandbox util state shared with assert (one deep comparison, one set of type checks). */
export interface UtilInternals {
  types: UtilTypes;
  isDeepStrictEqual(a: unknown, b: unknown): boolean;
  isDeepEqual(a: unknown, b: unknown): boolean;
  emitWarning(...args: unknown[]): void;
  /** util.deprecate; one per sandbox, so a deprecation code warns once whichever module uses it. */
  deprecate: Deprecate;
}

const internals = new WeakMap<object, UtilInternals>();

/** The util state of the sandbox whose context is `ctx` (built once). */
export function utilInternals(ctx: BuiltinContext): UtilInternals {
  let found = internals.get(ctx.process);
  if (found === undefined) {
    const types = createTypes(ctx.caps);
    // The process's own emitWarning, looked up at each call (a program may replace it), as Node does.
    const emitWarning = (...args: unknown[]) => Reflect.apply(ctx.process.emitWarning, ctx.process, args);
    const bytesEqual = (a: Uint8Array, b: Uint8Array) => guard(() => ctx.caps.bytesEqual(a, b)) === true;
    found = { types, ...createDeepEqual(types, bytesEqual), emitWarning, deprecate: deprecateFor(ctx.process) };
    internals.set(ctx.process, found);
  }
  return found;
}

function createUtil(ctx: BuiltinContext): Record<string, unknown> {
  const { types, isDeepStrictEqual, emitWarning, deprecate } = utilInternals(ctx);
  const { inspect, format, formatWithOptions } = createInspectApi();
  const system = createSystemErrors(ctx.caps);
  const legacy = createLegacy(types, ctx.Buffer.isBuffer, system.errname);
  const debuglog = createDebuglog(ctx.process, emitWarning);
  const abort = createAbortHelpers(ctx.global);
  const util: Record<string, unknown> = {
    _errnoException: legacy._errnoException,
    _exceptionWithHostPort: legacy._exceptionWithHostPort,
    _extend: legacy._extend,
    callbackify: createCallbackify(ctx.process),
    debug: debuglog,
    debuglog,
    deprecate,
    format,
    styleText: createStyleText(ctx.process, () => inspect.colors),
    formatWithOptions,
    getSystemErrorMap: system.getSystemErrorMap,
    getSystemErrorName: system.getSystemErrorName,
    inherits: legacy.inherits,
    inspect,
    isArray: legacy.isArray,
    isBoolean: legacy.isBoolean,
    isBuffer: legacy.isBuffer,
    isDeepStrictEqual(a: unknown, b: unknown) {
      return isDeepStrictEqual(a, b);
    },
    isNull: legacy.isNull,
    isNullOrUndefined: legacy.isNullOrUndefined,
    isNumber: legacy.isNumber,
    isString: legacy.isString,
    isSymbol: legacy.isSymbol,
    isUndefined: legacy.isUndefined,
    isRegExp: legacy.isRegExp,
    isObject: legacy.isObject,
    isDate: legacy.isDate,
    isError: legacy.isError,
    isFunction: legacy.isFunction,
    isPrimitive: legacy.isPrimitive,
    log: createLog(() => ctx.global.console as { log(...args: unknown[]): void }),
    promisify,
    stripVTControlCharacters,
    toUSVString,
  };
  defineGetters(util, {
    transferableAbortSignal: () => abort.transferableAbortSignal,
    transferableAbortController: () => abort.transferableAbortController,
    aborted: () => abort.aborted,
  });
  util.types = types;
  util.parseEnv = system.parseEnv;
  defineLazy(util, {
    parseArgs: () => createParseArgs(ctx.process),
    TextDecoder: () => ctx.global.TextDecoder,
    TextEncoder: () => ctx.global.TextEncoder,
    MIMEType: () => createMimeType(ctx.caps),
    MIMEParams: () => MIMEParams,
  });
  return util;
}

/** Registers `util` and `util/types`. */
export function defineUtil(ctx: BuiltinContext): void {
  let util: Record<string, unknown> | undefined;
  const load = () => (util ??= createUtil(ctx));
  ctx.define('util', load);
  ctx.define('util/types', () => load().types);
}
