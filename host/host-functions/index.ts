import { fromLegacyBytes, isLegacyBytesTagged } from '../../bridge/legacy.js';
import { Buffer } from 'node:buffer';
import { types } from 'node:util';
import { HostFunctionMethod } from '../../bridge/wire/protocol.js';
import { decodeStructured, encodeOutcome, ValueErrorCode, type Settled, type ValueLimits, type ValueRealm } from '../../bridge/structured/index.js';
import type { Kind, Refusal } from '../../bridge/structured/kinds.js';
import type { Handler } from '../dispatcher/index.js';
import { callError } from '../dispatcher/errors.js';
import { resolveLimits, type Limits, type ResolvedLimits } from '../sandbox/options.js';

/**
 * Host functions: embedder functions the guest calls through `require('host')` (blocking) and
 * `require('host/promises')`. Arguments arrive as host-realm values (Buffers, typed arrays, Maps,
 * errors, ...) decoded from the guest's structured value; the result or the thrown value goes back
 * the same way. A host function may be async: the guest waits for its promise.
 */

/** A host function. `this` is undefined; it may return a promise. */
export type HostFunction = (...args: never[]) => unknown;

const getPrototypeOf = Object.getPrototypeOf;
const objectPrototype = Object.prototype;

/**
 * The host's view of values: Node's Buffer, and `util.types`, which sees internal slots through
 * realms (values from other vm contexts) and detects proxies, which the brand checks cannot.
 */
function classifyHost(v: object): Kind | Refusal | undefined {
  if (types.isProxy(v)) return { refused: 'proxy' };
  const proto: unknown = getPrototypeOf(v);
  if (proto === objectPrototype || proto === null) return 'object';
  if (Array.isArray(v)) return 'array';
  if (types.isTypedArray(v)) return 'typedarray';
  if (types.isArrayBuffer(v)) return 'arraybuffer';
  if (types.isDataView(v)) return 'dataview';
  if (types.isNativeError(v)) return 'error';
  if (types.isMap(v)) return 'map';
  if (types.isSet(v)) return 'set';
  if (types.isDate(v)) return 'date';
  if (types.isRegExp(v)) return 'regexp';
  if (types.isBoxedPrimitive(v)) return boxedKind(v);
  return refusedKind(v);
}

function boxedKind(v: object): Kind | Refusal {
  if (types.isBooleanObject(v)) return 'boxed-boolean';
  if (types.isNumberObject(v)) return 'boxed-number';
  if (types.isStringObject(v)) return 'boxed-string';
  if (types.isBigIntObject(v)) return 'boxed-bigint';
  return { refused: 'Symbol object' };
}

function refusedKind(v: object): Refusal | undefined {
  if (types.isPromise(v)) return { refused: 'Promise' };
  if (types.isWeakMap(v)) return { refused: 'WeakMap' };
  if (types.isWeakSet(v)) return { refused: 'WeakSet' };
  if (types.isSharedArrayBuffer(v)) return { refused: 'SharedArrayBuffer' };
  if (types.isGeneratorObject(v)) return { refused: 'generator' };
  if (types.isMapIterator(v) || types.isSetIterator(v)) return { refused: 'iterator' };
  if (types.isModuleNamespaceObject(v)) return { refused: 'module namespace object' };
  if (types.isExternal(v)) return { refused: 'external' };
  return undefined;
}

/** How structured values look in the host's realm. */
export const hostRealm: ValueRealm = {
  isBuffer: (value) => Buffer.isBuffer(value),
  bufferOf: (buffer) => Buffer.from(buffer),
  classify: classifyHost,
  // Old host code returns bytes as legacy objects: they reach the guest as Buffers (or a clear error).
  legacyBytes: (value) => (isLegacyBytesTagged(value) ? fromLegacyBytes(value, 'result') : undefined),
};

/** The value limits of a sandbox: a value never exceeds what one call may move. */
export function valueLimits(limits: ResolvedLimits): ValueLimits {
  return { maxDepth: limits.maxValueDepth, maxBytes: Math.min(limits.maxValueBytes, limits.maxFileBytes) };
}

/** Names travel in frames as method names: printable ASCII, no spaces. */
function checkName(name: string, fn: unknown): void {
  if (!/^[\x21-\x7e]{1,200}$/.test(name)) {
    throw new TypeError(`host function name ${JSON.stringify(name)} must be 1 to 200 printable ASCII characters without spaces`);
  }
  if (typeof fn !== 'function') throw new TypeError(`host function '${name}' is ${typeof fn}, not a function`);
}

function decodeArguments(args: unknown[], limits: ValueLimits): unknown[] {
  const [payload] = args;
  if (args.length !== 1 || !(payload instanceof Uint8Array)) {
    throw callError(ValueErrorCode.Malformed, 'TypeError', 'host function arguments must be one structured value (a byte string)');
  }
  const decoded = decodeStructured(payload, hostRealm, limits);
  if (!Array.isArray(decoded)) throw callError(ValueErrorCode.Malformed, 'TypeError', 'host function arguments must be an array');
  return decoded;
}

function handlerFor(fn: HostFunction, limits: ValueLimits): Handler {
  return async (args) => {
    const decoded = decodeArguments(args, limits);
    let settled: Settled;
    try {
      settled = { threw: false, value: await Reflect.apply(fn, undefined, decoded) };
    } catch (e) {
      settled = { threw: true, value: e };
    }
    return encodeOutcome(settled, hostRealm, limits);
  };
}

/**
 * The dispatcher methods that serve `functions`: `host.list` and one `host.fn.<name>` each, for a
 * Sandbox or a standalone Dispatcher. `limits` gives maxValueDepth, maxValueBytes and maxFileBytes
 * (defaults as for a sandbox). Names and functions are checked here, so createSandbox fails early.
 */
export function hostFunctionHandlers(functions: Readonly<Record<string, HostFunction>> | undefined, limits: Limits = {}): Record<string, Handler> {
  const value = valueLimits(resolveLimits(limits));
  const entries = Object.entries(functions ?? {});
  const handlers: Record<string, Handler> = Object.create(null) as Record<string, Handler>;
  for (const [name, fn] of entries) {
    checkName(name, fn);
    handlers[HostFunctionMethod.prefix + name] = handlerFor(fn, value);
  }
  const names = entries.map(([name]) => name);
  handlers[HostFunctionMethod.list] = () => ({ names, maxDepth: value.maxDepth, maxBytes: value.maxBytes });
  return handlers;
}
