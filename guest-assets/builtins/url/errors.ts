/** The Node errors of url, querystring and the URL classes, with Node's codes and wording. */
import { nodeError } from '../../node-errors.js';

/** ERR_INVALID_URL: `Invalid URL` with the rejected `input` (and `base`, when one was given). */
export function invalidUrl(input: string, base?: string): Error {
  const err = nodeError('ERR_INVALID_URL', 'TypeError', 'Invalid URL') as Error & { input?: string; base?: string };
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

/** ERR_MISSING_ARGS: `The "name" and "value" arguments must be specified`. */
export function missingArgs(...names: string[]): Error {
  const quoted = names.map((n) => `"${n}"`);
  const list = quoted.length === 1 ? `${quoted[0]} argument` : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]} arguments`;
  return nodeError('ERR_MISSING_ARGS', 'TypeError', `The ${list} must be specified`);
}

/** ERR_INVALID_THIS: `Value of "this" must be of type URLSearchParams`. */
export function invalidThis(type: string): Error {
  return nodeError('ERR_INVALID_THIS', 'TypeError', `Value of "this" must be of type ${type}`);
}

/** ERR_INVALID_TUPLE for a URLSearchParams pair that is not a [name, value] iterable. */
export function invalidTuple(): Error {
  return nodeError('ERR_INVALID_TUPLE', 'TypeError', 'Each query pair must be an iterable [name, value] tuple');
}

/** ERR_ARG_NOT_ITERABLE for URLSearchParams init whose Symbol.iterator is not a function. */
export function notIterable(): Error {
  return nodeError('ERR_ARG_NOT_ITERABLE', 'TypeError', 'Query pairs must be iterable');
}

/** ERR_INVALID_URL_SCHEME: `The URL must be of scheme file`. */
export function invalidScheme(scheme: string): Error {
  return nodeError('ERR_INVALID_URL_SCHEME', 'TypeError', `The URL must be of scheme ${scheme}`);
}

/** ERR_INVALID_FILE_URL_PATH: `File URL path must be absolute`, ... */
export function invalidFilePath(reason: string): Error {
  return nodeError('ERR_INVALID_FILE_URL_PATH', 'TypeError', `File URL path ${reason}`);
}

/** ERR_INVALID_FILE_URL_HOST, naming the platform as Node does (`linux`: the sandbox's). */
export function invalidFileHost(platform: string): Error {
  return nodeError('ERR_INVALID_FILE_URL_HOST', 'TypeError', `File URL host must be "localhost" or empty on ${platform}`);
}

const URIErrorOfRealm = URIError;

/**
 * ERR_INVALID_URI, a URIError (`URIError [ERR_INVALID_URI]: URI malformed` on its stack, name
 * `URIError`), which the shared factory does not make.
 */
export function invalidUri(): Error {
  const err = new URIErrorOfRealm('URI malformed') as Error & { code?: string };
  err.name = 'URIError [ERR_INVALID_URI]';
  void err.stack;
  delete (err as { name?: string }).name;
  err.code = 'ERR_INVALID_URI';
  return err;
}

/** A URIError as the engine's decodeURIComponent throws it (for errors the Worker reports by name). */
export function uriError(message: string): Error {
  return new URIErrorOfRealm(message);
}
