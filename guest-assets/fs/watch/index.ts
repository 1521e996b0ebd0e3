import path from 'path-browserify';
import { invalidArgType } from '../../node-errors.js';
import type { GuestTimers } from '../../builtins/registry.js';
import { validateFunction } from '../../builtins/validate.js';
import type { Rpc } from '../../rpc.js';
import { validateAbortSignal } from '../../builtins/events/validate.js';
import { toEncoding, toPath } from '../args.js';
import { nextTick } from '../streams/process.js';
import { fsWatcherClass } from './fs-watcher.js';
import { WatchHub } from './hub.js';
import { promiseWatch } from './promises.js';
import { recursiveWatcherClass, type TreeFs } from './recursive.js';
import { statWatcherClass } from './stat-watcher.js';

/** What the watch functions need from the sandbox. */
export interface WatchConfig {
  timers: GuestTimers;
  /** The guest's monotonic clock, in ms. */
  now(): number;
}

/** Node's getOptions for fs.watch: none, an encoding name, or an object whose encoding and signal are checked. */
function watchOptions(options: unknown): Record<string, unknown> {
  if (options === null || options === undefined || typeof options === 'function') return {};
  if (typeof options === 'string') options = { encoding: options };
  else if (typeof options !== 'object') throw invalidArgType('options', ['string', 'object'], [], options);
  const o = options as Record<string, unknown>;
  if (o.encoding !== 'buffer') toEncoding(o.encoding);
  if (o.signal !== undefined) validateAbortSignal(o.signal, 'options.signal');
  // A copy of the enumerable properties, inherited ones too, as Node makes it (each getter runs once more).
  const copy: Record<string, unknown> = {};
  for (const key in o) copy[key] = o[key];
  return copy;
}

/** Installs fs.watch, fs.watchFile, fs.unwatchFile and fs.promises.watch. */
export function installWatch(rpc: Rpc, config: WatchConfig, fs: Record<string, unknown>, promises: Record<string, unknown>): void {
  const hub = new WatchHub(rpc, config.timers);
  const plain = fsWatcherClass({ hub });
  const Recursive = recursiveWatcherClass(() => fs as unknown as TreeFs);
  const stat = statWatcherClass(rpc, config.timers, config.now);
  const statWatchers = new Map<string, InstanceType<typeof stat.StatWatcher>>();

  function startPlain(where: string, filename: unknown, persistent: boolean, encoding: string) {
    const watcher = new plain.FSWatcher();
    plain.start(watcher, where, filename, persistent, encoding);
    return watcher;
  }

  function watch(filename: unknown, options?: unknown, listener?: unknown) {
    if (typeof options === 'function') listener = options;
    const opts = watchOptions(options);
    if (opts.persistent === undefined) opts.persistent = true;
    if (opts.recursive === undefined) opts.recursive = false;
    const where = toPath(filename);
    let watcher: { addListener(e: string, l: Function): unknown; once(e: string, l: Function): unknown; close(): void };
    if (opts.recursive) {
      const w = new Recursive(opts as never);
      w.start(path.resolve('/', where));
      watcher = w;
    } else {
      // The native watcher takes `persistent` only when it is exactly true, and any encoding Buffer knows.
      const encoding = typeof opts.encoding === 'string' && opts.encoding !== '' ? opts.encoding : 'utf8';
      watcher = startPlain(where, filename, opts.persistent === true, encoding);
    }
    if (listener) {
      validateFunction(listener, 'listener');
      watcher.addListener('change', listener);
    }
    const signal = opts.signal as { aborted: boolean; addEventListener: Function; removeEventListener: Function } | undefined;
    if (signal) {
      if (signal.aborted) nextTick(() => watcher.close());
      else {
        const onAbort = () => watcher.close();
        signal.addEventListener('abort', onAbort);
        watcher.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return watcher;
  }

  function watchFile(filename: unknown, options?: unknown, listener?: unknown) {
    const resolved = path.resolve('/', toPath(filename));
    if (options === null || typeof options !== 'object') {
      listener = options;
      options = null;
    }
    const opts = { interval: 5007, persistent: true, ...(options as object | null) } as { interval: unknown; persistent: unknown; bigint?: unknown };
    validateFunction(listener, 'listener');
    let watcher = statWatchers.get(resolved);
    if (watcher === undefined) {
      watcher = new stat.StatWatcher(opts.bigint);
      stat.start(watcher, resolved, opts.persistent, opts.interval);
      statWatchers.set(resolved, watcher);
    } else stat.count(watcher, 'add');
    watcher.addListener('change', listener as never);
    return watcher;
  }

  function unwatchFile(filename: unknown, listener?: unknown) {
    const resolved = path.resolve('/', toPath(filename));
    const watcher = statWatchers.get(resolved);
    if (watcher === undefined) return;
    if (typeof listener === 'function') {
      const before = watcher.listenerCount('change');
      watcher.removeListener('change', listener as never);
      if (watcher.listenerCount('change') < before) stat.count(watcher, 'clean');
    } else {
      watcher.removeAllListeners('change');
      stat.count(watcher, 'cleanAll');
    }
    if (watcher.listenerCount('change') === 0) {
      (watcher as unknown as { stop(): void }).stop();
      statWatchers.delete(resolved);
    }
  }

  const promisesWatch = promiseWatch({
    plain: startPlain,
    recursive(filename, options) {
      const w = new Recursive(options as never);
      w.start(path.resolve('/', toPath(filename)));
      return w as unknown as AsyncIterable<unknown>;
    },
  });

  Object.assign(fs, { watch, watchFile, unwatchFile });
  promises.watch = promisesWatch;
}
