import { Method, Status, WatchEvent } from '../../../bridge/wire/protocol.js';
import type { Result, Rpc } from '../../rpc.js';
import type { GuestTimers } from '../../builtins/registry.js';

/** What a watcher is told: Node's event kind and the entry's name (bytes), null for the entry itself, or an error code. */
export type WatchListener = (kind: WatchEvent, name: Uint8Array | string | null) => void;

/** A timer Node's event loop would never fire before a watcher closes: it only holds the loop open. */
const HOLD_MS = 2 ** 31 - 1;

/**
 * The guest's end of the host watchers. Events come through one async call (`fs.watchPoll`) that
 * the host answers when it has some, made again after each answer while a watcher is open: an idle
 * watching sandbox waits in its event loop and burns nothing. The poll itself never keeps the run
 * alive (a weak call); what does is `hold`, counted per persistent, ref'ed watcher, as Node's
 * handles are.
 */
export class WatchHub {
  readonly #rpc: Rpc;
  readonly #timers: GuestTimers;
  readonly #listeners = new Map<number, WatchListener>();
  #polling = false;
  #holds = 0;
  #holder: { unref(): unknown } | undefined;

  constructor(rpc: Rpc, timers: GuestTimers) {
    this.#rpc = rpc;
    this.#timers = timers;
  }

  /** Starts a host watcher of `path` (a string the host resolves); returns its id, or the host's answer when it refused. */
  open(path: string, listener: WatchListener): number | Result {
    const result = this.#rpc.callSync(Method.watch, [path]);
    if (result.status !== Status.Ok || typeof result.value !== 'number') return result;
    this.#listeners.set(result.value, listener);
    this.#arm();
    return result.value;
  }

  /** Stops watcher `id` (its pending events are dropped). */
  close(id: number): void {
    if (!this.#listeners.delete(id)) return;
    this.#rpc.callSync(Method.unwatch, [id]);
  }

  /** One more (`+1`) or one less (`-1`) reason to keep the run alive. */
  hold(delta: 1 | -1): void {
    this.#holds += delta;
    if (this.#holds > 0 && this.#holder === undefined) this.#holder = this.#timers.setInterval(() => undefined, HOLD_MS);
    else if (this.#holds <= 0 && this.#holder !== undefined) {
      this.#timers.clearInterval(this.#holder as never);
      this.#holder = undefined;
      this.#holds = 0;
    }
  }

  #arm(): void {
    if (this.#polling || this.#listeners.size === 0) return;
    this.#polling = true;
    void this.#rpc.callAsync(Method.watchPoll, [], true).then((result) => {
      this.#polling = false;
      const events = result.status === Status.Ok && Array.isArray(result.value) ? (result.value as unknown[]) : [];
      // Listeners run from a task of their own: what they throw is an uncaught exception, as in Node.
      if (events.length === 0) this.#arm();
      else this.#timers.setImmediate(() => this.#deliver(events, 0));
    });
  }

  /**
   * Delivers events from `at`, one per turn of the event loop as Node's handles call back (each
   * followed by its microtasks: a promise waiting for the next event sees every one), then polls again.
   */
  #deliver(events: unknown[], at: number): void {
    if (at >= events.length) return this.#arm();
    const id = events[at] as number;
    const kind = events[at + 1] as WatchEvent;
    const name = events[at + 2] as Uint8Array | string | null;
    this.#timers.setImmediate(() => this.#deliver(events, at + 3));
    this.#listeners.get(id)?.(kind, name);
  }
}
