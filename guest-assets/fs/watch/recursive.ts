import { EventEmitter } from 'events';
import path from 'path-browserify';
import { AbortError, validateAbortSignal, validateBoolean } from '../../builtins/events/validate.js';
import { invalidArgValue } from '../../node-errors.js';
import type { SignalLike } from '../abort.js';

/**
 * `fs.watch(dir, { recursive: true })` as Node 20 gives it on Linux, where the system has no
 * recursive watch: a layer over one plain watcher per entry of the tree (the public `fs.watch`,
 * `statSync` and `readdirSync`, looked up at each use), which reports names relative to the watched
 * path, as strings, whatever the encoding. New directories are walked when their parent reports a
 * change; every entry found during a walk is reported as a `rename`.
 */

interface Stat {
  birthtimeMs: number;
  isDirectory(): boolean;
  isFile(): boolean;
}
interface Dirent {
  name: string;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}
interface Closable {
  close(): void;
}
/** The fs functions the recursive watcher uses, as the program has them. */
export interface TreeFs {
  watch(file: string, options: { persistent: unknown }, listener: (type: string, name: unknown) => void): Closable;
  statSync(file: string): Stat;
  readdirSync(dir: string, options: { withFileTypes: true }): Dirent[];
}

export interface Options {
  persistent?: unknown;
  recursive?: unknown;
  signal?: SignalLike;
  encoding?: unknown;
}

type IterResult = { value: { eventType: unknown; filename: unknown }; done?: undefined } | { done: true; value?: undefined };

/** The recursive watcher guest code sees. */
export interface RecursiveWatcher extends EventEmitter {
  close(): void;
  start(root: string): void;
  ref(): void;
  unref(): void;
}

/** Builds the recursive watcher class over `fsOf()`. */
export function recursiveWatcherClass(fsOf: () => TreeFs): new (options?: Options) => RecursiveWatcher {
  class FSWatcher extends EventEmitter {
    #options: Options;
    #closed = false;
    #files = new Map<string, Stat>();
    #watchers = new Map<string, Closable>();
    #links = new Set<string>();
    #root = '/';
    #rootIsFile = false;

    constructor(options: Options = {}) {
      super();
      const { persistent, recursive, signal, encoding } = options;
      if (recursive != null) validateBoolean(recursive, 'options.recursive');
      if (persistent != null) validateBoolean(persistent, 'options.persistent');
      if (signal != null) validateAbortSignal(signal, 'options.signal');
      if (encoding != null && typeof encoding !== 'string') throw invalidArgValue('options.encoding', encoding);
      this.#options = { persistent, recursive, signal, encoding };
    }

    close(): void {
      if (this.#closed) return;
      this.#closed = true;
      for (const file of this.#files.keys()) {
        this.#watchers.get(file)?.close();
        this.#watchers.delete(file);
      }
      this.#files.clear();
      this.#links.clear();
      this.emit('close');
    }

    /** Starts at `root` (absolute). A missing root throws stat's error with `filename`; other failures are silent, as in Node. */
    start(root: string): void {
      try {
        const st = fsOf().statSync(root);
        this.#root = root;
        this.#closed = false;
        this.#rootIsFile = st.isFile();
        this.#watchOne(root);
        if (st.isDirectory()) this.#walk(root);
      } catch (e) {
        if ((e as { code?: unknown }).code === 'ENOENT') {
          (e as { filename?: unknown }).filename = root;
          throw e;
        }
      }
    }

    #relative(file: string): string {
      return path.relative(this.#root, file);
    }

    #forget(prefix: string): void {
      this.#links.delete(prefix);
      for (const file of [...this.#files.keys()]) {
        if (!file.startsWith(prefix)) continue;
        this.#files.delete(file);
        this.#watchers.get(file)?.close();
        this.#watchers.delete(file);
      }
    }

    #walk(dir: string): void {
      try {
        for (const entry of fsOf().readdirSync(dir, { withFileTypes: true })) {
          if (this.#closed) break;
          const file = path.join(dir, entry.name);
          if (this.#files.has(file)) continue;
          this.emit('change', 'rename', this.#relative(file));
          if (entry.isSymbolicLink()) this.#links.add(file);
          try {
            this.#watchOne(file);
            if (entry.isDirectory() && !entry.isSymbolicLink()) this.#walk(file);
          } catch (e) {
            if ((e as { code?: unknown }).code !== 'ENOENT') throw e;
          }
        }
      } catch (e) {
        this.emit('error', e);
      }
    }

    #watchOne(file: string): void {
      if (this.#closed || this.#files.has(file)) return;
      const fs = fsOf();
      this.#files.set(file, fs.statSync(file));
      const watcher = fs.watch(file, { persistent: this.#options.persistent }, () => this.#changed(file, watcher));
      this.#watchers.set(file, watcher);
    }

    #changed(file: string, watcher: Closable): void {
      const before = this.#files.get(file);
      let now: Stat | undefined;
      try {
        now = fsOf().statSync(file);
        this.#files.set(file, now);
      } catch {
        // Removed.
      }
      if (now === undefined || (now.birthtimeMs === 0 && before !== undefined && before.birthtimeMs !== 0)) {
        this.#files.delete(file);
        this.#watchers.delete(file);
        watcher.close();
        this.emit('change', 'rename', this.#relative(file));
        this.#forget(file);
      } else if (file === this.#root && this.#rootIsFile) {
        this.emit('change', 'change', path.basename(file));
      } else if (this.#links.has(file)) {
        this.emit('change', 'rename', this.#relative(file));
      } else if (now.isDirectory()) {
        this.#walk(file);
      } else {
        this.emit('change', 'change', this.#relative(file));
      }
    }

    // Node's versions look for stat watchers among the entries, and there are none: both do nothing.
    ref(): void {}
    unref(): void {}

    [Symbol.asyncIterator]() {
      const signal = this.#options.signal;
      const next = (): IterResult | Promise<IterResult> => {
        if (this.#closed) return { done: true };
        return new Promise<IterResult>((resolve, reject) => {
          const onAbort = () => {
            this.close();
            reject(new AbortError(undefined, { cause: signal?.reason }));
          };
          if (signal?.aborted) return onAbort();
          signal?.addEventListener('abort', onAbort, { once: true });
          this.once('change', (eventType: unknown, filename: unknown) => {
            signal?.removeEventListener('abort', onAbort);
            resolve({ value: { eventType, filename } });
          });
        });
      };
      const iterator = {
        next,
        return: (): IterResult => {
          this.close();
          return { done: true };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    }
  }
  return FSWatcher;
}
