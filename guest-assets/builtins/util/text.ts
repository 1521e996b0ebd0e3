/** util's text helpers: stripVTControlCharacters, toUSVString, styleText (Node 20.20). */
import { inspect } from '../../inspect/index.js';
import { invalidArgType, nodeError } from '../../node-errors.js';
import type { GuestProcess } from '../registry.js';
import { validateBoolean, validateString } from '../validate.js';

/**
 * ANSI/VT escape sequences as Node strips them: an ESC or CSI introducer, then either an OSC-style
 * string ended by BEL, ESC \ or ST, or a CSI-style run of numeric parameters and a final byte.
 */
const OSC_PARAM = '[-a-zA-Z\\d\\/\\#&.:=?%@~_]';
const OSC_BODY = `(?:(?:;${OSC_PARAM}+)*|[a-zA-Z\\d]+(?:;${OSC_PARAM}*)*)?`;
const OSC_END = '(?:\\u0007|\\u001B\\u005C|\\u009C)';
const CSI_BODY = '(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~])';
const VT_SEQUENCE = new RegExp(`[\\u001B\\u009B][[\\]()#;?]*(?:(?:${OSC_BODY}${OSC_END})|${CSI_BODY})`, 'g');

/** Node's `util.stripVTControlCharacters(str)`. */
export function stripVTControlCharacters(str: unknown): string {
  validateString(str, 'str');
  return str.replace(VT_SEQUENCE, '');
}

/** Node's `util.toUSVString(string)`: lone surrogates become U+FFFD. */
export function toUSVString(input: unknown): string {
  return (String.prototype as unknown as { toWellFormed(this: string): string }).toWellFormed.call(`${input as string}`);
}

/** Node's duck test for a Node stream or a web stream (what styleText's `stream` must be). */
function isStream(obj: unknown): boolean {
  if (typeof obj !== 'object' || obj === null) return typeof obj === 'function';
  const s = obj as Record<string, unknown>;
  const fn = (key: string) => typeof s[key] === 'function';
  if (s._readableState || s._writableState || (fn('write') && fn('on')) || (fn('pipe') && fn('on'))) return true;
  return (fn('pipeThrough') && fn('getReader') && fn('cancel')) || (fn('getWriter') && fn('abort'));
}

/** Color depth from FORCE_COLOR as Node's tty reads it: only 16 colors or more colorize. */
function forcedColors(value: string): boolean {
  return value === '' || value === '1' || value === 'true' || value === '2' || value === '3';
}

/** Node's util.styleText over the guest's process (its env and stdio decide colorizing). */
export function createStyleText(process: GuestProcess, colors: () => Record<string, [number, number] | undefined>) {
  function shouldColorize(stream: unknown): boolean {
    const force = process.env.FORCE_COLOR;
    if (force !== undefined) return forcedColors(force);
    const s = stream as { isTTY?: unknown; getColorDepth?: unknown };
    return Boolean(s?.isTTY) && (typeof s.getColorDepth === 'function' ? (s.getColorDepth as () => number)() > 2 : true);
  }

  function codesOf(key: unknown): [number, number] {
    const table = colors();
    const codes = table[key as string];
    if (codes == null) {
      const names = Object.keys(table).map((k) => `'${k}'`).join(', ');
      throw nodeError('ERR_INVALID_ARG_VALUE', 'TypeError', `The argument 'format' must be one of: ${names}. Received ${inspect(key)}`);
    }
    return codes;
  }

  const escape = (code: number) => `\u001b[${code}m`;

  return function styleText(format: unknown, text: unknown, { validateStream = true, stream = process.stdout as unknown } = {}): string {
    validateString(text, 'text');
    validateBoolean(validateStream, 'options.validateStream');
    let skip = false;
    if (validateStream) {
      // The guest's own stdio objects are not streams yet; they are what Node's default is.
      if (stream !== process.stdout && stream !== process.stderr && !isStream(stream)) {
        throw invalidArgType('stream', [], ['ReadableStream', 'WritableStream', 'Stream'], stream);
      }
      skip = !shouldColorize(stream);
    }
    if (Array.isArray(format)) {
      // Node 20.20 colors a list of formats whatever the stream.
      let left = '';
      let right = '';
      for (const key of format) {
        const [open, close] = codesOf(key);
        left += escape(open);
        right = escape(close) + right;
      }
      return `${left}${text}${right}`;
    }
    const [open, close] = codesOf(format);
    return skip ? text : `${escape(open)}${text}${escape(close)}`;
  };
}
