import { guard, type Caps } from '../caps.js';
import { nodeError } from '../node-errors.js';

/**
 * The Worker's last capability failure (Caps.lastError: code, name and message as primitives) as a
 * guest-realm error with Node's code, name and message.
 */
export function failure(caps: Caps, fallback = 'the operation failed'): Error {
  const [code = 'ERR_INTERNAL', name = 'Error', message = fallback] = String(guard(() => caps.lastError())).split('\u0000');
  return nodeError(code, name === 'TypeError' || name === 'RangeError' ? name : 'Error', message);
}
