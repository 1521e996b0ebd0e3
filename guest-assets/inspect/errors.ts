/**
 * Error formatting for the guest-side inspector: the stack (or `[Name: message]`
 * when there is none), Node's constructor/name annotations, frames shared with
 * the `cause` collapsed, and indentation for nested errors.
 */

import type { Ctx } from './types.js';
import { getPrefix } from './describe.js';
import { errorToString, isError, safeGet, safeHas } from './reflect.js';

const FRAME_START = '\n    at';
const NAMED_STACK = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/;
const BARE_ERROR_NAME = /^([a-z_A-Z0-9-]*Error)$/;

function toText(value: unknown, fallback: string): string {
  try {
    return String(value);
  } catch {
    return fallback;
  }
}

/** `err.stack` as a string, or `Error.prototype.toString(err)` when it is empty. */
function stackOf(err: object): string {
  const stack = safeGet(err, 'stack');
  if (stack) return toText(stack, '');
  try {
    return errorToString(err);
  } catch {
    return 'Error';
  }
}

/** Hide own `name`/`message`/`stack` keys whose text already shows in the stack. */
function dropKeysShownInStack(ctx: Ctx, keys: PropertyKey[], err: object, stack: string): void {
  if (ctx.showHidden || keys.length === 0) return;
  for (const name of ['name', 'message', 'stack']) {
    const index = keys.indexOf(name);
    if (index !== -1 && stack.includes(toText(safeGet(err, name), '\0'))) keys.splice(index, 1);
  }
}

function fallbackName(stack: string): [string, number] {
  const match = NAMED_STACK.exec(stack) ?? BARE_ERROR_NAME.exec(stack);
  const found = match?.[1] ?? '';
  return [found || 'Error', found.length];
}

/** Mention the constructor when the stack's first line names something else. */
function improveStack(stack: string, constructor: string | null, name: string, tag: string): string {
  let len = name.length;
  const looksNormal = name.endsWith('Error') && stack.startsWith(name) &&
    (stack.length === len || stack[len] === ':' || stack[len] === '\n');
  if (constructor !== null && !looksNormal) return stack;
  let fallback = 'Error';
  if (constructor === null) [fallback, len] = fallbackName(stack);
  const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
  if (name === prefix) return stack;
  if (prefix.includes(name)) return len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
  return `${prefix} [${name}]${stack.slice(len)}`;
}

function sharedFrameRun(frames: string[], causeFrames: string[]): { len: number; offset: number } {
  for (let i = 0; i < frames.length - 3; i++) {
    const at = causeFrames.indexOf(frames[i] ?? '');
    if (at === -1 || causeFrames.length - at <= 3) continue;
    const max = Math.min(frames.length - i, causeFrames.length - at);
    let len = 1;
    while (len < max && frames[i + len] === causeFrames[at + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

/** Split the frames and collapse the ones repeated from `err.cause`'s stack. */
function stackFrames(err: object, framesText: string): string[] {
  const frames = framesText.split('\n');
  const cause = safeGet(err, 'cause');
  if (typeof cause !== 'object' || cause === null || !isError(cause)) return frames;
  const causeStack = stackOf(cause);
  const start = causeStack.indexOf(FRAME_START);
  if (start === -1) return frames;
  const { len, offset } = sharedFrameRun(frames, causeStack.slice(start + 1).split('\n'));
  if (len > 0) {
    frames.splice(offset + 1, len - 2, `    ... ${len - 2} lines matching cause stack trace ...`);
  }
  return frames;
}

function messageEnd(err: object, stack: string): number {
  const message = safeGet(err, 'message');
  if (!message) return -1;
  const found = stack.indexOf(toText(message, '\0'));
  if (found === -1 || found === 0) return -1;
  return found + (typeof message === 'string' ? message.length : NaN);
}

/**
 * Node's `formatError`. May append `cause` and `errors` to `keys` so they are
 * printed as `[cause]: ...` / `[errors]: [...]` after the stack.
 */
export function formatError(ctx: Ctx, err: object, constructor: string | null, tag: string, keys: PropertyKey[]): string {
  const rawName = safeGet(err, 'name');
  const name = rawName != null ? toText(rawName, 'Error') : 'Error';
  let stack = stackOf(err);
  dropKeysShownInStack(ctx, keys, err, stack);
  if (safeHas(err, 'cause') && !keys.includes('cause')) keys.push('cause');
  if (Array.isArray(safeGet(err, 'errors')) && !keys.includes('errors')) keys.push('errors');
  stack = improveStack(stack, constructor, name, tag);
  const framesAt = stack.indexOf(FRAME_START, messageEnd(err, stack));
  if (framesAt === -1) {
    stack = `[${stack}]`;
  } else {
    stack = `${stack.slice(0, framesAt)}\n${stackFrames(err, stack.slice(framesAt + 1)).join('\n')}`;
  }
  if (ctx.indentationLvl !== 0) stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  return stack;
}
