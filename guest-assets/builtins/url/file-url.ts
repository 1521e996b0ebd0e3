/**
 * `url.fileURLToPath`, `url.pathToFileURL` and `url.urlToHttpOptions` as Node 20 has them. Paths
 * are the guest's (resolved against the guest's cwd by its `path` module); the `windows` option is
 * honoured where the guest's path module has win32 (else its paths are resolved as POSIX ones).
 */
import { invalidArgType, invalidArgValue } from '../../node-errors.js';
import { urlBridge } from './bridge.js';
import { invalidFileHost, invalidFilePath, invalidScheme } from './errors.js';
import { WhatwgURL as URL } from './whatwg-url.js';

interface PathModule {
  resolve(...paths: string[]): string;
  win32?: { resolve?(...paths: string[]): string } | null;
}

/** Node's test for a WHATWG URL (a legacy Url has `auth` and `path`). */
export function isURL(value: unknown): value is URL {
  const v = value as { href?: unknown; protocol?: unknown; auth?: unknown; path?: unknown } | null | undefined;
  return Boolean(v?.href && v.protocol && v.auth === undefined && v.path === undefined);
}

/** An encoded `/` (or, for Windows paths, `\`) at `n`? */
function encodedSeparator(pathname: string, n: number, windows: boolean): boolean {
  const third = (pathname.codePointAt(n + 2) ?? 0) | 0x20;
  return (pathname[n + 1] === '2' && third === 102) || (windows && pathname[n + 1] === '5' && third === 99);
}

function posixPath(url: URL, platform: string): string {
  if (url.hostname !== '') throw invalidFileHost(platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%' && encodedSeparator(pathname, n, false)) throw invalidFilePath('must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}

function win32Path(url: URL): string {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%' && encodedSeparator(pathname, n, true)) throw invalidFilePath('must not include encoded \\ or / characters');
  }
  pathname = decodeURIComponent(pathname.replace(/\//g, '\\'));
  if (hostname !== '') return `\\\\${urlBridge.call((caps) => caps.domainToUnicode(hostname))}${pathname}`;
  const letter = (pathname.codePointAt(1) ?? 0) | 0x20;
  if (letter < 0x61 || letter > 0x7a || pathname.charAt(2) !== ':') throw invalidFilePath('must be absolute');
  return pathname.slice(1);
}

/** `url.fileURLToPath(path, options)`. */
export function fileURLToPath(path: unknown, options: unknown = {}, platform = 'linux'): string {
  const windows = (options as { windows?: unknown } | null | undefined)?.windows;
  const url = typeof path === 'string' ? new URL(path) : path;
  if (typeof path !== 'string' && !isURL(url)) throw invalidArgType('path', ['string'], ['URL'], path);
  if ((url as URL).protocol !== 'file:') throw invalidScheme('file');
  return windows ? win32Path(url as URL) : posixPath(url as URL, platform);
}

const PATH_ESCAPES: readonly [string, string][] = [
  ['%', '%25'], ['\t', '%09'], ['\n', '%0A'], ['\r', '%0D'], [' ', '%20'], ['"', '%22'], ['#', '%23'], ['?', '%3F'],
  ['[', '%5B'], ['\\', '%5C'], [']', '%5D'], ['^', '%5E'], ['|', '%7C'], ['~', '%7E'],
];

/** The characters Node escapes in a path before parsing it as a file URL (a Windows path keeps `\`). */
function encodePathChars(path: string, windows: boolean): string {
  let out = path;
  for (const [ch, escaped] of PATH_ESCAPES) if (!(windows && ch === '\\') && out.includes(ch)) out = out.split(ch).join(escaped);
  return out;
}

function uncPathToURL(path: string): URL {
  const out = new URL('file://');
  const prefix = path.startsWith('\\\\?\\UNC\\') ? 8 : 2;
  const hostEnd = path.indexOf('\\', prefix);
  if (hostEnd === -1) throw invalidArgValue('path', path, 'Missing UNC resource path');
  if (hostEnd === 2) throw invalidArgValue('path', path, 'Empty UNC servername');
  const hostname = path.slice(prefix, hostEnd);
  out.hostname = urlBridge.call((caps) => caps.domainToASCII(hostname));
  out.pathname = encodePathChars(path.slice(hostEnd).replace(/\\/g, '/'), true);
  return out;
}

/** `url.pathToFileURL(path, options)`. */
export function pathToFileURL(pathModule: PathModule, path: unknown, options: unknown = {}): URL {
  if (typeof path !== 'string') throw invalidArgType('path', ['string'], [], path);
  const windows = Boolean((options as { windows?: unknown } | null | undefined)?.windows);
  if (windows && path.startsWith('\\\\')) return uncPathToURL(path);
  const win32Resolve = pathModule.win32?.resolve;
  let resolved = windows && typeof win32Resolve === 'function' ? win32Resolve(path) : pathModule.resolve(path);
  const last = path.charCodeAt(path.length - 1);
  // resolve drops a trailing slash; the URL keeps it.
  if ((last === 0x2f || (windows && last === 0x5c)) && resolved[resolved.length - 1] !== '/') resolved += '/';
  return new URL(`file://${encodePathChars(resolved, windows)}`);
}

/** `url.urlToHttpOptions(url)`: the options object http.request takes, null-prototyped. */
export function urlToHttpOptions(url: URL): Record<string, unknown> {
  const { hostname, pathname, port, username, password, search } = url;
  const options: Record<string, unknown> = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  } as Record<string, unknown>;
  if (port !== '') options.port = Number(port);
  if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options;
}
