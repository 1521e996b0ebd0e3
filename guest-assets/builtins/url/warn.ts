/** The DeprecationWarning legacy url.parse emits (once per process, as Node decides in the Worker). */
import type { GuestProcess } from '../registry.js';

type Warner = (message: string, code: string) => void;

/** Emits it through the guest's `process.emitWarning` (which honours `process.noDeprecation`). */
export function deprecationWarner(process: GuestProcess): Warner {
  return (message, code) => process.emitWarning(message, 'DeprecationWarning', code);
}
