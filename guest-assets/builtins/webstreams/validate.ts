/**
 * Node's argument checks of the stream classes, run before the polyfill's own: the errors whose
 * Node message names the value received (`Received type number (5)`), which the polyfill's
 * messages cannot carry (errors.ts translates the others). Each check mirrors a case of Node 20
 * that the differential suite covers; the polyfill still runs every check of the standard after.
 */
import { nodeError, invalidArgType, invalidArgValue } from '../../node-errors.js';
import { inspect } from '../../inspect/index.js';

type Bag = Record<string, unknown>;

const isObjectLike = (v: unknown): v is Bag => (typeof v === 'object' && v !== null) || typeof v === 'function';

/** An optional dictionary argument: undefined passes; null passes when `nullOk` (Node differs by class). */
export function checkDictionary(value: unknown, name: string, nullOk: boolean): Bag | undefined {
  if (value === undefined || (value === null && nullOk)) return undefined;
  if (!isObjectLike(value)) throw invalidArgType(name, ['object'], [], value);
  return value;
}

/** The members of `bag` that must be functions when given, named `<prefix>.<member>`. */
function checkCallbacks(bag: Bag | undefined, prefix: string, members: readonly string[]): void {
  if (bag === undefined) return;
  for (const member of members) {
    const fn = bag[member];
    if (fn !== undefined && typeof fn !== 'function') throw invalidArgType(`${prefix}.${member}`, ['function'], [], fn);
  }
}

/** A queuing strategy argument: an object, a highWaterMark that is a non-negative number, a size function. */
function checkStrategy(value: unknown, name: string): Bag | undefined {
  const strategy = checkDictionary(value, name, true);
  if (strategy === undefined) return undefined;
  const { highWaterMark, size } = strategy;
  if (highWaterMark !== undefined) {
    const hwm = Number(highWaterMark);
    if (Number.isNaN(hwm) || hwm < 0) throw nodeError('ERR_INVALID_ARG_VALUE', 'RangeError', `The property 'strategy.highWaterMark' is invalid. Received ${inspect(hwm)}`);
  }
  if (size !== undefined && typeof size !== 'function') throw invalidArgType('strategy.size', ['function'], [], size);
  return strategy;
}

const rangeValue = (name: string, value: unknown) => nodeError('ERR_INVALID_ARG_VALUE', 'RangeError', `The ${name.includes('.') ? 'property' : 'argument'} '${name}' is invalid. Received ${inspect(value)}`);

/** `new ReadableStream(source, strategy)`. */
export function checkReadableStreamArgs([source, strategy]: unknown[]): void {
  const src = checkDictionary(source, 'source', false);
  const strat = checkStrategy(strategy, 'strategy');
  const type = src?.type;
  if (type !== undefined && `${type as string}` !== 'bytes') throw invalidArgValue('source.type', type);
  if (type !== undefined) {
    if (strat?.size !== undefined) throw rangeValue('strategy.size', strat.size);
    if (src?.autoAllocateChunkSize === 0) throw invalidArgValue('source.autoAllocateChunkSize', 0);
  }
  checkCallbacks(src, 'source', ['pull', 'cancel']);
  checkStart(src, 'Bind must be called on a function');
}

/** A `start` that is not a function: Node's own engine message (its check names no value). */
function checkStart(bag: Bag | undefined, message: string): void {
  if (bag?.start !== undefined && typeof bag.start !== 'function') throw new TypeError(message);
}

/** `new WritableStream(sink, strategy)`. */
export function checkWritableStreamArgs([sink, strategy]: unknown[]): void {
  const s = checkDictionary(sink, 'sink', false);
  checkStrategy(strategy, 'strategy');
  if (s?.type !== undefined) throw rangeValue('type', s.type);
  checkCallbacks(s, 'sink', ['write', 'close', 'abort']);
  checkStart(s, 'Bind must be called on a function');
}

/** `new TransformStream(transformer, writableStrategy, readableStrategy)`. */
export function checkTransformStreamArgs([transformer, writableStrategy, readableStrategy]: unknown[]): void {
  const t = checkDictionary(transformer, 'transformer', false);
  checkStrategy(writableStrategy, 'writableStrategy');
  checkStrategy(readableStrategy, 'readableStrategy');
  if (t?.readableType !== undefined) throw rangeValue('transformer.readableType', t.readableType);
  if (t?.writableType !== undefined) throw rangeValue('transformer.writableType', t.writableType);
  checkCallbacks(t, 'transformer', ['transform', 'flush', 'cancel']);
  checkStart(t, 'FunctionPrototypeCall is not a function');
}

/** `new CountQueuingStrategy(init)` and `new ByteLengthQueuingStrategy(init)`. */
export function checkQueuingStrategyInit([init]: unknown[]): void {
  if (typeof init !== 'object' || init === null) throw invalidArgType('init', ['object'], [], init);
  if ((init as Bag).highWaterMark === undefined) throw nodeError('ERR_MISSING_OPTION', 'TypeError', 'init.highWaterMark is required');
}

/** The `stream` argument of a reader's or writer's constructor. */
export function checkStreamArg(value: unknown, Class: Function): void {
  if (!(value instanceof Class)) throw invalidArgType('stream', [], [Class.name], value);
}

/** `getReader(options)`: the mode, and a BYOB reader only of a byte stream. */
export function checkReaderOptions(stream: unknown, options: unknown, isByteStream: (stream: unknown) => boolean): void {
  const o = checkDictionary(options, 'options', true);
  const mode = o?.mode;
  if (mode === undefined) return;
  if (`${mode as string}` !== 'byob') throw invalidArgValue('options.mode', mode);
  if (!isByteStream(stream)) throw nodeError('ERR_INVALID_ARG_VALUE', 'TypeError', `The argument 'stream' must be a byte stream. Received ${inspect(stream)}`);
}

/** pipeTo's and pipeThrough's options: an object whose signal is an AbortSignal. */
export function checkPipeOptions(options: unknown, AbortSignalClass: Function): void {
  const o = checkDictionary(options, 'options', true);
  const signal = o?.signal;
  if (signal !== undefined && !(signal instanceof AbortSignalClass)) throw invalidArgType('options.signal', [], ['AbortSignal'], signal);
}

/** pipeThrough's `transform` (and pipeTo's destination, which Node names `transform.writable`). */
export function checkPipeEnd(value: unknown, name: 'transform.readable' | 'transform.writable', Class: Function): void {
  if (!(value instanceof Class)) throw invalidArgType(name, [], [Class.name], value);
}

/** A BYOB read's view, or a byte controller's chunk: a Buffer, TypedArray or DataView. */
export function checkView(value: unknown, name: 'view' | 'buffer'): void {
  if (!ArrayBuffer.isView(value)) throw invalidArgType(name, [], ['Buffer', 'TypedArray', 'DataView'], value);
}

/** A BYOB read's options: `min` at least 1 and at most the view's length in elements. */
export function checkReadOptions(view: unknown, options: unknown): void {
  const o = checkDictionary(options, 'options', false);
  if (o?.min === undefined) return;
  const min = Number(o.min);
  if (!(min > 0)) throw nodeError('ERR_INVALID_ARG_VALUE', 'TypeError', `The property 'options.min' must be greater than 0. Received ${inspect(o.min)}`);
  const length = view instanceof DataView ? view.byteLength : (view as { length: number }).length;
  if (min > length) throw nodeError('ERR_OUT_OF_RANGE', 'RangeError', `The value of "options.min" is out of range. It must be <= view.length. Received ${inspect(o.min)}`);
}

/** ReadableStream.from's argument: iterable or async iterable (Node's ERR_ARG_NOT_ITERABLE). */
export function checkIterable(value: unknown): void {
  if (value === null || value === undefined) return;
  const v = value as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
  if (v[Symbol.asyncIterator] == null && v[Symbol.iterator] == null) {
    throw nodeError('ERR_ARG_NOT_ITERABLE', 'TypeError', `${inspect(value)} must be iterable`);
  }
}
