/**
 * Display width of text, as Node's `getStringWidth` computes it (with ICU)
 * for array grouping and `compact: true` layout: control, format and
 * combining characters take no column, East Asian wide/fullwidth characters
 * and emoji presentation characters take two, everything else one.
 */

// Code point ranges of width 2, encoded as space-separated base-36
// "gap-from-previous-range-end,length-minus-one" pairs. Derived by measuring
// every code point with Node 20's ICU-backed width function (Unicode East
// Asian Width W/F plus Emoji_Presentation); code points that NFC
// normalization rewrites were treated as "don't care" to merge ranges.
const WIDE_DATA =
  '3cw,2n 3i3,1 5q,3 4,0 3,0 ei,1 m,1 r,7 h,b 18,0 b,5 4,0 e,0 9,1 i,1 6,1 9,0 6,0 m,0 8,1 2,0 5,0 ' +
  '3,0 8,0 5,1 t,0 10,0 2,0 5,2 2,0 1q,2 p,0 f,0 nw,1 1g,0 5,0 mj,p 2,2g d,5x r,26 3,2d 3,2u 6,16 ' +
  '2,2l 2,2d a,1b 2,13 9,mkc 4,1i wq,s hw,8mb 6sr,6p lt,9 n,y 2,i 2,3 46,2n 3k,6 m4a,4 c,6 a,5p1 ' +
  '16,v 2q,36 6pq,3 2,6 2,1 2,82 g,0 u,2 3,0 f,3 9,az 6bp,2e a,m 5n2,0 5n,0 5b,0 3,9 24,s e,17 5,8 ' +
  '8,1 f,5 4b,w d,8 2,1x 2,l d,16 5,4 d,g 4,0 4,1y 2,0 2,56 3,1q e,3 2,n j,0 r,1 e,0 2f,2c 1d,1x ' +
  '7,0 4,2 3,3 4,3 c,1 8,8 6c,b 5,0 7w,1a 2,9 2,54 35,c 4,a 4,1k 2,0 5,f 3,b 5,9 zs,1ekd 3,1ekd';

function decodeRanges(data: string): number[] {
  const flat: number[] = [];
  let end = 0;
  for (const pair of data.split(' ')) {
    const [gap = '0', span = '0'] = pair.split(',');
    const start = end + parseInt(gap, 36);
    end = start + parseInt(span, 36);
    flat.push(start, end);
  }
  return flat;
}

const WIDE = decodeRanges(WIDE_DATA);
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
const SOFT_HYPHEN = 0xad;

// Compile the regexp now: V8 compiles regexps lazily, and compiling one
// while the stack is nearly exhausted (deep recursion) can abort the process.
ZERO_WIDTH.test('\u0300');
ZERO_WIDTH.test('a');

function isWide(code: number): boolean {
  let low = 0;
  let high = WIDE.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (code < (WIDE[mid * 2] ?? 0)) high = mid - 1;
    else if (code > (WIDE[mid * 2 + 1] ?? 0)) low = mid + 1;
    else return true;
  }
  return false;
}

function codePointWidth(char: string, code: number): number {
  if (isWide(code)) return 2;
  return code !== SOFT_HYPHEN && ZERO_WIDTH.test(char) ? 0 : 1;
}

/** Columns `text` occupies on a terminal (escape sequences are not stripped, as without colors). */
export function stringWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x7f) {
      for (const char of text.slice(i).normalize('NFC')) width += codePointWidth(char, char.codePointAt(0) ?? 0);
      return width;
    }
    if (code >= 0x20) width++;
  }
  return width;
}
