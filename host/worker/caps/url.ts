/**
 * Capabilities behind the guest's `url` built-in (guest-assets/builtins/url): Node's own WHATWG
 * parser (Ada) and legacy `url.parse`, moving only strings, numbers and guest-realm Uint32Arrays.
 */
import url from 'node:url';
import { types } from 'node:util';
import type { UrlCaps } from '../../../guest-assets/builtins/url/caps.js';
import { bufferOf, byteLengthOf, byteOffsetOf, quietly, type Realm } from '../realm.js';

const OMITTED = 0xffffffff;
const COMPONENTS = 9;
const LEGACY_FIELDS = ['protocol', 'slashes', 'auth', 'host', 'port', 'hostname', 'hash', 'search', 'query', 'pathname', 'path', 'href'] as const;
const SETTERS = new Set(['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']);
/** Ada's scheme types, as Node's URL record numbers them. */
const SCHEME_TYPES: Record<string, number> = { 'http:': 0, 'https:': 2, 'ws:': 3, 'ftp:': 4, 'wss:': 5, 'file:': 6 };

/**
 * The components of a parsed URL as Ada reports them, found from Node's own getters (each is a
 * slice of the href between two of these offsets, so they determine the offsets exactly).
 */
function writeComponents(u: URL, out: Uint32Array): string {
  const href = u.href;
  const protocol = u.protocol;
  const pathname = u.pathname;
  const protocolEnd = protocol.length;
  let usernameEnd = protocolEnd;
  let hostStart = protocolEnd;
  let hostEnd = protocolEnd;
  let pathStart = protocolEnd;
  const port = u.port;
  if (href.startsWith('//', protocolEnd)) {
    const username = u.username;
    const password = u.password;
    usernameEnd = protocolEnd + 2 + username.length;
    hostStart = password === '' ? usernameEnd : usernameEnd + 1 + password.length;
    hostEnd = hostStart + (username === '' && password === '' ? 0 : 1) + u.hostname.length;
    pathStart = hostEnd + (port === '' ? 0 : 1 + port.length);
  } else if (href.startsWith('/.', protocolEnd) && pathname.startsWith('//')) {
    // A path that would read as a host is serialised behind `/.`.
    pathStart = protocolEnd + 2;
  }
  const pathEnd = pathStart + pathname.length;
  const searchStart = href.charCodeAt(pathEnd) === 0x3f ? pathEnd : OMITTED;
  const afterSearch = searchStart === OMITTED ? pathEnd : pathEnd + Math.max(1, u.search.length);
  const hashStart = href.charCodeAt(afterSearch) === 0x23 ? afterSearch : OMITTED;
  out[0] = protocolEnd;
  out[1] = usernameEnd;
  out[2] = hostStart;
  out[3] = hostEnd;
  out[4] = port === '' ? OMITTED : Number(port);
  out[5] = pathStart;
  out[6] = searchStart;
  out[7] = hashStart;
  out[8] = SCHEME_TYPES[protocol] ?? 1;
  return href;
}

/** `new URL(input, base)`, or null when the parser rejects it (URL.parse where this node has it). */
function parseOrNull(input: string, base: string | undefined): URL | null {
  const parse = (URL as unknown as { parse?: (i: string, b?: string) => URL | null }).parse;
  if (typeof parse === 'function') return parse(input, base);
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

/** The Worker URL last answered, kept so a chain of setters on one URL parses its href once. */
let last: { href: string; url: URL } | undefined;

function urlOf(href: string): URL {
  if (last?.href === href) return last.url;
  const parsed = new URL(href);
  last = { href, url: parsed };
  return parsed;
}

function remember(u: URL, out: Uint32Array): string {
  const href = writeComponents(u, out);
  last = { href, url: u };
  return href;
}

/** The legacy parse's fields joined, their lengths (or OMITTED for null) in `out`. */
function packLegacy(parsed: url.UrlWithStringQuery, warned: boolean, out: Uint32Array): string {
  let text = '';
  LEGACY_FIELDS.forEach((field, i) => {
    const value = (parsed as unknown as Record<string, unknown>)[field];
    if (field === 'slashes') out[i] = value === true ? 1 : OMITTED;
    else if (typeof value === 'string') {
      out[i] = value.length;
      text += value;
    } else out[i] = OMITTED;
  });
  out[LEGACY_FIELDS.length] = warned ? 1 : 0;
  return text;
}

/** Runs Node's legacy parse, catching the one-time DEP0170 warning it would print from the Worker. */
function legacyParse(input: string, slashesDenoteHost: boolean): { parsed: url.UrlWithStringQuery; warned: boolean } {
  const emit = process.emitWarning;
  let warned = false;
  process.emitWarning = (() => {
    warned = true;
  }) as typeof process.emitWarning;
  try {
    // eslint-disable-next-line n/no-deprecated-api -- the legacy API is what the guest asked for
    return { parsed: url.parse(input, false, slashesDenoteHost), warned };
  } finally {
    process.emitWarning = emit;
  }
}

export function urlCaps(realm: Realm): UrlCaps {
  // Worker-realm views over the guest's scratch arrays (the guest passes the same ones every time).
  const views = new WeakMap<object, Uint32Array>();
  const viewOf = (out: Uint32Array, length: number): Uint32Array | undefined => {
    const known = views.get(out);
    if (known !== undefined && known.length === length) return known;
    if (!types.isUint32Array(out) || !realm.isGuestView(out) || (byteLengthOf.call(out) as number) < length * 4) return undefined;
    const view = new Uint32Array(bufferOf.call(out) as ArrayBuffer, byteOffsetOf.call(out) as number, length);
    views.set(out, view);
    return view;
  };
  return {
    urlParse: (input, base, out) =>
      realm.codec(() => {
        const view = viewOf(out, COMPONENTS);
        if (typeof input !== 'string' || (base !== undefined && typeof base !== 'string') || !view) return -1;
        const parsed = parseOrNull(input, base);
        return parsed === null ? -1 : remember(parsed, view);
      }),
    urlCanParse: (input, base) => quietly(() => typeof input === 'string' && (base === undefined || typeof base === 'string') && URL.canParse(input, base), false),
    urlUpdate: (href, setter, value, out) =>
      realm.codec(() => {
        const view = viewOf(out, COMPONENTS);
        if (typeof href !== 'string' || typeof value !== 'string' || !SETTERS.has(setter) || !view) return -1;
        const target = urlOf(href);
        if (setter === 'href' && !URL.canParse(value)) return -1;
        (target as unknown as Record<string, string>)[setter] = value;
        return remember(target, view);
      }),
    urlFormat: (href, fragment, unicode, search, auth) =>
      quietly(() => url.format(new URL(String(href)), { fragment: !!fragment, unicode: !!unicode, search: !!search, auth: !!auth }), ''),
    domainToASCII: (domain) => quietly(() => url.domainToASCII(String(domain)), ''),
    domainToUnicode: (domain) => quietly(() => url.domainToUnicode(String(domain)), ''),
    legacyUrlParse: (input, slashesDenoteHost, out) =>
      realm.codec(() => {
        const view = viewOf(out, LEGACY_FIELDS.length + 1);
        if (typeof input !== 'string' || !view) return -1;
        const { parsed, warned } = legacyParse(input, slashesDenoteHost === true);
        return packLegacy(parsed, warned, view);
      }),
  };
}
