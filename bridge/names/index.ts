/**
 * File names as strings that keep every byte. A POSIX name is bytes; Node hands a Buffer path's bytes
 * to the system unchanged, so a name need not be UTF-8. Inside the bridge a name is a JS string:
 * its UTF-8 runs decoded as usual, and each byte that is not part of a valid UTF-8 sequence held as
 * the lone surrogate U+DC80 + (byte - 0x80). The mapping is one to one: a string path from a program
 * is made well-formed first (as Node's UTF-8 conversion replaces a lone surrogate), so lone
 * surrogates in a name only ever stand for raw bytes, and the bytes of a name come back exactly.
 */

const ESCAPE_BASE = 0xdc00;

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The code point of the valid sequence of `n` bytes at `i`. */
function codePointAt(b: Uint8Array, i: number, n: number): number {
  const at = (k: number): number => b[i + k]!;
  if (n === 2) return ((at(0) & 0x1f) << 6) | (at(1) & 0x3f);
  if (n === 3) return ((at(0) & 0x0f) << 12) | ((at(1) & 0x3f) << 6) | (at(2) & 0x3f);
  return ((at(0) & 0x07) << 18) | ((at(1) & 0x3f) << 12) | ((at(2) & 0x3f) << 6) | (at(3) & 0x3f);
}

/** True when `bytes` are all valid UTF-8. */
export function isUtf8Name(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n === 0) return false;
    i += n;
  }
  return true;
}

/** The name string of raw name bytes (valid UTF-8 decodes as usual; other bytes are escaped). */
export function bytesToName(bytes: Uint8Array): string {
  let text = '';
  let run = 0;
  const units: number[] = [];
  const flush = (): void => {
    text += String.fromCharCode(...units);
    units.length = 0;
  };
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n === 0) {
      units.push(ESCAPE_BASE + bytes[i]!);
      i += 1;
    } else if (n === 1) {
      units.push(bytes[i]!);
      i += 1;
    } else {
      const cp = codePointAt(bytes, i, n);
      if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      else units.push(cp);
      i += n;
    }
    if (++run === 4096) {
      run = 0;
      flush();
    }
  }
  flush();
  return text;
}

/** True when `name` holds escaped bytes (a lone surrogate) and so is not plain UTF-8 text. */
export function hasEscapes(name: string): boolean {
  return !name.isWellFormed();
}

/** The raw bytes of a name string (the inverse of bytesToName; any other lone surrogate is U+FFFD). */
export function nameToBytes(name: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < name.length) {
      const d = name.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
        continue;
      }
    }
    if (c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff) out.push(c - ESCAPE_BASE);
    else if (c >= 0xd800 && c <= 0xdfff) out.push(0xef, 0xbf, 0xbd);
    else if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/**
 * How a name shows in text (an error's message and `path`): its bytes decoded as UTF-8 with each
 * invalid sequence replaced by U+FFFD, as Node prints a Buffer path. Plain text is returned as is.
 */
export function displayName(name: string): string {
  if (!hasEscapes(name)) return name;
  return new TextDecoder().decode(nameToBytes(name));
}
