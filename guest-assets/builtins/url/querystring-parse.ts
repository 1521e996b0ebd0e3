/**
 * querystring.parse as Node runs it: one pass over the text, separators and `=` matched code unit
 * by code unit without backtracking, and a key or value decoded only when a well-formed `%XX` was
 * seen in it (or always, with a caller's decodeURIComponent). A scan that follows Node's step by step
 * is the only way to get the same answers for malformed input, so this is written as one.
 */
import { hexValue } from './percent.js';

type Decode = (text: string, decodeSpaces?: boolean) => unknown;

const AMPERSAND = [0x26];
const EQUALS = [0x3d];
const PLUS = 0x2b;
const PERCENT = 0x25;

function codesOf(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

/** The state of one scan. */
class Scan {
  key = '';
  value = '';
  keyEncoded: boolean;
  valueEncoded: boolean;
  /** Progress of the escape detector: 1 after `%`, 2 and 3 after hex digits. */
  check = 0;
  last = 0;
  sepAt = 0;
  eqAt = 0;

  constructor(readonly text: string, readonly sep: number[], readonly eq: number[], readonly custom: boolean) {
    this.keyEncoded = this.valueEncoded = custom;
  }

  /** Feeds the escape detector; true when `code` was part of an escape being matched. */
  detect(code: number, forKey: boolean): boolean {
    if (code === PERCENT) {
      this.check = 1;
      return true;
    }
    if (this.check > 0) {
      if (hexValue(code) >= 0) {
        if (++this.check === 3) {
          if (forKey) this.keyEncoded = true;
          else this.valueEncoded = true;
        }
        return true;
      }
      this.check = 0;
    }
    return false;
  }

  /** A character outside a separator: `=` matching, `+`, and escape detection. */
  other(code: number, i: number, plus: string): void {
    this.sepAt = 0;
    if (this.eqAt < this.eq.length) {
      if (code === this.eq[this.eqAt]) {
        if (++this.eqAt === this.eq.length) {
          const end = i - this.eqAt + 1;
          if (this.last < end) this.key += this.text.slice(this.last, end);
          this.check = 0;
          this.last = i + 1;
        }
        return;
      }
      this.eqAt = 0;
      if (!this.keyEncoded && this.detect(code, true)) return;
      if (code === PLUS) {
        this.key += this.text.slice(this.last, i) + plus;
        this.last = i + 1;
        return;
      }
    }
    if (code === PLUS) {
      this.value += this.text.slice(this.last, i) + plus;
      this.last = i + 1;
    } else if (!this.valueEncoded) this.detect(code, false);
  }

  /** Completes the pair ending at a separator ending at `i`: 'empty', 'pair', or 'more' (separator not complete). */
  separator(i: number): 'more' | 'empty' | 'pair' {
    if (++this.sepAt !== this.sep.length) return 'more';
    const end = i - this.sepAt + 1;
    if (this.eqAt < this.eq.length) {
      if (this.last < end) this.key += this.text.slice(this.last, end);
      else if (this.key.length === 0) {
        this.last = i + 1;
        this.sepAt = this.eqAt = 0;
        return 'empty';
      }
    } else if (this.last < end) this.value += this.text.slice(this.last, end);
    return 'pair';
  }

  reset(i: number): void {
    this.keyEncoded = this.valueEncoded = this.custom;
    this.key = this.value = '';
    this.check = 0;
    this.last = i + 1;
    this.sepAt = this.eqAt = 0;
  }
}

function decodePart(text: string, decode: Decode, unescape: Decode): unknown {
  try {
    return decode(text);
  } catch {
    return unescape(text, true);
  }
}

function add(obj: Record<string, unknown>, s: Scan, decode: Decode, unescape: Decode): void {
  const key = s.key.length > 0 && s.keyEncoded ? decodePart(s.key, decode, unescape) : s.key;
  const value = s.value.length > 0 && s.valueEncoded ? decodePart(s.value, decode, unescape) : s.value;
  const name = key as string;
  const current = obj[name];
  if (current === undefined) obj[name] = value;
  else if ((current as { pop?: unknown }).pop) (current as unknown[])[(current as unknown[]).length] = value;
  else obj[name] = [current, value];
}

/**
 * `querystring.parse(text, sep, eq, options)`; `unescape` is the module's current `unescape`
 * (the default decoder) and `builtin` its own, which tells a caller's decoder from the default.
 */
export function parseQuery(text: unknown, sep: unknown, eq: unknown, options: unknown, unescape: Decode, builtin: Decode): Record<string, unknown> {
  const obj = Object.create(null) as Record<string, unknown>;
  if (typeof text !== 'string' || text.length === 0) return obj;
  const opts = options as { maxKeys?: unknown; decodeURIComponent?: unknown } | undefined;
  const sepCodes = !sep ? AMPERSAND : codesOf(String(sep));
  const eqCodes = !eq ? EQUALS : codesOf(String(eq));
  let pairs = 1000;
  if (opts && typeof opts.maxKeys === 'number') pairs = (opts.maxKeys as number) > 0 ? (opts.maxKeys as number) : -1;
  let decode = unescape;
  if (opts && typeof opts.decodeURIComponent === 'function') decode = opts.decodeURIComponent as Decode;
  const custom = decode !== builtin;
  const plus = custom ? '%20' : ' ';
  const s = new Scan(text, sepCodes, eqCodes, custom);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== s.sep[s.sepAt]) {
      s.other(code, i, plus);
      continue;
    }
    const step = s.separator(i);
    if (step === 'more') continue;
    if (step === 'pair') add(obj, s, decode, unescape);
    if (--pairs === 0) return obj;
    if (step === 'pair') s.reset(i);
  }
  if (s.last < text.length) {
    if (s.eqAt < eqCodes.length) s.key += text.slice(s.last);
    else if (s.sepAt < sepCodes.length) s.value += text.slice(s.last);
  } else if (s.eqAt === 0 && s.key.length === 0) return obj;
  add(obj, s, decode, unescape);
  return obj;
}
