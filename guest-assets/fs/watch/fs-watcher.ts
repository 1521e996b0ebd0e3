import { Buffer } from 'buffer';
import { EventEmitter } from 'events';
import { WatchEvent } from '../../../bridge/wire/protocol.js';
import { nextTick } from '../streams/process.js';
import type { WatchHub } from './hub.js';
import { refusal, watchError } from './errors.js';

/** What the guest's watchers need from the fs they belong to. */
export interface WatchContext {
  hub: WatchHub;
}

/** The handle of a started watcher (Node's is its native FSEvent); guest code sees only `initialized`. */
class FSEvent {
  readonly #id: number;
  constructor(id: number) {
    this.#id = id;
  }
  get initialized(): boolean {
    return this.#id > 0;
  }
}

/** A watcher's private state, kept off the object guest code sees. */
interface State {
  id: number;
  persistent: boolean;
  ref: boolean;
  /** The watched path's last name: what Node reports for events about the entry itself. */
  self: string;
  encoding: string;
}

const states = new WeakMap<object, State>();

/** Node's native fs.FSWatcher (the non-recursive `fs.watch`), an EventEmitter of the guest realm. */
export interface FSWatcher extends EventEmitter {
  _handle: FSEvent | null;
  start(): void;
  close(): void;
  ref(): this;
  unref(): this;
}

/** Builds the FSWatcher class over `ctx`. */
export function fsWatcherClass(ctx: WatchContext) {
  function FSWatcher(this: FSWatcher): void {
    Reflect.apply(EventEmitter, this, []);
    this._handle = null;
  }
  Object.setPrototypeOf(FSWatcher.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(FSWatcher, EventEmitter);
  const proto = FSWatcher.prototype as FSWatcher;

  // Node keeps this no-op for old callers; watching starts in fs.watch.
  proto.start = function start() {};
  proto.close = function close(this: FSWatcher) {
    const state = states.get(this);
    if (state === undefined || this._handle === null) return;
    states.delete(this);
    this._handle = null;
    if (state.persistent && state.ref) ctx.hub.hold(-1);
    ctx.hub.close(state.id);
    nextTick(() => this.emit('close'));
  };
  proto.ref = function ref(this: FSWatcher) {
    const state = states.get(this);
    if (state !== undefined && !state.ref) {
      state.ref = true;
      if (state.persistent) ctx.hub.hold(1);
    }
    return this;
  };
  proto.unref = function unref(this: FSWatcher) {
    const state = states.get(this);
    if (state !== undefined && state.ref) {
      state.ref = false;
      if (state.persistent) ctx.hub.hold(-1);
    }
    return this;
  };

  /** Starts `watcher` on `path` (the host's string) for the caller's `filename`; throws Node's error on refusal. */
  function start(watcher: FSWatcher, path: string, filename: unknown, persistent: boolean, encoding: string): void {
    const state: State = { id: 0, persistent, ref: true, self: path.slice(path.lastIndexOf('/') + 1), encoding };
    const id = ctx.hub.open(path, (kind, name) => onEvent(watcher, state, kind, name));
    if (typeof id !== 'number') throw refusal(id, typeof filename === 'string' ? filename : path, filename);
    state.id = id;
    states.set(watcher, state);
    watcher._handle = new FSEvent(id);
    if (persistent) ctx.hub.hold(1);
  }

  function onEvent(watcher: FSWatcher, state: State, kind: WatchEvent, name: Uint8Array | string | null): void {
    if (states.get(watcher) !== state) return;
    if (kind === WatchEvent.Error) {
      // As Node: the handle is closed without a 'close' event, and the error names no path.
      states.delete(watcher);
      watcher._handle = null;
      if (state.persistent && state.ref) ctx.hub.hold(-1);
      ctx.hub.close(state.id);
      watcher.emit('error', watchError(typeof name === 'string' ? name : 'EIO', undefined, undefined));
      return;
    }
    const bytes = name === null ? Buffer.from(state.self) : typeof name === 'string' ? Buffer.from(name) : Buffer.from(name.buffer, name.byteOffset, name.byteLength);
    const filename = state.encoding === 'buffer' ? bytes : bytes.toString(state.encoding as BufferEncoding);
    watcher.emit('change', kind === WatchEvent.Rename ? 'rename' : 'change', filename);
  }

  return { FSWatcher: FSWatcher as unknown as new () => FSWatcher, start };
}
