/**
 * The application/x-www-form-urlencoded parser and serializer behind URLSearchParams, as Node runs
 * them: a name or value is decoded (with querystring.unescape) only when a well-formed `%XX` was
 * seen in it, `+` is a space, empty pairs are skipped; the list is flat: name, value, name, value...
 */
import { encodeWith, FORM_HEX, FORM_KEEP, hexValue } from './percent.js';

type Unescape = (text: string) => string;

/** The flat name/value list of `query` (a leading `?` is skipped). */
export function parseParams(query: string, unescape: Unescape): string[] {
  const out: string[] = [];
  let sawEquals = false;
  let buf = '';
  let encoded = false;
  let check = 0;
  let i = query.charCodeAt(0) === 0x3f ? 1 : 0;
  let pairStart = i;
  let last = i;
  const take = (end: number) => {
    buf += query.slice(last, end);
    out.push(encoded ? unescape(buf) : buf);
    buf = '';
    encoded = false;
    check = 0;
    last = end + 1;
  };
  for (; i < query.length; i++) {
    const code = query.charCodeAt(i);
    if (code === 0x26) {
      if (pairStart !== i) {
        take(i);
        if (!sawEquals) out.push('');
        sawEquals = false;
      }
      last = pairStart = i + 1;
    } else if (code === 0x3d && !sawEquals) {
      take(i);
      sawEquals = true;
    } else if (code === 0x2b) {
      buf += `${query.slice(last, i)} `;
      last = i + 1;
    } else if (!encoded) {
      // The detector Node uses: `%`, then two hex digits; `+` neither advances nor resets it.
      if (code === 0x25) check = 1;
      else if (check > 0) check = hexValue(code) >= 0 ? check + 1 : 0;
      if (check === 3) encoded = true;
    }
  }
  if (pairStart === i) return out;
  take(i);
  if (!sawEquals) out.push('');
  return out;
}

/** The list serialized: `name=value&...`, spaces as `+`. */
export function serializeParams(list: readonly string[]): string {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    out += `${i === 0 ? '' : '&'}${encodeWith(list[i]!, FORM_KEEP, FORM_HEX)}=${encodeWith(list[i + 1]!, FORM_KEEP, FORM_HEX)}`;
  }
  return out;
}
