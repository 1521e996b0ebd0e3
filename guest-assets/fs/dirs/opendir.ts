import { Status } from '../../../bridge/wire/protocol.js';
import { nodeError } from '../../node-errors.js';
import { unwrap } from '../../rpc.js';
import { validatedPath, getOptions } from './args.js';
import { validateFunction, validateInteger } from '../descriptors/args.js';
import { nextTick } from '../streams/process.js';
import type { Dirent } from '../dirent.js';

/**
 * fs.opendir and fs.Dir. A Dir is the directory's listing read when it is opened (one bridge call,
 * the same one readdir makes): later changes to the directory are not seen, which POSIX allows of
 * readdir(3). It holds no descriptor of the host's, so open Dirs cost only guest memory (bounded by
 * the guest's heap) and none is left open when a run ends. Errors, closing and the rules about
 * concurrent work are Node's.
 */

type Listing = (path: string | Uint8Array, options: object) => Dirent[];
type AsyncListing = (path: string | Uint8Array, options: object) => Promise<Dirent[]>;
type Callback = (err: Error | null, value?: unknown) => void;

const dirClosed = () => nodeError('ERR_DIR_CLOSED', 'Error', 'Directory handle was closed');
const concurrent = () => nodeError('ERR_DIR_CONCURRENT_OPERATION', 'Error', 'Cannot do synchronous work on directory handle with concurrent asynchronous operations');

/**
 * The listing's error as Node reports an opendir(3) failure: the syscall is `opendir`; the path is
 * named by the asynchronous forms only.
 */
function asOpendirError(e: unknown, path?: string | Uint8Array): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return e;
  try {
    unwrap({ status: Status.Error, error: { code, syscall: 'opendir', ...(path === undefined ? {} : { path: typeof path === 'string' ? path : String(path) }) } });
  } catch (err) {
    return err;
  }
  return e;
}

/** Node's Dir options: getOptions with encoding utf8, bufferSize 32 (a uint32 >= 1), recursive. */
function dirOptions(options: unknown): { encoding: unknown; bufferSize: number; recursive: boolean } {
  const o = getOptions(options);
  const merged = { bufferSize: 32, encoding: 'utf8', ...o } as { bufferSize: unknown; encoding: unknown; recursive?: unknown };
  validateInteger(merged.bufferSize, 'options.bufferSize', 1, 4294967295);
  return { encoding: merged.encoding, bufferSize: merged.bufferSize as number, recursive: Boolean(merged.recursive) };
}

/** A directory being read, as `fs.opendir` gives it. */
export class Dir {
  readonly #path: string | Uint8Array;
  readonly #entries: Dirent[];
  #closed = false;
  /** Asynchronous reads and closes not yet settled: synchronous work is refused meanwhile. */
  #pending = 0;

  constructor(path: string | Uint8Array, entries: Dirent[]) {
    this.#path = path;
    this.#entries = entries;
  }

  get path(): string | Uint8Array {
    return this.#path;
  }

  /** The next entry, or null at the end: a promise, or `callback(err, entry)`. */
  read(callback?: unknown): Promise<Dirent | null> | undefined {
    // As Node: reading a closed handle throws at the call, in both forms.
    if (this.#closed) throw dirClosed();
    if (callback === undefined) {
      return new Promise<Dirent | null>((resolve, reject) => this.#readLater((err, entry) => (err ? reject(err) : resolve(entry as Dirent | null))));
    }
    this.#readLater(validateFunction<Callback>(callback, 'callback'));
    return undefined;
  }

  #readLater(cb: Callback): void {
    this.#pending++;
    nextTick(() => {
      this.#pending--;
      if (this.#closed) return cb(dirClosed());
      cb(null, this.#entries.shift() ?? null);
    });
  }

  readSync(): Dirent | null {
    if (this.#closed) throw dirClosed();
    if (this.#pending > 0) throw concurrent();
    return this.#entries.shift() ?? null;
  }

  /** Closes the handle (after the reads in flight): a promise, or `callback(err)`. */
  close(callback?: unknown): Promise<void> | undefined {
    if (callback !== undefined) validateFunction<Callback>(callback, 'callback');
    const settle = (err: Error | null) => (callback as Callback | undefined)?.(err);
    if (this.#closed) {
      if (callback !== undefined) return void nextTick(() => settle(dirClosed()));
      return Promise.reject(dirClosed());
    }
    this.#pending++;
    const done = new Promise<void>((resolve) =>
      nextTick(() => {
        this.#pending--;
        this.#closed = true;
        this.#entries.length = 0;
        resolve();
      }),
    );
    if (callback === undefined) return done;
    void done.then(() => settle(null));
    return undefined;
  }

  closeSync(): void {
    if (this.#closed) throw dirClosed();
    if (this.#pending > 0) throw concurrent();
    this.#closed = true;
    this.#entries.length = 0;
  }

  /** Every entry, then the handle closed (also when the loop ends early). */
  async *entries(): AsyncGenerator<Dirent, void, undefined> {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null || entry === undefined) break;
        yield entry;
      }
    } finally {
      await this.close();
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<Dirent, void, undefined> {
    return this.entries();
  }
}

/** fs.opendirSync/opendir and fs.promises.opendir over the module's own readdir (a replaced fs.readdir is not used, as in Node). */
export function opendirFunctions(listSync: Listing, list: AsyncListing) {
  const listingOptions = (o: ReturnType<typeof dirOptions>) => ({ withFileTypes: true, encoding: o.encoding, recursive: o.recursive });
  return {
    fs: {
      opendirSync(path: unknown, options?: unknown): Dir {
        const { given } = validatedPath(path);
        const o = dirOptions(options);
        try {
          return new Dir(given, listSync(given, listingOptions(o)));
        } catch (e) {
          throw asOpendirError(e);
        }
      },
      opendir(path: unknown, options: unknown, callback?: unknown): void {
        if (typeof options === 'function') [callback, options] = [options, undefined];
        const cb = validateFunction<Callback>(callback, 'callback');
        const { given } = validatedPath(path);
        const o = dirOptions(options);
        list(given, listingOptions(o)).then(
          (entries) => cb(null, new Dir(given, entries)),
          (e: unknown) => cb(asOpendirError(e, given) as Error),
        );
      },
      Dir,
    },
    promises: {
      async opendir(path: unknown, options?: unknown): Promise<Dir> {
        const { given } = validatedPath(path);
        const o = dirOptions(options);
        try {
          return new Dir(given, await list(given, listingOptions(o)));
        } catch (e) {
          throw asOpendirError(e, given);
        }
      },
    },
  };
}
