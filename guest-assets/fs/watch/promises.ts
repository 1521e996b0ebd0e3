import { Buffer } from 'buffer';
import { AbortError, validateAbortSignal, validateBoolean, validateObject } from '../../builtins/events/validate.js';
import { invalidArgValue } from '../../node-errors.js';
import type { SignalLike } from '../abort.js';
import { toPath } from '../args.js';
import type { FSWatcher } from './fs-watcher.js';

/** What `fs.promises.watch` builds its watch from. */
export interface PromiseWatchParts {
  /** A started plain watcher of `path` (throws Node's error on refusal). */
  plain(path: string, filename: unknown, persistent: boolean, encoding: string): FSWatcher;
  /** A started recursive watcher (Node's own layer, options as given) of `filename`. */
  recursive(filename: unknown, options: Record<string, unknown>): AsyncIterable<unknown>;
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
 * `fs.promises.watch(filename, options)` as Node 20 has it on Linux: a recursive watch iterates
 * the recursive watcher (ended by its signal or by leaving the loop; names unencoded); any other
 * is an async generator of `{ eventType, filename }` over one plain watcher. That one keeps one
 * event at a time: an event that comes while the last one has not been taken yet is dropped, as in
 * Node. It ends by throwing Node's AbortError when `signal` aborts.
 */
export function promiseWatch(parts: PromiseWatchParts) {
  async function* plainWatch(filename: unknown, options: unknown = {}): AsyncGenerator<unknown, never, unknown> {
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
    let handle: FSWatcher | undefined;
    const onAbort = () => {
      handle?.close();
      next.reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    try {
      signal?.addEventListener('abort', onAbort, { once: true });
      const w = parts.plain(where, filename, persistent, (encoding as string) || 'utf8');
      handle = w;
      w.on('change', (eventType: unknown, name: unknown) => next.resolve({ eventType, filename: name }));
      w.on('error', (e: unknown) => {
        w.close();
        next.reject(e);
      });
      while (!signal?.aborted) {
        yield await next.promise;
        next = deferred();
      }
      throw new AbortError(undefined, { cause: signal?.reason });
    } finally {
      handle?.close();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return async function* _watch(filename: unknown, options: unknown = {}): AsyncGenerator<unknown, void, unknown> {
    validateObject(options, 'options');
    const o = options as Record<string, unknown>;
    if (o.recursive != null) {
      validateBoolean(o.recursive, 'options.recursive');
      if (o.recursive) {
        yield* parts.recursive(filename, o);
        return;
      }
    }
    yield* plainWatch(filename, options);
  };
}
