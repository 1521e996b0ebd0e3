/**
 * assert.ok (and assert(), strict()): a falsy value fails with the failed call's own source text
 * in the message, read from the caller's file as Node reads it (`The expression evaluated to a
 * falsy value:\n\n  assert.ok(x)\n`). Without a readable file (eval code, a missing file) the
 * message is generated from the values instead (`false == true`).
 */
import { AssertionError } from './assertion-error.js';
import { at } from './sites.js';
import { findCall } from './source-expression.js';

/** Reads a guest file's text (the guest's fs), or throws. */
export type ReadSource = (path: string) => string;

/** The caller's file, line and column (1-based) from a trace in V8's format; undefined if it has none. */
function callerSite(fn: Function): { file: string; line: number; column: number } | undefined {
  const limit = Error.stackTraceLimit;
  const holder: { stack?: string } = {};
  try {
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(holder, fn);
  } catch {
    return undefined;
  } finally {
    try {
      Error.stackTraceLimit = limit;
    } catch {
      // A read-only limit stays as the guest set it.
    }
  }
  const frame = typeof holder.stack === 'string' ? holder.stack.split('\n')[1] : undefined;
  const m = frame === undefined ? null : /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(frame);
  if (m === null) return undefined;
  return { file: m[1]!, line: Number(m[2]), column: Number(m[3]) };
}

/** `file:///a/b.mjs` as a path; other names as they are. */
function pathOf(file: string): string {
  if (!file.startsWith('file://')) return file;
  return decodeURIComponent(file.slice('file://'.length));
}

/** Where 1-based line `line` of `source` starts. */
function lineStart(source: string, line: number): number | undefined {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const nl = source.indexOf('\n', offset);
    if (nl === -1) return undefined;
    offset = nl + 1;
  }
  return offset;
}

/** Control characters other than tab and newlines, escaped as Node shows them. */
const escapeControls = (text: string) => text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Lines after the first lose up to `column` leading blanks, and are indented by two. */
function normaliseIndent(text: string, column: number): string {
  const [first, ...rest] = text.split('\n');
  let out = first!;
  for (const line of rest) {
    let pos = 0;
    while (pos < column && (line[pos] === ' ' || line[pos] === '\t')) pos++;
    out += `\n  ${line.slice(pos)}`;
  }
  return out;
}

/** The assert.ok family over a reader of guest source files; messages are cached per call site. */
export function createOk(readSource: ReadSource) {
  const cache = new Map<string, string | undefined>();

  function messageFor(fn: Function): string | undefined {
    const site = callerSite(fn);
    if (site === undefined) return undefined;
    const key = `${site.file}${site.line - 1}${site.column - 1}`;
    if (cache.has(key)) return cache.get(key);
    let message: string | undefined;
    try {
      const source = readSource(pathOf(site.file));
      const offset = lineStart(source, site.line);
      const found = offset === undefined ? undefined : findCall(source.slice(offset), site.column - 1);
      if (found !== undefined) message = `The expression evaluated to a falsy value:\n\n  ${normaliseIndent(escapeControls(found[1]), found[0])}\n`;
    } catch {
      message = undefined;
    }
    cache.set(key, message);
    return message;
  }

  /** Node's innerOk: throws when `value` is falsy; `argLen` is how many arguments the caller got. */
  return function innerOk(fn: Function, argLen: number, value?: unknown, message?: unknown): void {
    if (value) return;
    let generated = false;
    if (argLen === 0) {
      generated = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generated = true;
      message = messageFor(fn);
    } else if (message instanceof Error) {
      throw at(message, 'innerOkOwn');
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
    err.generatedMessage = generated;
    throw at(err, 'innerOk');
  };
}
