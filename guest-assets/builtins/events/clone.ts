/**
 * The guest's structuredClone: the Worker runs Node's own serializer over the guest value and
 * deserializes into the guest's realm (see CloneCaps), so Maps, Sets, Dates, RegExps, typed arrays,
 * ArrayBuffers, errors, circular references and `transfer` behave exactly as under Node, with the
 * same DataCloneError messages. Errors the Worker raises are rebuilt here as the guest's own.
 */
import { guard, type Caps } from '../../caps.js';
import { DOMException } from './dom-exception.js';

/** The guest's DOMException for a refusal the Worker described as `name NUL message`. */
function refusal(record: unknown): unknown {
  const [name = 'DataCloneError', message = ''] = String(record).split('\u0000');
  return name === 'Error' ? new Error(message) : new DOMException(message, name);
}

/** An error as Node's native code throws it: a plain error with a `code` (no `[CODE]` in its stack's header). */
function nativeError(Ctor: ErrorConstructor, code: string, message: string): Error {
  const err = new Ctor(message) as Error & { code?: string };
  if (code !== '') err.code = code;
  return err;
}

/** Builds `structuredClone(value, { transfer })` over the Worker's capability. */
export function makeStructuredClone(caps: Caps): (value: unknown, options?: unknown) => unknown {
  // No declared parameters: Node's structuredClone has length 0.
  return function structuredClone(): unknown {
    const [value, options] = arguments as unknown as [unknown, unknown];
    if (arguments.length === 0) throw nativeError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
    let transfer: unknown;
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object' && typeof options !== 'function') {
        throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
      }
      transfer = (options as { transfer?: unknown }).transfer;
    }
    const status = guard(() => caps.structuredClone(value, transfer));
    const taken = guard(() => caps.cloneTaken());
    if (status === 1) return taken;
    throw status === 0 ? taken : refusal(taken);
  };
}
