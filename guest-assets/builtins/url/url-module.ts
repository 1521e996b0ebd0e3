/** The exports of the guest's `url` module, in Node 20's order. */
import { invalidArgType } from '../../node-errors.js';
import { urlBridge } from './bridge.js';
import { missingArgs } from './errors.js';
import { fileURLToPath as toPath, pathToFileURL as toFileUrl, urlToHttpOptions } from './file-url.js';
import { Url, urlParse, urlResolve, urlResolveObject } from './legacy-url.js';
import { SearchParams as URLSearchParams } from './search-params.js';
import { WhatwgURL as URL } from './whatwg-url.js';

type PathModule = Parameters<typeof toFileUrl>[0];

/** `options.x` as a boolean, or `fallback` when it is null or undefined (read twice, as Node reads it). */
function flag(options: Record<string, unknown>, name: string, fallback: boolean): boolean {
  // eslint-disable-next-line eqeqeq -- one read for null-or-undefined, as Node's `!= null`
  return options[name] != null ? Boolean(options[name]) : fallback;
}

/** `url.format(urlObject, options)`: a WHATWG URL through Node's own formatter, anything else as legacy. */
function urlFormat(urlObject: unknown, options?: unknown): string {
  let target = urlObject;
  if (typeof target === 'string') target = urlParse(target);
  else if (typeof target !== 'object' || target === null) throw invalidArgType('urlObject', ['object', 'string'], [], target);
  else if (target instanceof URL) {
    let opts: Record<string, unknown> = {};
    if (options) {
      if (typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', ['object'], [], options);
      opts = options as Record<string, unknown>;
    }
    const fragment = flag(opts, 'fragment', true);
    const unicode = flag(opts, 'unicode', false);
    const search = flag(opts, 'search', true);
    const auth = flag(opts, 'auth', true);
    const href = target.href;
    return urlBridge.call((caps) => caps.urlFormat(href, fragment, unicode, search, auth));
  }
  return (Url.prototype.format as (this: unknown) => string).call(target);
}

function domainToASCII(domain: unknown): string {
  if (arguments.length < 1) throw missingArgs('domain');
  const text = `${domain as string}`;
  return urlBridge.call((caps) => caps.domainToASCII(text));
}

function domainToUnicode(domain: unknown): string {
  if (arguments.length < 1) throw missingArgs('domain');
  const text = `${domain as string}`;
  return urlBridge.call((caps) => caps.domainToUnicode(text));
}

/** The `url` module; `path` is the guest's path module (pathToFileURL resolves with it). */
export function createUrlModule(path: PathModule, platform: string): Record<string, unknown> {
  return {
    Url,
    parse: urlParse,
    resolve: urlResolve,
    resolveObject: urlResolveObject,
    format: urlFormat,
    URL,
    URLSearchParams,
    domainToASCII,
    domainToUnicode,
    pathToFileURL: function pathToFileURL(filepath: unknown, options?: unknown) {
      return toFileUrl(path, filepath, options);
    },
    fileURLToPath: function fileURLToPath(filepath: unknown, options?: unknown) {
      return toPath(filepath, options, platform);
    },
    urlToHttpOptions,
  };
}
