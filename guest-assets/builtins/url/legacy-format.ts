/**
 * Legacy `Url.prototype.format`: the string a legacy URL object (or any object with its fields)
 * stands for, as Node 20 builds it. It reads whatever the program put on the object, so it runs in
 * the guest; `query` objects go through the guest's querystring.stringify.
 */
import { AUTH_KEEP, encodeWith, HEX } from './percent.js';

/** Protocols that always have `//` (with and without their colon). */
export const SLASHED_PROTOCOLS: ReadonlySet<string> = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

/** A bracketed hostname (`[::1]`). */
export function isIpv6Hostname(hostname: string): boolean {
  return hostname.charCodeAt(0) === 0x5b && hostname.charCodeAt(hostname.length - 1) === 0x5d;
}

type Fields = Record<string, unknown>;
type Stringify = (query: unknown) => string;

function hostOf(url: Fields, auth: string): string {
  if (url.host) return auth + (url.host as string);
  if (!url.hostname) return '';
  const hostname = url.hostname as string;
  let host = auth + (hostname.includes(':') && !isIpv6Hostname(hostname) ? `[${hostname}]` : hostname);
  if (url.port) host += `:${url.port as string}`;
  return host;
}

/** `#` and `?` in a path are escaped: they would start the hash or search. */
function escapePathname(pathname: string): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < pathname.length; i++) {
    const code = pathname.charCodeAt(i);
    if (code !== 0x23 && code !== 0x3f) continue;
    out += `${pathname.slice(kept, i)}${code === 0x23 ? '%23' : '%3F'}`;
    kept = i + 1;
  }
  return kept === 0 ? pathname : out + pathname.slice(kept);
}

/** `Url.prototype.format.call(url)`; `stringify` is querystring.stringify. */
export function formatLegacy(url: Fields, stringify: Stringify): string {
  let auth = (url.auth || '') as string;
  if (auth) auth = `${typeof auth === 'string' ? encodeWith(auth, AUTH_KEEP, HEX) : (auth as string)}@`;
  let protocol = (url.protocol || '') as string;
  let pathname = (url.pathname || '') as string;
  let hash = (url.hash || '') as string;
  let host = hostOf(url, auth);
  const query = url.query !== null && typeof url.query === 'object' ? stringify(url.query) : '';
  let search = (url.search || (query && `?${query}`) || '') as string;
  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3a) protocol += ':';
  pathname = escapePathname(pathname);
  if (url.slashes || SLASHED_PROTOCOLS.has(protocol)) {
    if (url.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2f) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) host = '//';
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash.charCodeAt(0) !== 0x23) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 0x3f) search = `?${search}`;
  return protocol + host + pathname + search + hash;
}
