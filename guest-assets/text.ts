import { guard, type Caps } from './caps.js';
import { nodeError } from './node-errors.js';

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

  /** How many bytes at the end of `bytes` start a character that the next chunk may complete. */
  function incompleteTail(bytes: Uint8Array, encoding: string): number {
    const n = bytes.length;
    if (encoding === 'latin1') return 0;
    if (encoding === 'utf-16le') {
      if (n % 2 === 1) return 1 + (n >= 3 && (bytes[n - 2]! & 0xfc) === 0xd8 ? 2 : 0);
      return n >= 2 && (bytes[n - 1]! & 0xfc) === 0xd8 ? 2 : 0;
    }
    // UTF-8: a lead byte in the last three whose sequence is valid so far but cut short.
    for (let back = 1; back <= Math.min(3, n); back++) {
      const lead = bytes[n - back]!;
      if ((lead & 0xc0) === 0x80) continue;
      const need = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
      if (need <= back) return 0;
      if (back >= 2) {
        const second = bytes[n - back + 1]!;
        const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
        const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
        if (second < low || second > high) return 0;
      }
      return back;
    }
    return 0;
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
    /** With `{ stream: true }`: the bytes of a character not yet complete, kept for the next call. */
    #pending: Uint8Array = new Uint8Array(0);
    /** Whether a streamed decode has begun (a BOM is skipped only at the start). */
    #started = false;
    decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string {
      if (input !== undefined && !ArrayBuffer.isView(input) && !((input as unknown) instanceof ArrayBuffer) && !((input as unknown) instanceof SharedArrayBuffer)) {
        throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
      }
      const stream = Boolean(options?.stream);
      let bytes = input === undefined
        ? new Uint8Array(0)
        : ArrayBuffer.isView(input)
          ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
          : new Uint8Array(input);
      if (this.#pending.length > 0) {
        const joined = new Uint8Array(this.#pending.length + bytes.length);
        joined.set(this.#pending);
        joined.set(bytes, this.#pending.length);
        bytes = joined;
        this.#pending = new Uint8Array(0);
      }
      if (stream) {
        const keep = incompleteTail(bytes, this.#encoding);
        if (keep > 0) {
          this.#pending = bytes.slice(bytes.length - keep);
          bytes = bytes.subarray(0, bytes.length - keep);
        }
      }
      const ignoreBOM = this.ignoreBOM || this.#started;
      this.#started = stream;
      if (bytes.length === 0 && input === undefined && !stream) return '';
      const out = guard(() => caps.decode(bytes, this.#encoding, this.fatal, ignoreBOM));
      if (typeof out !== 'string') {
        throw Object.assign(new TypeError(`The encoded data was not valid for encoding ${this.encoding}`), { code: 'ERR_ENCODING_INVALID_ENCODED_DATA' });
      }
      return out;
    }
  }

  return { TextEncoder, TextDecoder, encodeUtf8 };
}
