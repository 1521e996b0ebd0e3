/**
 * Legacy `Url.prototype.resolveObject`: resolves a (parsed) relative reference against a parsed
 * URL the way Node's legacy API does, which is not RFC 3986: non-slashed protocols (mailto:, ...)
 * treat their first path segment as a host, a change to another slashed protocol keeps only the
 * relative URL, `..` above the root is dropped or kept depending on how absolute either side is.
 * Written here to the behaviour of Node 20 (the differential suite compares it case by case); the
 * objects involved are the guest's own, so it cannot run in the Worker.
 */
import { SLASHED_PROTOCOLS } from './legacy-format.js';

/** The fields resolveObject reads and writes (a Url, or whatever object it was given). */
export interface UrlRecord {
  protocol: string | null;
  slashes: boolean | null;
  auth: string | null;
  host: string | null;
  port: string | null;
  hostname: string | null;
  hash: string | null;
  search: string | null;
  query: unknown;
  pathname: string | null;
  path: string | null;
  href: string | null;
  format(): string;
}

function done(result: UrlRecord): UrlRecord {
  result.href = result.format();
  return result;
}

/** `pathname + search` as `path`, when either is set. */
function setPath(result: UrlRecord, whenSet: boolean): void {
  if (whenSet) result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
}

/** A host that hides credentials (`user@host`, from a non-slashed URL's path) is split. */
function splitAuthInHost(result: UrlRecord): void {
  const host = result.host;
  if (!host || host.indexOf('@') <= 0) return;
  const parts = host.split('@');
  result.auth = parts.shift()!;
  result.host = result.hostname = parts.shift()!;
}

/** The relative URL names another slashed protocol: it wins, its first path segment may become the host. */
function toOtherProtocol(result: UrlRecord, relative: UrlRecord): UrlRecord {
  result.protocol = relative.protocol;
  if (!relative.host && !/^file:?$/.test(relative.protocol!)) {
    const segments = (relative.pathname || '').split('/');
    while (segments.length && !(relative.host = segments.shift()!));
    if (!relative.host) relative.host = '';
    if (!relative.hostname) relative.hostname = '';
    if (segments[0] !== '') segments.unshift('');
    if (segments.length < 2) segments.unshift('');
    result.pathname = segments.join('/');
  } else result.pathname = relative.pathname;
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  setPath(result, Boolean(result.pathname || result.search));
  result.slashes = result.slashes || relative.slashes;
  return done(result);
}

/** Removes `.` and `..` segments; returns how many `..` went above the first segment. */
function removeDots(segments: string[]): number {
  let up = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === '.') segments.splice(i, 1);
    else if (segment === '..') {
      segments.splice(i, 1);
      up++;
    } else if (up) {
      segments.splice(i, 1);
      up--;
    }
  }
  return up;
}

interface Merge {
  result: UrlRecord;
  relative: UrlRecord;
  segments: string[];
  mustEndAbs: unknown;
  removeAllDots: unknown;
  noLeadingSlashes: unknown;
}

/** The merged path's dots resolved, the host put back for non-slashed URLs, and the result finished. */
function finishPath(m: Merge): UrlRecord {
  const { result, relative, segments } = m;
  let mustEndAbs = m.mustEndAbs;
  const lastSegment = segments.slice(-1)[0];
  const trailingSlash = ((result.host || relative.host || segments.length > 1) && (lastSegment === '.' || lastSegment === '..')) || lastSegment === '';
  let up = removeDots(segments);
  if (!mustEndAbs && !m.removeAllDots) while (up--) segments.unshift('..');
  if (mustEndAbs && segments[0] !== '' && (!segments[0] || segments[0].charAt(0) !== '/')) segments.unshift('');
  if (trailingSlash && segments.join('/').slice(-1) !== '/') segments.push('');
  const isAbsolute = segments[0] === '' || (segments[0] && segments[0].charAt(0) === '/');
  if (m.noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : segments.length ? segments.shift()! : '';
    splitAuthInHost(result);
  }
  mustEndAbs = mustEndAbs || (result.host && segments.length);
  if (mustEndAbs && !isAbsolute) segments.unshift('');
  if (!segments.length) result.pathname = result.path = null;
  else result.pathname = segments.join('/');
  setPath(result, result.pathname !== null || result.search !== null);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return done(result);
}

/** A non-slashed URL (mailto:, ...): its host joins the path, so `..` can climb to it. */
function hostIntoPath(result: UrlRecord, relative: UrlRecord, source: string[], target: string[]): void {
  result.hostname = '';
  result.port = null;
  if (result.host) {
    if (source[0] === '') source[0] = result.host;
    else source.unshift(result.host);
  }
  result.host = '';
  if (!relative.protocol) return;
  relative.hostname = null;
  relative.port = null;
  result.auth = null;
  if (relative.host) {
    if (target[0] === '') target[0] = relative.host;
    else target.unshift(relative.host);
  }
  relative.host = null;
}

/** Same protocol (or none): the paths merge. */
function mergePaths(result: UrlRecord, relative: UrlRecord): UrlRecord {
  const isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
  const isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustEndAbs: unknown = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let source = (result.pathname && result.pathname.split('/')) || [];
  const target = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !SLASHED_PROTOCOLS.has(result.protocol);
  if (noLeadingSlashes) {
    hostIntoPath(result, relative, source, target);
    mustEndAbs = mustEndAbs && (target[0] === '' || source[0] === '');
  }
  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    source = target;
  } else if (target.length) {
    source.pop();
    source = source.concat(target);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) return searchOnly(result, relative, source, noLeadingSlashes);
  if (!source.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    return done(result);
  }
  return finishPath({ result, relative, segments: source, mustEndAbs, removeAllDots, noLeadingSlashes });
}

/** A relative URL that is only `?search`. */
function searchOnly(result: UrlRecord, relative: UrlRecord, source: string[], noLeadingSlashes: unknown): UrlRecord {
  if (noLeadingSlashes) {
    result.hostname = result.host = source.shift()!;
    splitAuthInHost(result);
  }
  result.search = relative.search;
  result.query = relative.query;
  setPath(result, result.pathname !== null || result.search !== null);
  return done(result);
}

/** `this.resolveObject(relative)`, given a fresh Url holding a copy of `this` and the parsed relative. */
export function resolveInto(result: UrlRecord, relative: UrlRecord): UrlRecord {
  result.hash = relative.hash;
  if (relative.href === '') return done(result);
  if (relative.slashes && !relative.protocol) {
    // `//host/path` keeps only the protocol.
    for (const key of Object.keys(relative)) if (key !== 'protocol') (result as unknown as Record<string, unknown>)[key] = (relative as unknown as Record<string, unknown>)[key];
    if (SLASHED_PROTOCOLS.has(result.protocol!) && result.hostname && !result.pathname) result.path = result.pathname = '/';
    return done(result);
  }
  if (relative.protocol && relative.protocol !== result.protocol) {
    if (!SLASHED_PROTOCOLS.has(relative.protocol)) {
      Object.assign(result, relative);
      return done(result);
    }
    return toOtherProtocol(result, relative);
  }
  return mergePaths(result, relative);
}
