import { EventEmitter } from 'events';
import { Method, Status } from '../../../bridge/wire/protocol.js';
import type { GuestTimers } from '../../builtins/registry.js';
import { validateUint32 } from '../../builtins/events/validate.js';
import type { Rpc } from '../../rpc.js';
import { nextTick } from '../streams/process.js';
import { BigIntStats, Stats, statsFromRecord } from '../stats/index.js';

/**
 * fs.StatWatcher, as Node's (libuv's fs poll): the entry is stat'ed at once and then every
 * `interval` ms, in the guest with a timer and one blocking stat (no host
 * watcher is held: a poll costs one bridge call). The listener is called when the result differs
 * from the last one in any field but the access time and link count, or when stat starts failing
 * (or fails differently), with zeroed Stats: `(current, previous)`, the previous being the last
 * Stats a poll got.
 */

/** The fields a change is judged on (libuv's statbuf_eq: not the access time, not the link count). */
const COMPARED = ['size', 'mode', 'uid', 'gid', 'ino', 'dev'] as const;
const TIMES = ['ctime', 'mtime', 'birthtime'] as const;

function zeroed(bigint: boolean): Stats | BigIntStats {
  return bigint ? new BigIntStats(0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n) : new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

function same(a: Stats | BigIntStats, b: Stats | BigIntStats): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const unit = a instanceof BigIntStats ? 'Ns' : 'Ms';
  return COMPARED.every((k) => x[k] === y[k]) && TIMES.every((t) => x[t + unit] === y[t + unit]);
}

const kOldStatus = Symbol('kOldStatus');
const kUseBigint = Symbol('kUseBigint');
const kRefs = Symbol('KFSStatWatcherRefCount');
const kMaxRefs = Symbol('KFSStatWatcherMaxRefCount');

/** A StatWatcher's poller (Node's `_handle`), as libuv's fs poll. */
class StatPoll {
  readonly #rpc: Rpc;
  readonly #timers: GuestTimers;
  readonly #now: () => number;
  readonly #bigint: boolean;
  readonly #onchange: (curr: Stats | BigIntStats, prev: Stats | BigIntStats) => void;
  #timer: { ref(): unknown; unref(): unknown } | undefined;
  #ref = true;
  #path = '';
  #interval = 1;
  /** 0 before the first poll, 1 after a success, the error's code after a failure. */
  #state: 0 | 1 | string = 0;
  /** The last Stats a poll got (zeroed until one succeeds). */
  #good: Stats | BigIntStats;
  #closed = false;

  constructor(rpc: Rpc, timers: GuestTimers, now: () => number, bigint: boolean, onchange: (curr: Stats | BigIntStats, prev: Stats | BigIntStats) => void) {
    this.#rpc = rpc;
    this.#timers = timers;
    this.#now = now;
    this.#bigint = bigint;
    this.#onchange = onchange;
    this.#good = zeroed(bigint);
  }

  start(path: string, interval: number): void {
    this.#path = path;
    this.#interval = Math.max(1, interval);
    this.#schedule(0);
  }

  ref(): void {
    this.#ref = true;
    this.#timer?.ref();
  }

  unref(): void {
    this.#ref = false;
    this.#timer?.unref();
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer as never);
    this.#timer = undefined;
  }

  #schedule(ms: number): void {
    this.#timer = this.#timers.setTimeout(() => this.#poll(), ms);
    if (!this.#ref) this.#timer.unref();
  }

  #poll(): void {
    if (this.#closed) return;
    const started = this.#now();
    const result = this.#rpc.callSync(Method.stat, [this.#path, this.#bigint, true]);
    // Raw bytes, or (from a legacy host) a value holding them.
    const record = result.status === Status.Raw ? result.bytes : result.status === Status.Ok && result.value instanceof Uint8Array ? result.value : undefined;
    if (record !== undefined) {
      const curr = statsFromRecord(record, this.#bigint);
      const prev = this.#good;
      const report = this.#state !== 0 && (this.#state !== 1 || !same(prev, curr));
      this.#good = curr;
      this.#state = 1;
      if (report) this.#onchange(curr, prev);
    } else {
      const code = result.status === Status.Error ? result.error.code : 'EIO';
      const report = this.#state !== code;
      this.#state = code;
      if (report) this.#onchange(zeroed(this.#bigint), this.#good);
    }
    if (this.#closed) return;
    this.#schedule(this.#interval - ((this.#now() - started) % this.#interval));
  }
}

/** fs.StatWatcher: an EventEmitter of the guest realm polling one path. */
export interface StatWatcher extends EventEmitter {
  _handle: StatPoll | null;
  [kOldStatus]: number;
  [kUseBigint]: boolean;
  [kRefs]: number;
  [kMaxRefs]: number;
}

/** Builds fs.StatWatcher over `rpc` and the guest's timers; `now` is the guest's monotonic clock in ms. */
export function statWatcherClass(rpc: Rpc, timers: GuestTimers, now: () => number) {
  function StatWatcher(this: StatWatcher, bigint: unknown): void {
    Reflect.apply(EventEmitter, this, []);
    this._handle = null;
    this[kOldStatus] = -1;
    this[kUseBigint] = bigint as boolean;
    this[kRefs] = 1;
    this[kMaxRefs] = 1;
  }
  Object.setPrototypeOf(StatWatcher.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(StatWatcher, EventEmitter);
  const proto = StatWatcher.prototype as StatWatcher & Record<string, unknown>;

  /** Starts polling `path` (validated by the caller); the listener is added by watchFile. */
  function start(watcher: StatWatcher, path: string, persistent: unknown, interval: unknown): void {
    if (watcher._handle !== null) return;
    watcher._handle = new StatPoll(rpc, timers, now, watcher[kUseBigint] === true, (curr, prev) => watcher.emit('change', curr, prev));
    if (!persistent) (proto.unref as (this: StatWatcher) => StatWatcher).call(watcher);
    watcher[kOldStatus] = -1;
    validateUint32(interval, 'interval');
    watcher._handle.start(path, interval);
  }

  proto.start = function start() {};
  proto.stop = function stop(this: StatWatcher) {
    if (this._handle === null) return;
    nextTick(() => this.emit('stop'));
    this._handle.close();
    this._handle = null;
  };
  proto.ref = function ref(this: StatWatcher) {
    if (this[kRefs] === this[kMaxRefs]) return this;
    if (this._handle && this[kRefs]++ === 0) this._handle.ref();
    return this;
  };
  proto.unref = function unref(this: StatWatcher) {
    if (this[kRefs] === 0) return this;
    if (this._handle && --this[kRefs] === 0) this._handle.unref();
    return this;
  };

  /** Node's reference counting of watchFile/unwatchFile callers sharing one watcher. */
  function count(watcher: StatWatcher, op: 'add' | 'clean' | 'cleanAll'): void {
    if (op === 'add') {
      watcher[kRefs]++;
      watcher[kMaxRefs]++;
    } else if (op === 'clean') {
      watcher[kMaxRefs]--;
      (proto.unref as (this: StatWatcher) => StatWatcher).call(watcher);
    } else {
      watcher[kMaxRefs] = 0;
      watcher[kRefs] = 0;
      watcher._handle?.unref();
    }
  }

  return { StatWatcher: StatWatcher as unknown as new (bigint: unknown) => StatWatcher, start, count };
}
