import { AbortError, validateAbortSignal } from '../builtins/events/validate.js';
import { nextTick } from './streams/process.js';

/**
 * The `signal` option of fs calls, as Node 20 has it: every options object fs reads (getOptions)
 * has its `signal` validated; readFile, writeFile and appendFile (callback, promise and FileHandle
 * forms) honour it. An aborted signal fails the call with Node's AbortError before anything is
 * done; an abort while the call is in flight fails it at once, and the host's answer is dropped.
 * The host applies a whole-file write all at once (memory) or by an atomic rename (mount), so after
 * an abort the file holds either its old content or the whole new one, never a part.
 */

/** The part of an AbortSignal fs uses. */
export interface SignalLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** `options.signal`, validated as Node's getOptions does (undefined when there is none). */
export function signalOption(options: unknown): SignalLike | undefined {
  if (options === null || typeof options !== 'object') return undefined;
  const signal = (options as { signal?: unknown }).signal;
  validateAbortSignal(signal, 'options.signal');
  return signal as SignalLike | undefined;
}

/** Node's AbortError for `signal`: its reason is the cause. */
function abortError(signal: SignalLike): Error {
  return new AbortError(undefined, { cause: signal.reason });
}

/** Runs `start()` unless `signal` is aborted; rejects with Node's AbortError as soon as it aborts. */
export function abortable<T>(signal: SignalLike | undefined, start: () => Promise<T>): Promise<T> {
  if (signal === undefined) return start();
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    start().then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/** For callback forms: true (and `cb` gets Node's AbortError on the next tick) when `signal` is already aborted. */
export function abortedBefore(signal: SignalLike | undefined, cb: (err: Error) => void): boolean {
  if (signal === undefined || !signal.aborted) return false;
  nextTick(() => cb(abortError(signal)));
  return true;
}
