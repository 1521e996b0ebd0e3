/**
 * Blob and File (globals, and `require('buffer')`'s), and buffer.resolveObjectURL, in the guest's
 * realm, with Node 20's checks, results and inspect output. A Blob holds its bytes in one guest
 * Uint8Array made at construction (a Blob never changes); `stream()` is a ReadableStream when the
 * guest has web streams.
 */
import { Buffer } from 'buffer';
import { inspect } from '../../inspect/index.js';
import { customInspectSymbol } from '../../inspect/value.js';
import { describeReceived, invalidArgValue, nodeError } from '../../node-errors.js';
import { objectUrlTarget } from '../url/url-statics.js';

// UTF-8 both ways by the guest's Buffer (Node's own codecs): lone surrogates and invalid bytes become U+FFFD as in Node.
const utf8 = (text: string) => {
  const b = Buffer.from(text, 'utf8');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};
const fromUtf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** A Blob's bytes and type; `unreadable` (a directory given to fs.openAsBlob) makes every read fail. */
interface BlobState {
  bytes: Uint8Array;
  type: string;
  unreadable?: number;
}

const blobs = new WeakMap<object, BlobState>();

// Node's Blob carries its handle, length and type as own enumerable symbol properties (which is
// why inspect shows `[Blob]` past the depth); the state the methods use is kept apart, out of reach.
const kHandle = Symbol('kHandle');
const kLength = Symbol('kLength');
const kType = Symbol('kType');

/** Makes `blob` a Blob of `s`. */
function brand(blob: object, s: BlobState): void {
  blobs.set(blob, s);
  const own = (key: symbol, value: unknown) => Object.defineProperty(blob, key, { value, enumerable: true, writable: true, configurable: true });
  own(kHandle, Object.create(null));
  own(kLength, s.unreadable ?? s.bytes.length);
  own(kType, s.type);
}

function state(blob: unknown): BlobState {
  const s = typeof blob === 'object' && blob !== null ? blobs.get(blob) : undefined;
  if (s === undefined) throw nodeError('ERR_INVALID_THIS', 'TypeError', 'Value of "this" must be of type Blob');
  return s;
}

/** A MIME type as the File API keeps it: lowercased, or '' when it has a character outside U+0020-U+007E. */
function normalizeType(type: unknown): string {
  const text = `${type as string}`;
  return /[^\u0020-\u007E]/.test(text) ? '' : text.toLowerCase();
}

/** The bytes of one part: a string (UTF-8, line endings per `endings`), a buffer or view (copied), a Blob, or its string form. */
function partBytes(part: unknown, endings: string): Uint8Array {
  // 'native' turns CRLF into the system's line ending (LF here); a lone CR stays, as in Node.
  if (typeof part === 'string') return utf8(endings === 'native' ? part.replace(/\r\n/g, '\n') : part);
  if (part instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && part instanceof SharedArrayBuffer)) return new Uint8Array(part.slice(0));
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  const s = typeof part === 'object' && part !== null ? blobs.get(part) : undefined;
  if (s !== undefined) return s.bytes;
  return utf8(`${part as string}`);
}

/** Node's argument checks of `new Blob(sources, options)`: the parts' bytes joined, and the type. */
function construct(sources: unknown, options: unknown): { bytes: Uint8Array; type: string } {
  if (sources === null || typeof sources === 'string' || typeof (sources as { [Symbol.iterator]?: unknown } | undefined)?.[Symbol.iterator] !== 'function') {
    throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "sources" argument must be a sequence.${describeReceived(sources)}`);
  }
  if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
    throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "options" argument must be a dictionary.${describeReceived(options)}`);
  }
  const o = (options ?? {}) as { endings?: unknown; type?: unknown };
  const endings = o.endings === undefined ? 'transparent' : `${o.endings as string}`;
  if (endings !== 'transparent' && endings !== 'native') throw invalidArgValue('options.endings', o.endings);
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const part of sources as Iterable<unknown>) {
    const bytes = partBytes(part, endings);
    parts.push(bytes);
    length += bytes.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, type: normalizeType(o.type ?? '') };
}

/** A read of the Blob's bytes as a promise (rejected for a Blob that cannot be read, as Node's). */
function read<T>(blob: unknown, take: (bytes: Uint8Array) => T): Promise<T> {
  try {
    const s = state(blob);
    if (s.unreadable !== undefined) {
      const DOMExceptionClass = (globalThis as { DOMException?: new (m: string, n: string) => Error }).DOMException;
      return Promise.reject(DOMExceptionClass ? new DOMExceptionClass('The blob could not be read', 'NotReadableError') : new Error('The blob could not be read'));
    }
    return Promise.resolve(take(s.bytes));
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
    return s.unreadable ?? s.bytes.length;
  }

  slice(start?: unknown, end?: unknown, contentType: unknown = ''): Blob {
    const s = state(this);
    const from = clamp(start, s.bytes.length, 0);
    const to = clamp(end, s.bytes.length, s.bytes.length);
    const part = Object.create(Blob.prototype) as Blob;
    brand(part, { bytes: s.bytes.slice(from, Math.max(from, to)), type: normalizeType(contentType) });
    return part;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return read(this, (bytes) => bytes.slice().buffer);
  }

  text(): Promise<string> {
    return read(this, fromUtf8);
  }

  bytes(): Promise<Uint8Array> {
    return read(this, (bytes) => bytes.slice());
  }

  /** A ReadableStream of the bytes (in one chunk), when the guest has web streams. */
  stream(): unknown {
    const { bytes } = state(this);
    const Readable = (globalThis as { ReadableStream?: new (source: object) => unknown }).ReadableStream;
    if (typeof Readable !== 'function') throw nodeError('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'TypeError', 'Blob.prototype.stream() needs web streams (ReadableStream), which the sandbox does not have');
    return new Readable({
      type: 'bytes',
      start(controller: { enqueue(chunk: Uint8Array): void; close(): void }) {
        if (bytes.length > 0) controller.enqueue(bytes.slice());
        controller.close();
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
  if (!(target instanceof Blob)) return undefined;
  // As Node: a Blob of the same bytes and type, not the one the URL was made for.
  const found = Object.create(Blob.prototype) as Blob;
  brand(found, { ...state(target) });
  return found;
}

/**
 * fs.openAsBlob's Blob: `bytes` taken as they are (the caller gives up its view) and `type` as
 * given (Node does not normalize it there); `unreadableSize` makes a Blob of that size whose every
 * read fails (a directory).
 */
export function fileBlob(bytes: Uint8Array, type: string, unreadableSize?: number): Blob {
  const blob = Object.create(Blob.prototype) as Blob;
  brand(blob, { bytes, type, ...(unreadableSize === undefined ? {} : { unreadable: unreadableSize }) });
  return blob;
}
