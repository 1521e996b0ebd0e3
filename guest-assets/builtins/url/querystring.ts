/**
 * The guest's `querystring`, written here because no installed package reproduces Node's results
 * (its quirks are observable: a malformed escape is kept, a value is decoded only when a well-formed
 * `%XX` was seen, non-ASCII text decoded byte-wise after a failed decodeURIComponent, multi-character
 * separators matched without backtracking). As in Node, parse and stringify look up `escape`,
 * `unescape` and `unescapeBuffer` on the module object at call time, so a program may replace them.
 */
import type { Buffer as BufferClass } from 'buffer';
import { parseQuery } from './querystring-parse.js';
import { encodeWith, hexValue, HEX, QUERYSTRING_KEEP } from './percent.js';

/** The exports object of `querystring` (its functions read each other through it, as Node's do). */
export interface QueryString {
  unescapeBuffer(s: string, decodeSpaces?: boolean): BufferClass;
  unescape(s: string, decodeSpaces?: boolean): string;
  escape(str: unknown): string;
  stringify(obj: unknown, sep?: unknown, eq?: unknown, options?: { encodeURIComponent?: unknown }): string;
  encode(obj: unknown, sep?: unknown, eq?: unknown, options?: { encodeURIComponent?: unknown }): string;
  parse(qs: unknown, sep?: unknown, eq?: unknown, options?: object): Record<string, unknown>;
  decode(qs: unknown, sep?: unknown, eq?: unknown, options?: object): Record<string, unknown>;
}

type Encode = (text: string) => unknown;

/** Builds the module; `Buffer` is the guest's. */
export function createQueryString(Buffer: typeof BufferClass): QueryString {
  const decodeUri = decodeURIComponent;

  function unescapeBuffer(s: string, decodeSpaces?: boolean): BufferClass {
    const text = String(s);
    const out = Buffer.allocUnsafe(text.length);
    let n = 0;
    let decoded = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x2b && decodeSpaces) out[n++] = 0x20;
      else if (code === 0x25 && i < text.length - 2 && hexValue(text.charCodeAt(i + 1)) >= 0 && hexValue(text.charCodeAt(i + 2)) >= 0) {
        out[n++] = hexValue(text.charCodeAt(i + 1)) * 16 + hexValue(text.charCodeAt(i + 2));
        i += 2;
        decoded = true;
      } else out[n++] = code; // a code unit over 0xFF keeps its low byte, as a Buffer store does
    }
    return decoded ? out.subarray(0, n) : out;
  }

  function qsUnescape(s: string, decodeSpaces?: boolean): string {
    try {
      return decodeUri(s);
    } catch {
      return qs.unescapeBuffer(s, decodeSpaces).toString();
    }
  }

  function qsEscape(str: unknown): string {
    let text = str;
    // `+ ''` (not a template) so a value's valueOf wins over its toString, as in Node.
    if (typeof text !== 'string') text = typeof text === 'object' ? String(text) : (text as string) + '';
    return encodeWith(text as string, QUERYSTRING_KEEP, HEX);
  }

  function stringify(obj: unknown, sep?: unknown, eq?: unknown, options?: { encodeURIComponent?: unknown }): string {
    const separator = (sep || '&') as string;
    const equals = (eq || '=') as string;
    let encode = qs.escape as Encode;
    if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent as Encode;
    const convert = encode === qsEscape ? encodeDefault : encodeCustom;
    if (obj === null || typeof obj !== 'object') return '';
    // Plain `+` throughout: a custom encoder may return objects, which Node concatenates this way.
    let fields = '';
    for (const k of Object.keys(obj)) {
      const v = (obj as Record<string, unknown>)[k];
      const name = (convert(k, encode) as string) + equals;
      if (Array.isArray(v)) {
        if (v.length === 0) continue;
        if (fields) fields += separator;
        for (let j = 0; j < v.length; j++) {
          if (j) fields += separator;
          fields += name;
          fields += convert(v[j], encode) as string;
        }
      } else {
        if (fields) fields += separator;
        fields += name;
        fields += convert(v, encode) as string;
      }
    }
    return fields;
  }

  function parse(text: unknown, sep?: unknown, eq?: unknown, options?: object): Record<string, unknown> {
    return parseQuery(text, sep, eq, options, qs.unescape, qsUnescape);
  }

  const qs: QueryString = { unescapeBuffer, unescape: qsUnescape, escape: qsEscape, stringify, encode: stringify, parse, decode: parse };
  return qs;
}

/** A primitive as stringify writes it with querystring's own escape (numbers under 1e21 need none). */
function encodeDefault(v: unknown, encode: Encode): unknown {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && Number.isFinite(v)) return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

/** A primitive as stringify writes it with a caller's encodeURIComponent. */
function encodeCustom(v: unknown, encode: Encode): unknown {
  return encode(primitiveText(v));
}

function primitiveText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}
