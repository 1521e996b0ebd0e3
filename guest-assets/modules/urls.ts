import { internalError } from './errors.js';

/**
 * file: URLs as Node's `url.pathToFileURL` / `fileURLToPath` produce and accept them, for the loader's
 * own use (module keys, `import.meta.url`, messages). Only the file scheme is needed here.
 */

/** Characters the WHATWG path percent-encode set encodes, plus those Node encodes first. */
const ENCODE = /[\u0000-\u0020"#%<>?`{}\\\u007f]/g;

function hex(code: number): string {
  return `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** `pathToFileURL(path).href` for an absolute POSIX path. */
export function pathToFileUrl(path: string): string {
  let out = '';
  for (const ch of path) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80) out += utf8Escapes(ch);
    else out += ch.replace(ENCODE, (c) => hex(c.charCodeAt(0)));
  }
  return `file://${out}`;
}

function utf8Escapes(ch: string): string {
  const code = ch.codePointAt(0)!;
  // A lone surrogate becomes U+FFFD, as the URL standard's UTF-8 encode does.
  const cp = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
  const bytes: number[] = [];
  if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  return bytes.map(hex).join('');
}

/** The parts of a file: URL: its percent-encoded path, and its `?search` and `#hash` (possibly ''). */
export function splitFileUrl(url: string): { path: string; search: string; hash: string } | undefined {
  if (!/^file:/i.test(url)) return undefined;
  let rest = url.slice(5);
  const hashAt = rest.indexOf('#');
  const hash = hashAt < 0 ? '' : rest.slice(hashAt);
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const searchAt = rest.indexOf('?');
  const search = searchAt < 0 ? '' : rest.slice(searchAt);
  if (searchAt >= 0) rest = rest.slice(0, searchAt);
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const host = rest.slice(2, slash < 0 ? rest.length : slash);
    if (host !== '' && host !== 'localhost') throw internalError('TypeError', 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
    rest = slash < 0 ? '/' : rest.slice(slash);
  }
  return { path: rest.startsWith('/') ? rest : `/${rest}`, search, hash };
}

/** `fileURLToPath(url)` for a file: URL string. */
export function fileUrlToPath(url: string): string {
  const parts = splitFileUrl(url);
  if (!parts) throw internalError('TypeError', 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (/%2f/i.test(parts.path)) throw internalError('TypeError', 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  return decodeURIComponent(parts.path);
}
