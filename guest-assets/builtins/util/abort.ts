/** util.aborted, transferableAbortSignal and transferableAbortController over the guest's AbortController. */
import { invalidArgType } from '../../node-errors.js';

type Signal = { aborted: boolean; addEventListener(type: string, fn: () => void, options: object): void };

/** The three functions, reading the guest's AbortController and AbortSignal globals when called. */
export function createAbortHelpers(global: Record<string, unknown>) {
  const isSignal = (value: unknown): value is Signal => {
    const Ctor = global.AbortSignal;
    if (typeof Ctor === 'function') return value instanceof Ctor;
    return typeof value === 'object' && value !== null && 'aborted' in value;
  };

  /** Resolves once `signal` aborts (at once if it has); `resource` is what the wait is about. */
  async function aborted(signal: unknown, resource: unknown): Promise<void> {
    if (signal === undefined || signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
      throw invalidArgType('signal', [], ['AbortSignal'], signal);
    }
    if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
      throw invalidArgType('resource', ['object'], [], resource);
    }
    const s = signal as Signal;
    if (s.aborted) return;
    await new Promise<void>((resolve) => s.addEventListener('abort', () => resolve(), { once: true }));
  }

  /** Marks a signal transferable; a sandbox has no other thread to move it to, so it is returned as it is. */
  function transferableAbortSignal(signal: unknown): unknown {
    if (!isSignal(signal)) throw invalidArgType('signal', [], ['AbortSignal'], signal);
    return signal;
  }

  function transferableAbortController(): unknown {
    const Ctor = global.AbortController as (new () => unknown) | undefined;
    if (typeof Ctor !== 'function') throw new TypeError('AbortController is not available in this sandbox');
    return new Ctor();
  }

  return { aborted, transferableAbortSignal, transferableAbortController };
}
