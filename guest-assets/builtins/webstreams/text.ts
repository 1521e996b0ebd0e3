/**
 * TextEncoderStream and TextDecoderStream as Node 20 has them: a TransformStream over the guest's
 * TextEncoder and TextDecoder (the same codecs as `new TextDecoder()`), with Node's getters, brand
 * checks and inspect output.
 */
import { nodeError } from '../../node-errors.js';
import { invalidThis } from '../events/validate.js';
import { defineInspect } from './inspect.js';
import type { StreamClass } from './library.js';

type Codec = { encode(text: string): Uint8Array };
type Decoder = { decode(input?: unknown, options?: { stream: boolean }): string; encoding: string; fatal: boolean; ignoreBOM: boolean };

interface Pair {
  readable: unknown;
  writable: unknown;
}

interface Controller {
  enqueue(chunk: unknown): void;
}

const isBufferSource = (v: unknown) => ArrayBuffer.isView(v) || v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);

/** The bytes of U+FFFD, for a high surrogate left alone at the end of the stream. */
const REPLACEMENT = [0xef, 0xbf, 0xbd];

/**
 * Node's readable/writable getters of a class whose instances hold a TransformStream in `pairs`,
 * and its toStringTag when Node gives it one (the compression classes have it, the text ones not).
 */
function defineSides(Class: StreamClass, pairs: WeakMap<object, Pair>, tagged: boolean): void {
  for (const side of ['readable', 'writable'] as const) {
    Object.defineProperty(Class.prototype, side, {
      get(this: object) {
        const pair = pairs.get(this);
        if (pair === undefined) throw invalidThis(Class.name);
        return pair[side];
      },
      enumerable: true,
      configurable: true,
    });
  }
  if (tagged) Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: Class.name, configurable: true });
}

/** Builds the two classes over the guest's codecs and the polyfill's TransformStream. */
export function textStreams(TransformStream: StreamClass, TextEncoder: new () => Codec, TextDecoder: new (label?: unknown, options?: unknown) => Decoder) {
  const Transform = TransformStream as unknown as new (transformer: object) => Pair;
  const encoders = new WeakMap<object, Pair>();
  const decoders = new WeakMap<object, Pair & { decoder: Decoder }>();

  class TextEncoderStream {
    constructor() {
      const encoder = new TextEncoder();
      // A high surrogate at the end of a chunk waits for the low one at the start of the next.
      let pending = '';
      encoders.set(this, new Transform({
        transform(chunk: unknown, controller: Controller) {
          let text = pending + `${chunk as string}`;
          pending = '';
          const last = text.charCodeAt(text.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pending = text.slice(-1);
            text = text.slice(0, -1);
          }
          if (text !== '') controller.enqueue(encoder.encode(text));
        },
        flush(controller: Controller) {
          if (pending !== '') controller.enqueue(new Uint8Array(REPLACEMENT));
        },
      }));
    }

    get encoding(): string {
      if (!encoders.has(this)) throw invalidThis('TextEncoderStream');
      return 'utf-8';
    }
  }

  class TextDecoderStream {
    constructor(encoding: unknown = 'utf-8', options: unknown = {}) {
      const decoder = new TextDecoder(encoding, options);
      const transform = new Transform({
        transform(chunk: unknown, controller: Controller) {
          if (!isBufferSource(chunk)) {
            throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "input" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
          }
          const text = decoder.decode(chunk, { stream: true });
          if (text !== '') controller.enqueue(text);
        },
        flush(controller: Controller) {
          const text = decoder.decode();
          if (text !== '') controller.enqueue(text);
        },
      });
      decoders.set(this, { readable: transform.readable, writable: transform.writable, decoder });
    }

    get encoding(): string {
      return decoderOf(this).encoding;
    }

    get fatal(): boolean {
      return decoderOf(this).fatal;
    }

    get ignoreBOM(): boolean {
      return decoderOf(this).ignoreBOM;
    }
  }

  function decoderOf(self: object): Decoder {
    const found = decoders.get(self);
    if (found === undefined) throw invalidThis('TextDecoderStream');
    return found.decoder;
  }

  defineSides(TextEncoderStream, encoders, false);
  defineSides(TextDecoderStream, decoders, false);
  for (const key of ['encoding', 'fatal', 'ignoreBOM']) {
    if (key in TextDecoderStream.prototype) Object.defineProperty(TextDecoderStream.prototype, key, { enumerable: true });
  }
  Object.defineProperty(TextEncoderStream.prototype, 'encoding', { enumerable: true });
  defineInspect(TextEncoderStream.prototype, 'TextEncoderStream', (s) => {
    const t = s as unknown as TextEncoderStream & Pair;
    return { encoding: t.encoding, readable: t.readable, writable: t.writable };
  });
  defineInspect(TextDecoderStream.prototype, 'TextDecoderStream', (s) => {
    const t = s as unknown as TextDecoderStream & Pair;
    return { encoding: t.encoding, fatal: t.fatal, ignoreBOM: t.ignoreBOM, readable: t.readable, writable: t.writable };
  });
  return { TextEncoderStream, TextDecoderStream };
}

export { defineSides };
