/**
 * User timing as Node 20 has it (lib/internal/perf/usertiming.js): PerformanceMark (constructible),
 * PerformanceMeasure, `performance.mark`/`measure` with Node's argument rules and errors, and the
 * mark timings `measure` reads. Details are structured clones of what was given.
 */
import { invalidArgValue, nodeError } from '../../node-errors.js';
import { DOMException } from '../events/dom-exception.js';
import { missingArgs, validateNumber, validateObject, validateString } from '../events/validate.js';
import { detailOf, entryJSON, kSkipThrow, PerformanceEntry, setDetail } from './entries.js';
import { perfHost } from './host.js';
import { bufferUserTiming, enqueue } from './observe.js';

const markTimings = new Map<string, number>();
const READ_ONLY = new Set(['nodeStart', 'v8Start', 'environment', 'loopStart', 'loopExit', 'bootstrapComplete']);
let nodeTiming: Record<string, unknown> = {};

/** The nodeTiming object whose milestones `measure` accepts as mark names. */
export function setNodeTiming(timing: object): void {
  nodeTiming = timing as Record<string, unknown>;
}

const invalidTimestamp = (value: number) => nodeError('ERR_PERFORMANCE_INVALID_TIMESTAMP', 'TypeError', `${value} is not a valid timestamp`);
const invalidOptions = (message: string) => nodeError('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', 'TypeError', message);

function getMark(name: unknown): number | undefined {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw invalidTimestamp(name);
    return name;
  }
  const key = `${name as string}`;
  if (READ_ONLY.has(key)) return nodeTiming[key] as number;
  const ts = markTimings.get(key);
  if (ts === undefined) throw new DOMException(`The "${key}" performance mark has not been set`, 'SyntaxError');
  return ts;
}

const cloneDetail = (detail: unknown) => (detail != null ? perfHost.clone(detail) : null);

export class PerformanceMark extends PerformanceEntry {
  constructor(name: unknown, options: unknown = undefined) {
    if (arguments.length === 0) throw missingArgs('name');
    const key = `${name as string}`;
    if (READ_ONLY.has(key)) throw invalidArgValue('name', key);
    if (options != null) validateObject(options, 'options');
    const opts = options as { startTime?: unknown; detail?: unknown } | null | undefined;
    const startTime = opts?.startTime ?? perfHost.now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw invalidTimestamp(startTime);
    markTimings.set(key, startTime);
    const detail = cloneDetail(opts?.detail);
    super(kSkipThrow, key, 'mark', startTime, 0);
    setDetail(this, detail);
  }

  get detail(): unknown {
    return detailOf(this, 'PerformanceMark');
  }

  toJSON(): object {
    return entryJSON(this);
  }
}

export class PerformanceMeasure extends PerformanceEntry {
  constructor(skip?: unknown, name?: unknown, type?: unknown, start?: unknown, duration?: unknown) {
    if (skip !== kSkipThrow) throw missingOrIllegal();
    super(skip, name, type, start, duration);
  }

  get detail(): unknown {
    return detailOf(this, 'PerformanceMeasure');
  }

  toJSON(): object {
    return entryJSON(this);
  }
}

function missingOrIllegal(): Error {
  return nodeError('ERR_ILLEGAL_CONSTRUCTOR', 'TypeError', 'Illegal constructor');
}

for (const [C, tag] of [[PerformanceMark, 'PerformanceMark'], [PerformanceMeasure, 'PerformanceMeasure']] as const) {
  Object.defineProperty(C.prototype, 'detail', { enumerable: true });
  Object.defineProperty(C.prototype, Symbol.toStringTag, { configurable: true, value: tag });
}

/** performance.mark(name, options). */
export function mark(name: unknown, options: unknown): PerformanceMark {
  const entry = new PerformanceMark(name, options);
  enqueue(entry);
  bufferUserTiming(entry);
  return entry;
}

type MeasureOptions = { start?: unknown; end?: unknown; duration?: unknown; detail?: unknown };

function startAndDuration(startOrOptions: unknown, endMark: unknown): { start: number; duration: number } {
  startOrOptions ??= 0;
  let start: unknown;
  let end: unknown;
  let duration: unknown;
  let optionsValid = false;
  if (typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions as MeasureOptions);
    optionsValid = start !== undefined || end !== undefined;
  }
  if (optionsValid) {
    if (endMark !== undefined) throw invalidOptions('endMark must not be specified');
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw invalidOptions('Must not have options.start, options.end, and options.duration specified');
    }
  }
  let endTime: number;
  if (endMark !== undefined) endTime = getMark(endMark)!;
  else if (optionsValid && end !== undefined) endTime = getMark(end)!;
  else if (optionsValid && start !== undefined && duration !== undefined) endTime = getMark(start)! + getMark(duration)!;
  else endTime = perfHost.now();
  let startTime: number;
  if (typeof startOrOptions === 'string') startTime = getMark(startOrOptions)!;
  else if (optionsValid && start !== undefined) startTime = getMark(start)!;
  else if (optionsValid && duration !== undefined && endTime !== undefined) startTime = endTime - getMark(duration)!;
  else startTime = 0;
  return { start: startTime, duration: endTime - startTime };
}

/** performance.measure(name, startOrMeasureOptions, endMark). */
export function measure(name: unknown, startOrOptions: unknown, endMark: unknown): PerformanceMeasure {
  validateString(name, 'name');
  const { start, duration } = startAndDuration(startOrOptions, endMark);
  const detail = cloneDetail((startOrOptions as MeasureOptions | null | undefined)?.detail);
  const entry = new PerformanceMeasure(kSkipThrow, name, 'measure', start, duration);
  setDetail(entry, detail);
  enqueue(entry);
  bufferUserTiming(entry);
  return entry;
}

/** Forgets one mark timing (or all). */
export function clearMarkTimings(name: string | undefined): void {
  if (name === undefined) return markTimings.clear();
  if (READ_ONLY.has(name)) throw invalidArgValue('name', name);
  markTimings.delete(name);
}
