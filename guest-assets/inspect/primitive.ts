/**
 * Formatting of primitive values, string quoting/escaping and property names,
 * matching Node 20's `util.inspect` byte for byte.
 */

import type { Ctx } from './types.js';

/** Shortest string that is ever split at newlines (Node's kMinLineLength). */
const MIN_LINE_WIDTH = 16;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;

// Hot paths avoid regular expressions: V8 may compile (tier up) a regexp at any
// call, and doing that with the stack nearly exhausted can abort the process.
function isIdentifierChar(code: number, first: boolean): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f ||
    (!first && code >= 0x30 && code <= 0x39);
}

/** Keys printed without quotes: `/^[a-zA-Z_][a-zA-Z_0-9]*$/`. */
function isIdentifier(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    if (!isIdentifierChar(name.charCodeAt(i), i === 0)) return false;
  }
  return true;
}

/** Split after every newline, keeping the newlines. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', start)) {
    lines.push(text.slice(start, at + 1));
    start = at + 1;
  }
  if (start < text.length || lines.length === 0) lines.push(text.slice(start));
  return lines;
}

const NAMED_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

function escapeCode(code: number): string {
  if (code === SINGLE_QUOTE) return "\\'";
  if (code === BACKSLASH) return '\\\\';
  const named = NAMED_ESCAPES[code];
  if (named !== undefined) return named;
  return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function needsEscape(code: number, escapeQuote: boolean): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === BACKSLASH ||
    (escapeQuote && code === SINGLE_QUOTE);
}

/**
 * Escape control characters, C1 controls, backslashes, lone surrogates and
 * (optionally) single quotes the way Node does.
 */
export function escapeText(text: string, escapeQuote: boolean): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string;
    if (needsEscape(code, escapeQuote)) {
      replacement = escapeCode(code);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      replacement = `\\u${code.toString(16)}`;
    } else {
      continue;
    }
    out += text.slice(last, i) + replacement;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Quote a string like Node: single quotes by default, double quotes when the
 * text contains `'` but no `"`, backticks when it contains both but neither a
 * backtick nor `${`, otherwise single quotes with `\'` escapes.
 */
export function quoteString(text: string): string {
  if (text.includes("'")) {
    if (!text.includes('"')) return `"${escapeText(text, false)}"`;
    if (!text.includes('`') && !text.includes('${')) return `\`${escapeText(text, false)}\``;
  }
  return `'${escapeText(text, true)}'`;
}

/** Number as Node prints it (`-0` keeps its sign). */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : `${value}`;
}

/** BigInt with its `n` suffix. */
export function formatBigInt(value: bigint): string {
  return `${value}n`;
}

function formatString(ctx: Ctx, value: string): string {
  let text = value;
  let trailer = '';
  if (text.length > ctx.maxStringLength) {
    const remaining = text.length - ctx.maxStringLength;
    text = text.slice(0, ctx.maxStringLength);
    trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
  }
  if (ctx.compact !== true && text.length > MIN_LINE_WIDTH &&
      text.length > ctx.breakLength - ctx.indentationLvl - 4) {
    // Long strings are split after each newline into `'...' +` pieces.
    const separator = ` +\n${' '.repeat(ctx.indentationLvl + 2)}`;
    return splitLines(text).map(quoteString).join(separator) + trailer;
  }
  return quoteString(text) + trailer;
}

/** Format any non-object value (string, number, bigint, boolean, undefined, symbol). */
export function formatPrimitive(ctx: Ctx, value: unknown): string {
  switch (typeof value) {
    case 'string': return formatString(ctx, value);
    case 'number': return formatNumber(value);
    case 'bigint': return formatBigInt(value);
    case 'boolean': return `${value}`;
    case 'symbol': return String(value);
    default: return 'undefined';
  }
}

/**
 * Render a property name: `[Symbol(x)]`, `['__proto__']`, `[hidden]` for
 * non-enumerable keys, bare identifiers, or a quoted string.
 */
export function formatKey(key: PropertyKey, enumerable: boolean): string {
  if (typeof key === 'symbol') return `[${escapeText(String(key), true)}]`;
  const name = String(key);
  if (name === '__proto__') return "['__proto__']";
  if (!enumerable) return `[${escapeText(name, true)}]`;
  return isIdentifier(name) ? name : quoteString(name);
}
