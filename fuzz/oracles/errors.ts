import type { ErrorRecord } from '../../bridge/wire/errors.js';
import type { Finding } from '../types.js';

/**
 * What an error says about the host: a RangeError that a typed array, DataView or Buffer raised means
 * code tried to read or write out of bounds (the engine stopped it, the code did not), whatever caught
 * it afterwards. Stack overflows are RangeErrors too, but a different matter: they are counted, and the
 * recovery probe decides whether they did harm.
 */

/** Messages V8 and Node give a bounds failure of a typed array, DataView, ArrayBuffer or Buffer. */
const OUT_OF_BOUNDS = [
  /outside the bounds/i,
  /out of bounds/i,
  /Invalid typed array length/,
  /Invalid DataView length/,
  /Invalid array buffer length/,
  /Array buffer allocation failed/,
  /should be a multiple of/,
  /Source is too large/,
  /Attempt to access memory outside buffer bounds/,
  // Node's own bounds checks (a handler's argument checks say "a non-negative integer" or "&&").
  /The value of "\w+" is out of range\. It must be >= \d+ and <= \d+/,
];

const STACK_OVERFLOW = /Maximum call stack size exceeded/;

/** True for a message of a bounds failure. */
export function isOutOfBounds(message: string): boolean {
  return OUT_OF_BOUNDS.some((re) => re.test(message));
}

/** True for a stack overflow's message. */
export function isStackOverflow(message: string): boolean {
  return STACK_OVERFLOW.test(message);
}

/** The finding for a thrown value that shows an out-of-bounds access, if it does. */
export function boundsFinding(thrown: unknown, where: string): Finding | undefined {
  if (!(thrown instanceof RangeError)) return undefined;
  const code = (thrown as { code?: unknown }).code;
  if (isOutOfBounds(thrown.message) || code === 'ERR_BUFFER_OUT_OF_BOUNDS') return { oracle: 'oob', message: `${where}: RangeError: ${thrown.message}` };
  return undefined;
}

/** The finding for an error record (a status-1 answer) that shows an out-of-bounds access, if it does. */
export function recordFinding(record: ErrorRecord): Finding | undefined {
  if (record.name !== 'RangeError' || record.message === undefined) return undefined;
  if (isOutOfBounds(record.message) || record.code === 'ERR_BUFFER_OUT_OF_BOUNDS') {
    return { oracle: 'oob', message: `answered ${record.code}: RangeError: ${record.message}` };
  }
  return undefined;
}

/**
 * A message with its variable parts (numbers, quoted text, paths) replaced, so that findings and
 * notes of one cause count as one.
 */
export function normalize(message: string): string {
  return message
    .replace(/'[^']*'|"[^"]*"/g, '…')
    .replace(/\/[^\s,)]*/g, '/…')
    .replace(/0x[0-9a-f]+|\d+/gi, 'N')
    .slice(0, 160);
}
