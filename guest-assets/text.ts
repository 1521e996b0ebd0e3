import { guard, type Caps } from './caps.js';

/** Guest-realm TextEncoder/TextDecoder backed by the host's native UTF-8 and UTF-16 codecs. */
export function createText(caps: Caps) {
  const LABELS: Record<string, 'utf-8' | 'utf-16le' | 'latin1'> = {
    'utf-8': 'utf-8',
    utf8: 'utf-8',
    'unicode-1-1-utf-8': 'utf-8',
    'utf-16le': 'utf-16le',
    'utf-16': 'utf-16le',
    latin1: 'latin1',
    'iso-8859-1': 'latin1',
    ascii: 'latin1',
    'windows-1252': 'latin1',
  };

  function encodeUtf8(text: string): Uint8Array {
    const target = new Uint8Array(text.length * 3);
    const written = guard(() => caps.encodeUtf8(text, target));
    return target.slice(0, written);
  }

  class TextEncoder {
    get encoding(): string {
      return 'utf-8';
    }
    encode(input = ''): Uint8Array {
      return encodeUtf8(String(input));
    }
    encodeInto(input: string, dest: Uint8Array): { read: number; written: number } {
      const text = String(input);
      const bytes = encodeUtf8(text);
      if (bytes.length <= dest.length) {
        dest.set(bytes, 0);
        return { read: text.length, written: bytes.length };
      }
      let read = 0;
      let written = 0;
      // Copy whole code points only, as the standard requires.
      for (const ch of text) {
        const size = encodeUtf8(ch).length;
        if (written + size > dest.length) break;
        dest.set(bytes.subarray(written, written + size), written);
        written += size;
        read += ch.length;
      }
      return { read, written };
    }
  }

  class TextDecoder {
    readonly #encoding: 'utf-8' | 'utf-16le' | 'latin1';
    readonly fatal: boolean;
    readonly ignoreBOM: boolean;
    constructor(label = 'utf-8', options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
      const enc = LABELS[String(label).trim().toLowerCase()];
      if (enc === undefined) {
        throw Object.assign(new RangeError(`The "${String(label)}" encoding is not supported`), { code: 'ERR_ENCODING_NOT_SUPPORTED' });
      }
      this.#encoding = enc;
      this.fatal = Boolean(options.fatal);
      this.ignoreBOM = Boolean(options.ignoreBOM);
    }
    get encoding(): string {
      return this.#encoding === 'latin1' ? 'windows-1252' : this.#encoding;
    }
    decode(input?: ArrayBufferView | ArrayBuffer): string {
      if (input === undefined) return '';
      const bytes = ArrayBuffer.isView(input)
        ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
        : new Uint8Array(input);
      const out = guard(() => caps.decode(bytes, this.#encoding, this.fatal, this.ignoreBOM));
      if (typeof out !== 'string') {
        throw Object.assign(new TypeError(`The encoded data was not valid for encoding ${this.encoding}`), { code: 'ERR_ENCODING_INVALID_ENCODED_DATA' });
      }
      return out;
    }
  }

  return { TextEncoder, TextDecoder, encodeUtf8 };
}
