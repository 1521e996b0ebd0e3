/**
 * A check that bytes are exactly one well-formed CBOR item (RFC 8949 section 3 and appendix C) nested at
 * most `maxDepth` deep, before cbor-x sees them: one pass, no recursion, nothing allocated. cbor-x alone
 * would read a head cut short through a DataView (a RangeError from the engine, not a decision of ours)
 * and recurse once per level of nesting until the stack ran out.
 */

/** Why bytes are not one CBOR item: `malformed` (never valid) or `truncated` (bytes missing). */
export class CborError extends Error {
  readonly kind: 'malformed' | 'truncated';
  /** Byte offset where the check stopped. */
  readonly offset: number;
  constructor(kind: 'malformed' | 'truncated', offset: number, detail: string) {
    super(`${kind} CBOR at byte ${offset}: ${detail}`);
    this.name = 'CborError';
    this.kind = kind;
    this.offset = offset;
  }
}

/** Containers (and tags) nested deeper than this are refused by default: no call's arguments need more. */
export const CBOR_MAX_DEPTH = 256;

/** Items a container still expects; INDEFINITE until its break; STRING: chunks of an indefinite string of that major type. */
const INDEFINITE = -1;

interface Open {
  left: number;
  /** For an indefinite byte or text string: its major type (its chunks must be definite strings of it). */
  chunks?: number;
}

/** Throws CborError unless `bytes` hold exactly one well-formed item at most `maxDepth` containers deep. */
export function checkCbor(bytes: Uint8Array, maxDepth = CBOR_MAX_DEPTH): void {
  const end = bytes.length;
  const open: Open[] = [];
  let at = 0;
  for (;;) {
    if (at >= end) throw new CborError('truncated', at, open.length === 0 ? 'no item' : `${open.length} container(s) not closed`);
    const start = at;
    const ib = bytes[at++]!;
    const major = ib >> 5;
    const ai = ib & 31;
    const top = open.at(-1);
    if (ib === 0xff) {
      if (top === undefined || top.left !== INDEFINITE) throw new CborError('malformed', start, 'a break outside an indefinite-length item');
      open.pop();
      if (finished(open)) break;
      continue;
    }
    if (top?.chunks !== undefined && (major !== top.chunks || ai === 31)) throw new CborError('malformed', start, `a chunk of major type ${major} in an indefinite string of major type ${top.chunks}`);
    let arg = 0;
    if (ai >= 28 && ai <= 30) throw new CborError('malformed', start, `reserved additional information ${ai}`);
    if (ai >= 24 && ai <= 27) {
      const n = 1 << (ai - 24);
      if (end - at < n) throw new CborError('truncated', start, `a head needs ${n} more byte(s), ${end - at} remain`);
      for (let i = 0; i < n; i++) arg = arg * 256 + bytes[at++]!;
    } else if (ai < 24) {
      arg = ai;
    }
    const indefinite = ai === 31;
    if (indefinite && (major === 0 || major === 1 || major === 6)) throw new CborError('malformed', start, `major type ${major} cannot be indefinite`);
    if (major === 2 || major === 3) {
      if (indefinite) {
        push(open, { left: INDEFINITE, chunks: major }, maxDepth, start);
        continue;
      }
      if (arg > end - at) throw new CborError('truncated', start, `a string of ${arg} bytes, ${end - at} remain`);
      at += arg;
    } else if (major === 4 || major === 5) {
      const items = indefinite ? INDEFINITE : major === 5 ? arg * 2 : arg;
      // Each item takes a byte at least: a count beyond the bytes left is a lie, refused before anything is made.
      if (items > end - at) throw new CborError('truncated', start, `a container of ${items} items, ${end - at} bytes remain`);
      if (items !== 0) {
        push(open, { left: items }, maxDepth, start);
        continue;
      }
    } else if (major === 6) {
      push(open, { left: 1 }, maxDepth, start);
      continue;
    } else if (major === 7 && indefinite) {
      throw new CborError('malformed', start, 'a break outside an indefinite-length item');
    }
    if (finished(open)) break;
  }
  if (at !== end) throw new CborError('malformed', at, `${end - at} byte(s) after the item`);
}

function push(open: Open[], item: Open, maxDepth: number, at: number): void {
  if (open.length >= maxDepth) throw new CborError('malformed', at, `nested deeper than ${maxDepth}`);
  open.push(item);
}

/** Counts one finished item against the containers it completes; true when the top-level item is done. */
function finished(open: Open[]): boolean {
  for (;;) {
    const top = open.at(-1);
    if (top === undefined) return true;
    if (top.left === INDEFINITE) return false;
    if (--top.left > 0) return false;
    open.pop();
  }
}
