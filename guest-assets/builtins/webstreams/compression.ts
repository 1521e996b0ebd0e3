/**
 * CompressionStream and DecompressionStream as Node 20 has them: the guest's zlib stream of the
 * format (so the bytes are the Worker's native zlib's, as in Node) seen as a web stream pair
 * through the same adapter as `Duplex.toWeb`.
 */
import { invalidArgValue } from '../../node-errors.js';
import { defineInspect } from './inspect.js';
import { defineSides } from './text.js';

interface Pair {
  readable: unknown;
  writable: unknown;
}

type Factory = (options?: unknown) => unknown;

/** The zlib factories by format, for one direction. */
type Formats = Record<'deflate' | 'deflate-raw' | 'gzip', Factory>;

/** Builds the two classes; `zlib` gives the guest's zlib module, `toWeb` Duplex.toWeb. */
export function compressionStreams(zlib: () => Record<string, Factory>, toWeb: (duplex: unknown) => Pair) {
  const pairs = new WeakMap<object, Pair>();
  const open = (self: object, format: unknown, formats: (z: Record<string, Factory>) => Formats) => {
    const table = formats(zlib());
    const make = typeof format === 'string' && Object.prototype.hasOwnProperty.call(table, format) ? table[format as keyof Formats] : undefined;
    if (make === undefined) throw invalidArgValue('format', format);
    pairs.set(self, toWeb(make()));
  };

  class CompressionStream {
    constructor(format: unknown) {
      open(this, format, (z) => ({ deflate: z.createDeflate!, 'deflate-raw': z.createDeflateRaw!, gzip: z.createGzip! }));
    }
  }

  class DecompressionStream {
    constructor(format: unknown) {
      open(this, format, (z) => ({ deflate: z.createInflate!, 'deflate-raw': z.createInflateRaw!, gzip: z.createGunzip! }));
    }
  }

  for (const Class of [CompressionStream, DecompressionStream]) {
    defineSides(Class, pairs, true);
    defineInspect(Class.prototype, Class.name, (s) => {
      const t = s as unknown as Pair;
      return { readable: t.readable, writable: t.writable };
    });
  }
  return { CompressionStream, DecompressionStream };
}
