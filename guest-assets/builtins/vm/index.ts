/**
 * The guest's `vm`, within the guest's own realm: a sandbox cannot hand its guest a second realm
 * (every object it could reach there would come from outside the guest's), so
 * - `runInThisContext`, `Script#runInThisContext` and `compileFunction` are exact: code compiled
 *   in the guest's realm, as `node` compiles it in its own;
 * - a "context" from `createContext(object)` is that object used as the scope of the code run in
 *   it (`runInContext`, `runInNewContext`): names it has are read and written on it, ECMAScript's
 *   built-ins are the guest's, any other name is not defined. It is not a separate realm (its
 *   `Object` is the guest's `Object`), and `codeGeneration` options are not enforced;
 * - `vm.Module` classes, `measureMemory` and the microtask-queue options are not available.
 * That is what packages use vm for at load and run time (webpack's magic comments, template engines).
 */
import { BUILTIN_NAMES } from '../../scope.js';
import { describeReceived, invalidArgType, nodeError } from '../../node-errors.js';
import { accessDenied } from '../denied/index.js';
import type { BuiltinContext } from '../registry.js';

const contexts = new WeakSet<object>();
const builtins = new Set<string | symbol>(BUILTIN_NAMES);
const PARAMS = new Set<string | symbol>(['__v8fsScope', '__v8fsCode', 'eval', 'arguments']);

// Sloppy on purpose (a Function body is, whatever its caller): `with` gives the context as scope, and
// the direct eval inside it compiles the code with that scope.
// eslint-disable-next-line no-new-func
const runWithScope = new Function('__v8fsScope', '__v8fsCode', 'with (__v8fsScope) { return eval(__v8fsCode); }') as (scope: object, code: string) => unknown;

type Options = string | { filename?: unknown } | undefined;

function filenameOf(options: Options): string {
  if (typeof options === 'string') return options;
  const name = options !== null && typeof options === 'object' ? options.filename : undefined;
  if (name !== undefined && typeof name !== 'string') throw invalidArgType('options.filename', ['string'], [], name);
  return name ?? 'evalmachine.<anonymous>';
}

/** The code with its file name for stack traces. */
function named(code: string, filename: string): string {
  return `${code}\n//# sourceURL=${filename.replace(/\s/g, '_')}`;
}


function validateContext(context: unknown): asserts context is object {
  // Node's own wording, article included.
  if (context === null || typeof context !== 'object' || !contexts.has(context)) throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "contextifiedObject" argument must be an vm.Context.${describeReceived(context)}`);
}

function inContext(code: string, context: object, filename: string): unknown {
  const scope = new Proxy(context, {
    has: (_t, key) => !PARAMS.has(key),
    get(target, key) {
      if (key === Symbol.unscopables) return undefined;
      if (key in target) return Reflect.get(target, key);
      if (builtins.has(key)) return (globalThis as Record<string | symbol, unknown>)[key];
      if (key === 'globalThis') return context;
      throw new ReferenceError(`${String(key)} is not defined`);
    },
    set: (target, key, value) => Reflect.set(target, key, value),
  });
  return runWithScope(scope, named(code, filename));
}

function createContext(object: unknown = {}, _options?: unknown): object {
  if (object === null || typeof object !== 'object') throw invalidArgType('object', ['object'], [], object);
  contexts.add(object);
  return object;
}

class Script {
  readonly #code: string;
  readonly #filename: string;
  cachedDataRejected = false;
  constructor(code: unknown, options?: Options) {
    // Node takes any value as code, as its string.
    this.#code = `${code as string}`;
    this.#filename = filenameOf(options);
  }
  runInThisContext(): unknown {
    return (0, eval)(named(this.#code, this.#filename));
  }
  runInContext(context: unknown): unknown {
    validateContext(context);
    return inContext(this.#code, context, this.#filename);
  }
  runInNewContext(object?: unknown): unknown {
    return inContext(this.#code, createContext(object), this.#filename);
  }
  createCachedData(): Uint8Array {
    return new Uint8Array(0);
  }
}

export function defineVm(ctx: BuiltinContext): void {
  ctx.define('vm', () => {
    const denied = (name: string) => () => {
      throw accessDenied('vm', `vm.${name}()`);
    };
    return {
      Script,
      createContext,
      isContext: (object: unknown) => {
        if (object === null || typeof object !== 'object') throw invalidArgType('object', ['object'], [], object);
        return contexts.has(object);
      },
      createScript: (code: unknown, options?: Options) => new Script(code, options),
      runInThisContext: (code: unknown, options?: Options) => new Script(code, options).runInThisContext(),
      runInContext: (code: unknown, context: unknown, options?: Options) => new Script(code, options).runInContext(context),
      runInNewContext: (code: unknown, object?: unknown, options?: Options) => new Script(code, options).runInNewContext(object),
      compileFunction: (code: unknown, params: unknown = [], _options?: unknown) => {
        if (typeof code !== 'string') throw invalidArgType('code', ['string'], [], code);
        if (!Array.isArray(params) || !params.every((p) => typeof p === 'string')) throw invalidArgType('params', [], ['Array'], params);
        return new Function(...(params as string[]), code);
      },
      measureMemory: denied('measureMemory'),
      constants: Object.assign(Object.create(null), {
        USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
        DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
      }),
    };
  });
}
