/**
 * Node's legacy url API (`Url`, `url.parse`, `url.resolve`, `url.resolveObject`, `url.format`).
 * Parsing runs in the Worker, in Node's own `url.parse` (its host checks, IDNA and escaping are
 * then Node's exactly): the fields cross as one string plus their lengths, and the Url is built
 * here. Formatting and resolving read objects the program may have changed, so they run here.
 */
import { invalidArgType, nodeError } from '../../node-errors.js';
import { urlBridge } from './bridge.js';
import { invalidUrl, uriError } from './errors.js';
import { formatLegacy } from './legacy-format.js';
import { resolveInto, type UrlRecord } from './legacy-resolve.js';
import type { QueryString } from './querystring.js';

const FIELDS = ['protocol', 'slashes', 'auth', 'host', 'port', 'hostname', 'hash', 'search', 'query', 'pathname', 'path', 'href'] as const;
const NONE = 0xffffffff;
const scratch = new Uint32Array(FIELDS.length + 1);

/** What the legacy API needs from its surroundings. */
export interface LegacyHost {
  querystring(): QueryString;
  /** Emits a DeprecationWarning the way the guest's process does. */
  warn(message: string, code: string): void;
}

let host: LegacyHost | undefined;

/** Connects the legacy API to the guest's querystring and warnings. */
export function setLegacyHost(h: LegacyHost): void {
  host = h;
}

export interface Url extends UrlRecord {
  parse(url: unknown, parseQueryString?: unknown, slashesDenoteHost?: unknown): Url;
  resolve(relative: unknown): string;
  resolveObject(relative: unknown): Url;
  parseHost(): void;
}

/** The legacy URL object: every field null until parsed. */
export const Url = function Url(this: Url) {
  for (const field of FIELDS) (this as unknown as Record<string, unknown>)[field] = null;
} as unknown as { new (): Url; prototype: Url };

function parseError(input: string): Error {
  const [code, name, message] = urlBridge.lastError();
  if (code === 'ERR_INVALID_URL') return invalidUrl(input);
  if (name === 'URIError') return uriError(message);
  return nodeError(code, name === 'TypeError' || name === 'RangeError' ? name : 'Error', message);
}

/** Fills `target`'s fields from the Worker's packed answer. */
function unpack(target: Record<string, unknown>, packed: string): void {
  let at = 0;
  FIELDS.forEach((field, i) => {
    const length = scratch[i]!;
    if (field === 'slashes') target[field] = length === NONE ? null : true;
    else if (length === NONE) target[field] = null;
    else {
      target[field] = packed.slice(at, at + length);
      at += length;
    }
  });
}

Url.prototype.parse = function parse(this: Url, url: unknown, parseQueryString?: unknown, slashesDenoteHost?: unknown): Url {
  if (typeof url !== 'string') throw invalidArgType('url', ['string'], [], url);
  const packed = urlBridge.call((caps) => caps.legacyUrlParse(url, Boolean(slashesDenoteHost), scratch));
  if (typeof packed !== 'string') throw parseError(url);
  const warned = scratch[FIELDS.length] === 1;
  unpack(this as unknown as Record<string, unknown>, packed);
  if (parseQueryString) {
    if (this.search === null) this.query = Object.create(null);
    else this.query = host!.querystring().parse(this.query);
  }
  if (warned) host!.warn(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`, 'DEP0170');
  return this;
};

Url.prototype.format = function format(this: Url): string {
  return formatLegacy(this as unknown as Record<string, unknown>, (q) => host!.querystring().stringify(q));
};

Url.prototype.resolve = function resolve(this: Url, relative: unknown): string {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

Url.prototype.resolveObject = function resolveObject(this: Url, relative: unknown): Url {
  let rel = relative as Url;
  if (typeof relative === 'string') {
    rel = new Url();
    rel.parse(relative, false, true);
  }
  const result = new Url();
  Object.assign(result, this);
  return resolveInto(result, rel) as Url;
};

Url.prototype.parseHost = function parseHost(this: Url): void {
  let hostText = this.host as string;
  const port = /:[0-9]*$/.exec(hostText);
  if (port) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    hostText = hostText.slice(0, hostText.length - port[0].length);
  }
  if (hostText) this.hostname = hostText;
};

/** `url.parse(url, parseQueryString, slashesDenoteHost)`. */
export function urlParse(url: unknown, parseQueryString?: unknown, slashesDenoteHost?: unknown): Url {
  if (url instanceof Url) return url;
  const parsed = new Url();
  parsed.parse(url, parseQueryString, slashesDenoteHost);
  return parsed;
}

/** `url.resolve(from, to)`. */
export function urlResolve(source: unknown, relative: unknown): string {
  return urlParse(source, false, true).resolve(relative);
}

/** `url.resolveObject(source, relative)`. */
export function urlResolveObject(source: unknown, relative: unknown): unknown {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}
