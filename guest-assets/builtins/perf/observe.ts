/**
 * The performance timeline buffers and PerformanceObserver, after Node 20's
 * lib/internal/perf/observe.js: marks and measures are kept (sorted by start time when read), and
 * observers get their entries in a PerformanceObserverEntryList from an immediate. Only entry types
 * the sandbox produces ever arrive (mark, measure, function); observing gc, http, dns or net is
 * accepted, as in Node, and simply sees nothing.
 */
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { invalidArgType, invalidArgValue } from '../../node-errors.js';
import { DOMException } from '../events/dom-exception.js';
import { enumerable, toStringTag } from '../events/event.js';
import { illegalConstructor, missingArgs, validateFunction, validateObject } from '../events/validate.js';
import type { PerformanceEntry } from './entries.js';

type Entry = PerformanceEntry;
const startOf = (e: Entry) => e.startTime as number;

const SUPPORTED = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);
let marks: Entry[] = [];
let measures: Entry[] = [];
const observers = new Set<PerformanceObserver>();
const pending = new Set<PerformanceObserver>();
let isPending = false;
let later: (fn: () => void) => void = (fn) => void Promise.resolve().then(fn);

/** How observer callbacks are deferred (the guest's setImmediate). */
export function setObserverScheduler(schedule: (fn: () => void) => void): void {
  later = schedule;
}

const byStartTime = (a: Entry, b: Entry) => startOf(a) - startOf(b);
const kSkip = Symbol('kSkip');
const buffers = new WeakMap<object, Entry[]>();

function bufferOf(self: unknown): Entry[] {
  const b = typeof self === 'object' && self !== null ? buffers.get(self) : undefined;
  if (b === undefined) throw invalidArgType('this', [], ['PerformanceObserverEntryList'], self);
  return b;
}

export class PerformanceObserverEntryList {
  constructor(skip?: unknown, entries: Entry[] = []) {
    if (skip !== kSkip) throw illegalConstructor();
    buffers.set(this, entries.sort(byStartTime));
  }

  getEntries(): Entry[] {
    return bufferOf(this).slice();
  }

  getEntriesByType(type: unknown): Entry[] {
    const b = bufferOf(this);
    if (arguments.length === 0) throw missingArgs('type');
    const t = `${type as string}`;
    return b.filter((e) => e.entryType === t);
  }

  getEntriesByName(name: unknown, type: unknown = undefined): Entry[] {
    const b = bufferOf(this);
    if (arguments.length === 0) throw missingArgs('name');
    const n = `${name as string}`;
    return type != null ? b.filter((e) => e.name === n && e.entryType === type) : b.filter((e) => e.name === n);
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    if (depth < 0) return '[PerformanceObserverEntryList]';
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceObserverEntryList ${inspect(bufferOf(this), opts)}`;
  }
}
enumerable(PerformanceObserverEntryList.prototype, ['getEntries', 'getEntriesByType', 'getEntriesByName']);
toStringTag(PerformanceObserverEntryList.prototype, 'PerformanceObserverEntryList');

function queuePending(): void {
  if (isPending) return;
  isPending = true;
  later(() => {
    isPending = false;
    const list = [...pending];
    pending.clear();
    for (const observer of list) dispatchTo(observer);
  });
}

// The observer's internal entry points (Node keys them by private symbols), set by the class.
let offerTo: (observer: PerformanceObserver, entry: Entry) => void;
let dispatchTo: (observer: PerformanceObserver) => void;

const SINGLE = 0;
const MULTIPLE = 1;

export class PerformanceObserver {
  #buffer: Entry[] = [];
  #entryTypes = new Set<string>();
  #type: number | undefined;
  #callback: Function;

  constructor(callback: unknown) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  observe(options: unknown = {}): void {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = { ...(options as { entryTypes?: unknown; type?: unknown; buffered?: unknown }) };
    if (entryTypes === undefined && type === undefined) throw missingArgs('options.entryTypes', 'options.type');
    if (entryTypes != null && type != null) throw invalidArgValue('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
    if (this.#type === undefined) this.#type = entryTypes !== undefined ? MULTIPLE : SINGLE;
    else if (this.#type === SINGLE && entryTypes !== undefined) throw new DOMException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
    else if (this.#type === MULTIPLE && type !== undefined) throw new DOMException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
    if (this.#type === MULTIPLE) {
      if (!Array.isArray(entryTypes)) throw invalidArgType('options.entryTypes', [], ['string[]'], entryTypes);
      this.#entryTypes.clear();
      for (const t of entryTypes) if (SUPPORTED.includes(t as string)) this.#entryTypes.add(t as string);
    } else {
      if (!SUPPORTED.includes(type as string)) return;
      this.#entryTypes.add(type as string);
      if (buffered) {
        this.#buffer.push(...filterEntries(undefined, type as string));
        pending.add(this);
        queuePending();
      }
    }
    if (this.#entryTypes.size) observers.add(this);
    else this.disconnect();
  }

  disconnect(): void {
    observers.delete(this);
    pending.delete(this);
    this.#buffer = [];
    this.#entryTypes.clear();
    this.#type = undefined;
  }

  takeRecords(): Entry[] {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  static get supportedEntryTypes(): readonly string[] {
    return SUPPORTED;
  }

  static {
    offerTo = (observer, entry) => observer.#offer(entry);
    dispatchTo = (observer) => observer.#dispatch();
  }

  /** Takes an entry of an observed type (Node's kMaybeBuffer). */
  #offer(entry: Entry): void {
    if (!this.#entryTypes.has(entry.entryType as string)) return;
    this.#buffer.push(entry);
    pending.add(this);
    queuePending();
  }

  /** Runs the callback with what was buffered (Node's kDispatch). */
  #dispatch(): void {
    const list = new PerformanceObserverEntryList(kSkip, this.takeRecords());
    Reflect.apply(this.#callback, this, [list, this]);
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceObserver ${inspect({ connected: observers.has(this), pending: pending.has(this), entryTypes: [...this.#entryTypes], buffer: this.#buffer }, opts)}`;
  }
}
enumerable(PerformanceObserver.prototype, ['observe', 'disconnect', 'takeRecords']);
toStringTag(PerformanceObserver.prototype, 'PerformanceObserver');

/** Offers an entry to every observer. */
export function enqueue(entry: Entry): void {
  for (const observer of observers) offerTo(observer, entry);
}

/** Keeps a mark or measure in the timeline. */
export function bufferUserTiming(entry: Entry): void {
  if (entry.entryType === 'mark') marks.push(entry);
  else if (entry.entryType === 'measure') measures.push(entry);
}

/** Removes marks or measures (of one name, or all). */
export function clearEntries(type: string, name: string | undefined): void {
  const keep = (list: Entry[]) => (name === undefined ? [] : list.filter((e) => e.name !== name));
  if (type === 'mark') marks = keep(marks);
  else if (type === 'measure') measures = keep(measures);
}

/** The timeline, filtered by name and type, sorted by start time. */
export function filterEntries(name: string | undefined, type: string | undefined): Entry[] {
  let list: Entry[];
  if (type === 'mark') list = marks;
  else if (type === 'measure') list = measures;
  else if (type === 'resource') list = [];
  else if (type !== undefined) return [];
  else list = [...marks, ...measures];
  if (name !== undefined) list = list.filter((e) => e.name === name);
  else if (type !== undefined) list = list.slice();
  return list.sort(byStartTime);
}
