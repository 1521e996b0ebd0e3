/**
 * Finds the text of the call `assert.ok(...)` that failed, from its source and the call's position
 * as V8 reports it (the callee's last name for `a.b(...)` and `f(...)`, the arguments' `(` for a
 * parenthesised callee). Node parses the line with acorn and takes the innermost call around that
 * position; a scanner that knows strings, templates, comments and regular expressions finds the
 * same span for the calls assertions are written as.
 */

const isIdent = (c: string | undefined): boolean => c !== undefined && /[\p{ID_Continue}$\u200c\u200d]/u.test(c);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const KEYWORDS = new Set(['return', 'typeof', 'await', 'void', 'delete', 'new', 'in', 'of', 'instanceof', 'case', 'throw', 'yield', 'else', 'do']);

/** After which last character a `/` starts a regular expression rather than a division. */
const REGEX_AFTER = new Set([...'(,=:[!&|?{};+-*%<>~^']);

/** The end (exclusive) of the string, template or comment starting at `i`, or undefined if there is none. */
function skipLiteral(code: string, i: number, previous: string): number | undefined {
  const c = code[i];
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < code.length && code[j] !== c && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '`') return skipTemplate(code, i + 1);
  if (c === '/' && code[i + 1] === '/') {
    const nl = code.indexOf('\n', i);
    return nl === -1 ? code.length : nl;
  }
  if (c === '/' && code[i + 1] === '*') {
    const close = code.indexOf('*/', i + 2);
    return close === -1 ? code.length : close + 2;
  }
  if (c === '/' && (previous === '' || REGEX_AFTER.has(previous))) {
    let j = i + 1;
    let inClass = false;
    while (j < code.length && code[j] !== '\n' && (inClass || code[j] !== '/')) {
      if (code[j] === '\\') j++;
      else if (code[j] === '[') inClass = true;
      else if (code[j] === ']') inClass = false;
      j++;
    }
    j++;
    while (isIdent(code[j])) j++;
    return j;
  }
  return undefined;
}

function skipTemplate(code: string, i: number): number {
  while (i < code.length && code[i] !== '`') {
    if (code[i] === '\\') i += 2;
    else if (code[i] === '$' && code[i + 1] === '{') i = matchClose(code, i + 1, '{', '}') + 1;
    else i++;
  }
  return i + 1;
}

/** The index of the bracket closing the one at `open`, skipping literals; code.length if unclosed. */
function matchClose(code: string, open: number, opening: string, closing: string): number {
  let depth = 0;
  let previous = '';
  for (let i = open; i < code.length; ) {
    const end = skipLiteral(code, i, previous);
    if (end !== undefined) {
      i = end;
      previous = 'a';
      continue;
    }
    const c = code[i]!;
    if (c === opening) depth++;
    else if (c === closing && --depth === 0) return i;
    if (!isSpace(c)) previous = isIdent(c) ? 'a' : c;
    i++;
  }
  return code.length;
}

/** The index of the bracket opening the one closing at `close`, scanning backwards (no literals inside). */
function matchOpen(code: string, close: number): number {
  const closing = code[close]!;
  const opening = closing === ')' ? '(' : '[';
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (code[i] === closing) depth++;
    else if (code[i] === opening && --depth === 0) return i;
  }
  return -1;
}

function skipSpaceBack(code: string, i: number): number {
  while (i > 0 && isSpace(code[i - 1])) i--;
  return i;
}

/** Walking back over a callee: what may come before the part just passed. */
const enum Back {
  /** At the arguments' `(`: the callee's last part (or the `?.` of an optional call). */
  Start,
  /** Just passed a name: only a `.` continues the callee. */
  Name,
  /** Just passed `(...)` or `[...]`: a `.`, a name (a call's callee) or another group continues it. */
  Group,
  /** Just passed a `.`: a name or a group must come. */
  Dot,
}

/** Where the callee ending just before `end` starts: names joined by `.`/`?.`, with calls and indexing. */
function calleeStart(code: string, end: number): number {
  let start = end;
  let state = Back.Start;
  for (;;) {
    const j = skipSpaceBack(code, start);
    const c = code[j - 1];
    if (c === '.' && state !== Back.Dot) {
      if (state === Back.Start && code[j - 2] !== '?') return start;
      start = code[j - 2] === '?' ? j - 2 : j - 1;
      state = Back.Dot;
      continue;
    }
    if ((c === ')' || c === ']') && state !== Back.Name) {
      const open = matchOpen(code, j - 1);
      if (open === -1) return start;
      start = open;
      state = Back.Group;
      continue;
    }
    if (isIdent(c) && state !== Back.Name) {
      let k = j;
      while (k > 0 && isIdent(code[k - 1])) k--;
      if (KEYWORDS.has(code.slice(k, j))) return state === Back.Dot ? skipDot(code, start) : start;
      start = k;
      state = Back.Name;
      continue;
    }
    return state === Back.Dot ? skipDot(code, start) : start;
  }
}

/** A `.` that nothing valid precedes is not part of the callee. */
function skipDot(code: string, at: number): number {
  let i = at + (code[at] === '?' ? 2 : 1);
  while (isSpace(code[i])) i++;
  return i;
}

/** The `(` of the call's arguments, from V8's position (the callee's last name, or the `(` itself). */
function argumentsOpen(code: string, pos: number): number {
  let i = pos;
  while (isIdent(code[i])) i++;
  while (isSpace(code[i])) i++;
  if (code[i] === '?' && code[i + 1] === '.') {
    i += 2;
    while (isSpace(code[i])) i++;
  }
  return code[i] === '(' ? i : -1;
}

/**
 * The failed call's text and its start column, given the source from the call's line on and the
 * column V8 reported; undefined when no call is found there.
 */
export function findCall(code: string, column: number): [start: number, text: string] | undefined {
  const open = argumentsOpen(code, column);
  if (open === -1) return undefined;
  const close = matchClose(code, open, '(', ')');
  if (close >= code.length) return undefined;
  const start = calleeStart(code, open);
  return [start, code.slice(start, close + 1)];
}
