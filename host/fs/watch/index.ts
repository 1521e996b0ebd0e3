import { nameBuffer } from '../../vfs/names.js';
import { Method, WatchEvent } from '../../../bridge/wire/protocol.js';
import type { Handler } from '../../dispatcher/index.js';
import { BridgeCallError, callError } from '../../dispatcher/errors.js';
import { recordFromThrown } from '../../../bridge/wire/errors.js';
import { resolveGuestPath, stringArg } from '../args.js';
import type { Vfs, VfsWatcher } from '../../vfs/index.js';
import { watcherOf } from './adapt.js';

/**
 * The run's watchers (`fs.watch`): one host watcher per guest watcher, none recursive (the guest
 * builds Node's recursive watch over plain ones, as Node 20 does on Linux). Events wait here, in a
 * bounded queue, until the guest's one long-poll call (`fs.watchPoll`) takes them: the guest never
 * spins, and a guest that stops asking cannot make the host hold more than `MAX_QUEUED` events.
 */

/** Most events held for the guest (inotify's `max_queued_events`); later ones are dropped until it asks. */
export const MAX_QUEUED = 16384;

/** Options of a WatchTable. */
export interface WatchTableOptions {
  /** Most watchers open at once; past it `add` fails with ENOSPC. */
  maxWatchers: number;
}

/** A system error record of `fs.watch`, with the path the guest gave. */
function watchFailure(code: string, path: string, message?: string): BridgeCallError {
  return new BridgeCallError({ code, syscall: 'watch', path, ...(message === undefined ? {} : { message }) });
}

/** The run's open watchers and their queued events. */
export class WatchTable {
  readonly #vfs: Vfs;
  readonly #max: number;
  readonly #open = new Map<number, VfsWatcher>();
  #nextId = 1;
  /** Queued events, flat: id, kind, name (bytes, null for the entry itself, or an error code). */
  #queue: unknown[] = [];
  /** The guest's parked poll, answered at the next event. */
  #parked: ((events: unknown[]) => void) | undefined;
  #closed = false;

  constructor(vfs: Vfs, options: WatchTableOptions) {
    this.#vfs = vfs;
    this.#max = options.maxWatchers;
  }

  /** Watchers open right now. */
  get size(): number {
    return this.#open.size;
  }

  /** Starts watching the guest path `path`; returns the watcher's id. */
  add(path: string): number {
    if (this.#closed) throw callError('ERR_BRIDGE_CLOSED', 'Error', 'the run has ended');
    const watch = watcherOf(this.#vfs);
    if (watch === undefined) throw watchFailure('ENOSYS', path);
    if (this.#max > 0 && this.#open.size >= this.#max) throw watchFailure('ENOSPC', path, 'System limit for number of file watchers reached');
    const id = this.#nextId++;
    let watcher: VfsWatcher;
    try {
      watcher = watch(resolveGuestPath(path), (kind, name) => this.#push(id, kind, name));
    } catch (e) {
      const record = recordFromThrown(e);
      throw watchFailure(record.code, path);
    }
    this.#open.set(id, watcher);
    return id;
  }

  /** Closes watcher `id`; its queued events are dropped. Unknown ids are ignored. */
  remove(id: number): void {
    const watcher = this.#open.get(id);
    if (watcher === undefined) return;
    this.#open.delete(id);
    closeQuietly(watcher);
    const kept: unknown[] = [];
    for (let i = 0; i < this.#queue.length; i += 3) if (this.#queue[i] !== id) kept.push(this.#queue[i], this.#queue[i + 1], this.#queue[i + 2]);
    this.#queue = kept;
    if (this.#open.size === 0) this.#answer();
  }

  /** The queued events now, or once there are some (or no watcher is left). */
  poll(): unknown[] | Promise<unknown[]> {
    if (this.#queue.length > 0 || this.#open.size === 0 || this.#closed) return this.#take();
    // One poll is parked at a time; an earlier one (a confused guest) gets an empty answer.
    this.#parked?.([]);
    return new Promise((resolve) => {
      this.#parked = resolve;
    });
  }

  /** Closes every watcher (the run ended) and answers a parked poll. */
  closeAll(): void {
    this.#closed = true;
    for (const watcher of this.#open.values()) closeQuietly(watcher);
    this.#open.clear();
    this.#queue = [];
    this.#answer();
  }

  #push(id: number, kind: WatchEvent, name: Uint8Array | string | null): void {
    if (!this.#open.has(id) || this.#queue.length >= MAX_QUEUED * 3) return;
    // Names travel as their bytes (bridge/names: a name need not be UTF-8); an error's code as text.
    this.#queue.push(id, kind, typeof name === 'string' && kind !== 2 ? nameBuffer(name) : name);
    this.#answer();
  }

  #answer(): void {
    const parked = this.#parked;
    if (parked === undefined) return;
    this.#parked = undefined;
    parked(this.#take());
  }

  #take(): unknown[] {
    const events = this.#queue;
    this.#queue = [];
    return events;
  }
}

function closeQuietly(watcher: VfsWatcher): void {
  try {
    watcher.close();
  } catch {
    // Already gone (its entry was removed): nothing is held.
  }
}

/** An id argument: a positive safe integer. */
function idArg(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "id" argument must be a watcher id');
  return value;
}

/** The watch handlers over `table`. */
export function watchHandlers(table: WatchTable): Record<string, Handler> {
  return {
    [Method.watch]: (args) => table.add(stringArg(args[0], 'filename')),
    [Method.unwatch]: (args) => void table.remove(idArg(args[0])),
    [Method.watchPoll]: () => table.poll(),
  };
}
