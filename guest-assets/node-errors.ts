import { buildError, type ErrorName } from '../bridge/wire/errors.js';
import { inspect } from './inspect/index.js';

/** Guest-realm constructors, captured before guest code can replace the globals. */
const ctors = { Error, TypeError, RangeError };

/** Builds a Node internal error (`TypeError [ERR_X]: message`) in the guest realm. */
export function nodeError(code: string, name: ErrorName, message: string): Error {
  return buildError({ code, name, message }, ctors);
}

/** Node's description of a wrong-typed value: `Received type number (5)`, `an instance of Object`... */
export function describeReceived(value: unknown): string {
  if (value === null || value === undefined) return ` Received ${String(value)}`;
  if (typeof value === 'function') return ` Received function ${(value as { name?: string }).name ?? ''}`;
  if (typeof value === 'object') {
    const ctor = safeConstructorName(value);
    if (ctor) return ` Received an instance of ${ctor}`;
    return ` Received ${inspect(value, { depth: -1 })}`;
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function safeConstructorName(value: object): string | undefined {
  try {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : undefined;
  } catch {
    return undefined;
  }
}

function joinTypes(types: readonly string[]): string {
  if (types.length <= 1) return types.join('');
  if (types.length === 2) return `${types[0]} or ${types[1]}`;
  return `${types.slice(0, -1).join(', ')}, or ${types[types.length - 1]}`;
}

/**
 * ERR_INVALID_ARG_TYPE with Node's wording. `types` are lower-case type names (`string`), `instances`
 * are class names (`Buffer`), e.g. `The "path" argument must be of type string or an instance of Buffer or URL.`
 */
export function invalidArgType(name: string, types: readonly string[], instances: readonly string[], value: unknown): Error {
  const kind = name.includes('.') ? 'property' : 'argument';
  let msg = `The "${name}" ${kind} must be `;
  if (types.length > 0) msg += `${types.length > 1 ? 'one of type' : 'of type'} ${joinTypes(types)}`;
  if (instances.length > 0) msg += `${types.length > 0 ? ' or ' : ''}an instance of ${joinTypes(instances)}`;
  return nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `${msg}.${describeReceived(value)}`);
}

/** ERR_INVALID_ARG_VALUE: `The argument 'encoding' is invalid encoding. Received 'nope'`. */
export function invalidArgValue(name: string, value: unknown, reason = 'is invalid'): Error {
  const kind = name.includes('.') ? 'property' : 'argument';
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  return nodeError('ERR_INVALID_ARG_VALUE', 'TypeError', `The ${kind} '${name}' ${reason}. Received ${shown}`);
}

/** ERR_OUT_OF_RANGE: `The value of "offset" is out of range. It must be >= 0. Received -1`. */
export function outOfRange(name: string, range: string, value: unknown): Error {
  return nodeError('ERR_OUT_OF_RANGE', 'RangeError', `The value of "${name}" is out of range. It must be ${range}. Received ${String(value)}`);
}

/** ERR_FS_FILE_TOO_LARGE, for data over the sandbox's per-call maximum. */
export function fileTooLarge(size: number, max: number): Error {
  return nodeError('ERR_FS_FILE_TOO_LARGE', 'RangeError', `File size (${size}) is greater than the sandbox limit of ${max} bytes`);
}
