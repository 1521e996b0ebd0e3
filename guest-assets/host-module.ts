import { HostFunctionMethod, Status } from '../bridge/wire/protocol.js';
import { decodeOutcome, encodeStructured, ValueErrorCode, valueError, type ValueLimits, type ValueRealm } from '../bridge/structured/index.js';
import { unwrap, type Result, type Rpc } from './rpc.js';

/**
 * `require('host')` and `require('host/promises')`: one function per host function the embedder
 * registered. Arguments are encoded here, in the guest, and results decoded here, so every value the
 * guest gets is built with its own constructors. The module objects are made on first require.
 */

/** The guest's Buffer class (the bundled `buffer` package's). */
type BufferClass = { prototype: object; from(buffer: ArrayBuffer): Uint8Array };

interface Listing {
  names: string[];
  limits: ValueLimits;
}

const defineProperty = Object.defineProperty;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Asks the host which functions it offers; a host without host functions offers none. */
function list(rpc: Rpc): Listing {
  let answer: unknown;
  try {
    answer = unwrap(rpc.callSync(HostFunctionMethod.list, []));
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'ERR_BRIDGE_UNKNOWN_METHOD') return { names: [], limits: { maxDepth: 0, maxBytes: 0 } };
    throw e;
  }
  const a = answer as { names?: unknown; maxDepth?: unknown; maxBytes?: unknown } | null;
  if (a === null || typeof a !== 'object' || !Array.isArray(a.names) || !a.names.every((n) => typeof n === 'string') || !isCount(a.maxDepth) || !isCount(a.maxBytes)) {
    throw valueError(ValueErrorCode.Malformed, 'the host answered host.list with a malformed listing');
  }
  return { names: a.names as string[], limits: { maxDepth: a.maxDepth, maxBytes: a.maxBytes } };
}

/** The reply bytes of a host function call: raw (status 2), or a Buffer a legacy-wire host sent as status 0. */
function replyBytes(result: Result): Uint8Array {
  if (result.status === Status.Raw) return result.bytes;
  if (result.status === Status.Ok && result.value instanceof Uint8Array) return result.value;
  unwrap(result);
  throw valueError(ValueErrorCode.Malformed, 'the host answered a host function call with something other than a structured value');
}

/** Builds both module objects from the host's listing. */
function createModules(rpc: Rpc, realm: ValueRealm): { sync: object; promises: object } {
  const { names, limits } = list(rpc);
  const settle = (result: Result): unknown => {
    const { threw, value } = decodeOutcome(replyBytes(result), realm, limits);
    if (threw) throw value;
    return value;
  };
  const sync = {};
  const promises = {};
  for (const name of names) {
    const method = HostFunctionMethod.prefix + name;
    const blocking = (...args: unknown[]): unknown => settle(rpc.callSync(method, [encodeStructured(args, realm, limits)]));
    const deferred = async (...args: unknown[]): Promise<unknown> => settle(await rpc.callAsync(method, [encodeStructured(args, realm, limits)]));
    for (const [target, fn] of [[sync, blocking], [promises, deferred]] as const) {
      defineProperty(fn, 'name', { value: name });
      defineProperty(target, name, { value: fn, writable: true, enumerable: true, configurable: true });
    }
  }
  return { sync, promises };
}

/**
 * Adds `host` and `host/promises` to the guest's built-in modules, made on first require (one
 * blocking `host.list` call). `Buffer` is the guest's Buffer class: Buffers arrive as Buffers.
 */
export function defineHostModules(builtins: Record<string, unknown>, rpc: Rpc, Buffer: BufferClass): void {
  const bufferPrototype = Buffer.prototype;
  const isPrototypeOf = Object.prototype.isPrototypeOf;
  const realm: ValueRealm = {
    isBuffer: (value) => Reflect.apply(isPrototypeOf, bufferPrototype, [value]) as boolean,
    bufferOf: (buffer) => Buffer.from(buffer),
  };
  let modules: { sync: object; promises: object } | undefined;
  const load = () => (modules ??= createModules(rpc, realm));
  defineProperty(builtins, 'host', { get: () => load().sync, enumerable: true, configurable: true });
  defineProperty(builtins, 'host/promises', { get: () => load().promises, enumerable: true, configurable: true });
}
