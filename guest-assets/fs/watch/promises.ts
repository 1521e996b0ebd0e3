import { Buffer } from 'buffer';
import path from 'path-browserify';
import { AbortError, validateAbortSignal, validateBoolean, validateObject } from '../../builtins/events/validate.js';
import { invalidArgValue } from '../../node-errors.js';
import type { SignalLike } from '../abort.js';
import { toPath } from '../args.js';
import type { FSWatcher } from './fs-watcher.js';

/** What `fs.promises.watch` builds its watch from. */
export interface PromiseWatchParts {
  /** A started plain watcher of `path` (throws Node's error on refusal). */
  plain(path: string, filename: unknown, persistent: boolean, encoding: string): FSWatcher;
  /** A started recursive watcher of the absolute `root`. */
  recursive(root: string, persistent: boolean): { on(event: string, listener: (...args: unknown[]) => void): unknown; close(): void };
}

interface Deferred {
  promise: Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: (value: unknown) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * `fs.promises.watch(filename, options)`: an async generator of `{ eventType, filename }`, as
 * Node's. It keeps one event at a time: an event that comes while the last one has not been taken
 * yet is dropped, as in Node. It ends by throwing Node's AbortError when `signal` aborts.
 */
export function promiseWatch(parts: PromiseWatchParts) {
  return async function* watch(filename: unknown, options: unknown = {}): AsyncGenerator<unknown, never, unknown> {
    const where = toPath(filename);
    validateObject(options, 'options');
    const { persistent = true, recursive = false, encoding = 'utf8', signal } = options as { persistent?: unknown; recursive?: unknown; encoding?: unknown; signal?: SignalLike };
    validateBoolean(persistent, 'options.persistent');
    validateBoolean(recursive, 'options.recursive');
    validateAbortSignal(signal, 'options.signal');
    // Node's own slip: the encoding is named as the argument and the word 'encoding' as the value.
    if (encoding && !Buffer.isEncoding(encoding as string)) throw invalidArgValue(String(encoding), 'encoding', 'is invalid encoding');
    if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    let next = deferred();
    let handle: { close(): void } | undefined;
    const onAbort = () => {
      handle?.close();
      next.reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    try {
      signal?.addEventListener('abort', onAbort, { once: true });
      const onChange = (eventType: unknown, name: unknown) => next.resolve({ eventType, filename: name });
      if (recursive) {
        const named = (encoding as string) || 'utf8';
        const w = parts.recursive(path.resolve('/', where), persistent);
        w.on('change', (eventType, name) => onChange(eventType, named === 'utf8' || named === 'utf-8' ? name : Buffer.from(String(name)).toString(named as BufferEncoding)));
        w.on('error', (e) => {
          w.close();
          next.reject(e);
        });
        handle = w;
      } else {
        const w = parts.plain(where, filename, persistent, ((encoding as string) || 'utf8'));
        w.on('change', onChange);
        w.on('error', (e) => {
          w.close();
          next.reject(e);
        });
        handle = w;
      }
      while (!signal?.aborted) {
        yield await next.promise;
        next = deferred();
      }
      throw new AbortError(undefined, { cause: signal?.reason });
    } finally {
      handle?.close();
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
