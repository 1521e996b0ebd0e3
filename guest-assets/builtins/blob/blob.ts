/**
 * Blob and File (globals, and `require('buffer')`'s), and buffer.resolveObjectURL, in the guest's
 * realm, with Node 20's checks, results and inspect output. A Blob holds its bytes as parts
 * (parts.ts) copied from its sources at construction (a Blob never changes); `stream()` is a byte
 * ReadableStream of the guest's web streams.
 */
import { Buffer } from 'buffer';
import { DOMException } from '../events/dom-exception.js';
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { describeReceived, invalidArgValue, nodeError } from '../../node-errors.js';
import { objectUrlTarget } from '../url/url-statics.js';
import { webStreams } from '../webstreams/library.js';
import { chunksOf, FILE_CHUNK, joinParts, sizeOf, sliceParts, type Part } from './parts.js';

// UTF-8 both ways by the guest's Buffer (Node's own codecs): lone surrogates and invalid bytes become U+FFFD as in Node.
const utf8 = (text: string) => {
  const b = Buffer.from(text, 'utf8');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};
const fromUtf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** A Blob's parts, size and type; `unreadable` (a directory given to fs.openAsBlob) makes every read fail. */
interface BlobState {
  parts: Part[];
  size: number;
  type: string;
  unreadable?: number;
}

/** Each Blob's state, keyed by its handle object. */
const blobs = new WeakMap<object, BlobState>();

// Node's Blob carries its handle, length and type as own enumerable symbol properties (which is
// why inspect shows `[Blob]` past the depth); the state the methods use is kept apart, out of reach.
const kHandle = Symbol('kHandle');
const kLength = Symbol('kLength');
const kType = Symbol('kType');

/** Makes `blob` a Blob of `s`. */
function brand(blob: object, s: BlobState): void {
  const handle = Object.create(null) as object;
  blobs.set(handle, s);
  const own = (key: symbol, value: unknown) => Object.defineProperty(blob, key, { value, enumerable: true, writable: true, configurable: true });
  own(kHandle, handle);
  own(kLength, s.unreadable ?? s.size);
  own(kType, s.type);
}

/**
 * The state of `value` when it is a Blob. As in Node, a Blob is what has a Blob's handle (so a
 * Proxy of a Blob is one); reading the handle may run a guest's getter or trap, as in Node.
 */
function stateOf(value: unknown): BlobState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const handle = (value as { [kHandle]?: unknown })[kHandle];
  return typeof handle === 'object' && handle !== null ? blobs.get(handle) : undefined;
}

function state(blob: unknown): BlobState {
  const s = stateOf(blob);
  if (s === undefined) throw nodeError('ERR_INVALID_THIS', 'TypeError', 'Value of "this" must be of type Blob');
  return s;
}

/** A MIME type as the File API keeps it: lowercased, or '' when it has a character outside U+0020-U+007E. */
function normalizeType(type: unknown): string {
  const text = `${type as string}`;
  return /[^\u0020-\u007E]/.test(text) ? '' : text.toLowerCase();
}

/** The parts of one source: a string (UTF-8, line endings per `endings`), a buffer or view (copied), a Blob's (shared), or its string form. */
function sourceParts(part: unknown, endings: string): Part[] {
  const s = stateOf(part);
  if (s !== undefined) return s.parts;
  let bytes: Uint8Array;
  // 'native' turns CRLF into the system's line ending (LF here); a lone CR stays, as in Node.
  if (typeof part === 'string') bytes = utf8(endings === 'native' ? part.replace(/\r\n/g, '\n') : part);
  else if (part instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && part instanceof SharedArrayBuffer)) bytes = new Uint8Array(part.slice(0));
  else if (ArrayBuffer.isView(part)) bytes = new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  else bytes = utf8(`${part as string}`);
  // Node keeps no empty part (its stream gives no empty chunk).
  return bytes.length === 0 ? [] : [{ bytes, chunk: Infinity }];
}

/** Node's argument checks of `new Blob(sources, options)`: the parts, and the type. */
function construct(sources: unknown, options: unknown): BlobState {
  if (sources === null || typeof sources === 'string' || typeof (sources as { [Symbol.iterator]?: unknown } | undefined)?.[Symbol.iterator] !== 'function') {
    throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "sources" argument must be a sequence.${describeReceived(sources)}`);
  }
  if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
    throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "options" argument must be a dictionary.${describeReceived(options)}`);
  }
  const o = (options ?? {}) as { endings?: unknown; type?: unknown };
  const endings = o.endings === undefined ? 'transparent' : `${o.endings as string}`;
  if (endings !== 'transparent' && endings !== 'native') throw invalidArgValue('options.endings', o.endings);
  const parts: Part[] = [];
  // One push per part: a Blob of a Blob of many parts is not a call with that many arguments.
  for (const source of sources as Iterable<unknown>) for (const part of sourceParts(source, endings)) parts.push(part);
  return { parts, size: sizeOf(parts), type: normalizeType(o.type ?? '') };
}

interface ByteController {
  enqueue(chunk: Uint8Array): void;
  close(): void;
  error(e: unknown): void;
  byobRequest: { respond(n: number): void } | null;
}

/** The error of every read of a Blob that cannot be read (a directory's). */
const notReadable = () => new DOMException('The blob could not be read', 'NotReadableError');

/** A read of the Blob's bytes as a promise (rejected for a Blob that cannot be read, as Node's). */
function read<T>(blob: unknown, take: (bytes: Uint8Array) => T): Promise<T> {
  try {
    const s = state(blob);
    if (s.unreadable !== undefined) {
      return Promise.reject(notReadable());
    }
    return Promise.resolve(take(joinParts(s.parts)));
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Node's slice indices: negative counts from the end, both clamped to the size. */
function clamp(value: unknown, size: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Math.trunc(Number(value)) || 0;
  return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
}

export class Blob {
  constructor(sources: unknown = [], options?: unknown) {
    brand(this, construct(sources, options));
  }

  get type(): string {
    return state(this).type;
  }

  get size(): number {
    const s = state(this);
    return s.unreadable ?? s.size;
  }

  slice(start?: unknown, end?: unknown, contentType: unknown = ''): Blob {
    const s = state(this);
    const from = clamp(start, s.size, 0);
    const to = Math.max(from, clamp(end, s.size, s.size));
    const part = Object.create(Blob.prototype) as Blob;
    brand(part, { parts: sliceParts(s.parts, from, to), size: to - from, type: normalizeType(contentType) });
    return part;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return read(this, (bytes) => bytes.buffer as ArrayBuffer);
  }

  text(): Promise<string> {
    return read(this, fromUtf8);
  }

  bytes(): Promise<Uint8Array> {
    return read(this, (bytes) => bytes);
  }

  /** A byte ReadableStream of the bytes, one chunk per part, as Node's. */
  stream(): unknown {
    const s = state(this);
    const chunks = chunksOf(s.parts);
    const RS = webStreams().ReadableStream as unknown as new (source: object) => unknown;
    return new RS({
      type: 'bytes',
      pull(controller: ByteController) {
        if (s.unreadable !== undefined) return void controller.error(notReadable());
        const next = chunks.next();
        if (!next.done) return void controller.enqueue(next.value);
        controller.close();
        // A BYOB read waiting at the end is answered with no bytes.
        controller.byobRequest?.respond(0);
      },
    });
  }

  [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    if (depth < 0) return this;
    return `Blob ${inspect({ size: this.size, type: this.type }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });
for (const key of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'bytes', 'stream']) {
  Object.defineProperty(Blob.prototype, key, { enumerable: true });
}

const files = new WeakMap<object, { name: string; lastModified: number }>();

function fileState(file: unknown): { name: string; lastModified: number } {
  const s = typeof file === 'object' && file !== null ? files.get(file) : undefined;
  if (s === undefined) throw nodeError('ERR_INVALID_THIS', 'TypeError', 'Value of "this" must be of type File');
  return s;
}

export class File extends Blob {
  constructor(fileBits: unknown, fileName: unknown, options: unknown = {}) {
    if (arguments.length < 2) throw nodeError('ERR_MISSING_ARGS', 'TypeError', 'The "fileBits" and "fileName" arguments must be specified');
    super(fileBits, options);
    const o = (options ?? {}) as { lastModified?: unknown };
    let lastModified = o.lastModified === undefined ? Date.now() : Number(o.lastModified);
    if (Number.isNaN(lastModified)) lastModified = 0;
    files.set(this, { name: `${fileName as string}`, lastModified });
  }

  get name(): string {
    return fileState(this).name;
  }

  get lastModified(): number {
    return fileState(this).lastModified;
  }

  override [customInspectSymbol](depth: number, options: { depth?: number | null }): unknown {
    if (depth < 0) return this;
    return `File ${inspect({ size: this.size, type: this.type, name: this.name, lastModified: this.lastModified }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });
for (const key of ['name', 'lastModified']) Object.defineProperty(File.prototype, key, { enumerable: true });

/** `buffer.resolveObjectURL(url)`: the Blob a `blob:nodedata:<id>` URL was made for, or undefined. */
export function resolveObjectURL(url: unknown): Blob | undefined {
  const text = `${url as string}`;
  const match = /^blob:nodedata:([^:]+)$/.exec(text);
  if (match === null) return undefined;
  const target = objectUrlTarget(match[1]!);
  const s = stateOf(target);
  if (s === undefined) return undefined;
  // As Node: a Blob of the same bytes and type, not the one the URL was made for.
  const found = Object.create(Blob.prototype) as Blob;
  brand(found, { ...s });
  return found;
}

/**
 * fs.openAsBlob's Blob: `bytes` taken as they are (the caller gives up its view) and `type` as
 * given (Node does not normalize it there); `unreadableSize` makes a Blob of that size whose every
 * read fails (a directory).
 */
export function fileBlob(bytes: Uint8Array, type: string, unreadableSize?: number): Blob {
  const blob = Object.create(Blob.prototype) as Blob;
  const parts = bytes.length === 0 ? [] : [{ bytes, chunk: FILE_CHUNK }];
  brand(blob, { parts, size: bytes.length, type, ...(unreadableSize === undefined ? {} : { unreadable: unreadableSize }) });
  return blob;
}
