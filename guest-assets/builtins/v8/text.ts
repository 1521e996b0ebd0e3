/**
 * The string codecs of the writer and reader: latin-1 and UTF-16LE code units, unchanged (a lone
 * surrogate stays one). Short strings are done here; longer ones by the guest Buffer's codecs,
 * which are Node's own, working in place on the guest's bytes.
 */
import type { Buffer as BufferClass } from 'buffer';

/** Below this many code units a JavaScript loop beats a call into the codecs. */
const SHORT = 32;

export interface TextCodec {
  /** Writes `s` (every unit below 256) as bytes at `offset` of `target`. */
  writeLatin1(target: Uint8Array, offset: number, s: string): void;
  /** Writes `s` as UTF-16LE code units at `offset` of `target`. */
  writeUtf16(target: Uint8Array, offset: number, s: string): void;
  latin1(bytes: Uint8Array, start: number, end: number): string;
  utf16(bytes: Uint8Array, start: number, end: number): string;
  utf8(bytes: Uint8Array, start: number, end: number): string;
}

export function createTextCodec(Buffer: typeof BufferClass): TextCodec {
  // Captured: a guest that replaces them later changes nothing here.
  const toString = Buffer.prototype.toString as (this: Uint8Array, encoding: string, start: number, end: number) => string;
  const write = Buffer.prototype.write as (this: Uint8Array, s: string, offset: number, length: number, encoding: string) => number;
  const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    writeLatin1(target, offset, s) {
      if (s.length >= SHORT) Reflect.apply(write, view(target), [s, offset, s.length, 'latin1']);
      else for (let i = 0; i < s.length; i++) target[offset + i] = s.charCodeAt(i);
    },
    writeUtf16(target, offset, s) {
      if (s.length >= SHORT) {
        Reflect.apply(write, view(target), [s, offset, s.length * 2, 'utf16le']);
        return;
      }
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        target[offset + 2 * i] = c & 0xff;
        target[offset + 2 * i + 1] = c >> 8;
      }
    },
    latin1(bytes, start, end) {
      if (end - start >= SHORT) return Reflect.apply(toString, view(bytes), ['latin1', start, end]);
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
      return s;
    },
    utf16(bytes, start, end) {
      if (end - start >= 2 * SHORT) return Reflect.apply(toString, view(bytes), ['utf16le', start, end]);
      let s = '';
      for (let i = start; i < end; i += 2) s += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
      return s;
    },
    utf8(bytes, start, end) {
      return Reflect.apply(toString, view(bytes), ['utf8', start, end]);
    },
  };
}
