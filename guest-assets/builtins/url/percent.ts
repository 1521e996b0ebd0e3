/**
 * Percent-encoding as Node's querystring, URLSearchParams and legacy url.format do it: UTF-8 bytes
 * of every code unit outside a per-module set of ASCII characters kept as they are. A surrogate
 * always takes the next code unit as its pair (whatever it is), and one at the very end is
 * ERR_INVALID_URI, as in Node.
 */
import { invalidUri } from './errors.js';

/** `%XX` (upper-case) for every byte. */
export const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => `%${i.toString(16).toUpperCase().padStart(2, '0')}`);

/** HEX with a space written as `+` (the form encoding of URLSearchParams). */
export const FORM_HEX: readonly string[] = HEX.map((h, i) => (i === 0x20 ? '+' : h));

/** A 128-entry table: 1 for the ASCII characters that stay as they are. */
export type KeepTable = Uint8Array;

/** A KeepTable keeping letters, digits and the characters of `extra`. */
export function keepTable(extra: string): KeepTable {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z0-9]/.test(ch) || extra.includes(ch)) table[c] = 1;
  }
  return table;
}

/** querystring.escape's set: what encodeURIComponent keeps. */
export const QUERYSTRING_KEEP = keepTable("!'()*-._~");
/** The application/x-www-form-urlencoded byte serializer's set. */
export const FORM_KEEP = keepTable('*-._');
/** What legacy url.format keeps in `auth`: querystring's set plus `:`. */
export const AUTH_KEEP = keepTable("!'()*-._~:");

function utf8(code: number, hex: readonly string[]): string {
  if (code < 0x800) return hex[0xc0 | (code >> 6)]! + hex[0x80 | (code & 0x3f)]!;
  if (code < 0x10000) return hex[0xe0 | (code >> 12)]! + hex[0x80 | ((code >> 6) & 0x3f)]! + hex[0x80 | (code & 0x3f)]!;
  return hex[0xf0 | (code >> 18)]! + hex[0x80 | ((code >> 12) & 0x3f)]! + hex[0x80 | ((code >> 6) & 0x3f)]! + hex[0x80 | (code & 0x3f)]!;
}

/** `text` percent-encoded: characters of `keep` as they are, every other code unit as UTF-8 escapes. */
export function encodeWith(text: string, keep: KeepTable, hex: readonly string[]): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80 && keep[code] === 1) continue;
    out += text.slice(kept, i);
    if (code < 0x80) out += hex[code]!;
    else if (code < 0xd800 || code >= 0xe000) out += utf8(code, hex);
    else {
      // Any surrogate pairs with the unit after it, as Node's encoder does; none after it is an error.
      if (++i >= text.length) throw invalidUri();
      code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
      out += utf8(code, hex);
    }
    kept = i + 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** The value of a hex digit, or -1. */
export function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}
