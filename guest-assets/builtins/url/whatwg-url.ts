/**
 * The guest's WHATWG URL. Parsing and every setter run in the Worker, in Node's own parser (Ada), so
 * results are Node's by construction: a URL is its href plus the offsets of its components (a
 * URLContext), and each getter slices the href, as Node's URL does. Brand checks, argument checks,
 * errors (ERR_INVALID_URL with `input` and `base`), the lazily linked searchParams and inspection
 * follow Node 20.
 */
import { inspect } from '../../inspect/index.js';
import { urlBridge } from './bridge.js';
import { COMPONENTS, hostStartOf, loadContext, SCHEME_FILE, SCHEME_NOT_SPECIAL, searchOf, URLContext } from './context.js';
import { invalidUrl, missingArgs } from './errors.js';
import { paramsFriend } from './params-friend.js';
import { SearchParams as URLSearchParams } from './search-params.js';
import { installStatics } from './url-statics.js';

/** Where the Worker writes a parsed URL's components (read at once by loadContext). */
const scratch = new Uint32Array(COMPONENTS);
/** Tells the constructor to return quietly on a parse failure (for URL.parse and origin). */
export const kParse = Symbol('kParseURL');
const contextForInspect = Symbol('context');

/** The URL's new href after `setter` = `value`, or undefined when the Worker refused it. */
function update(href: string, setter: string, value: string): string | undefined {
  const next = urlBridge.call((caps) => caps.urlUpdate(href, setter, value, scratch));
  return typeof next === 'string' ? next : undefined;
}

function constructorOf(value: object): Function | null {
  for (let o: object | null = value; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const ctor = Object.getOwnPropertyDescriptor(o, 'constructor')?.value as unknown;
    if (typeof ctor === 'function' && ctor.name !== '') return ctor;
  }
  return null;
}

/**
 * The class is declared inside a function so the bundle keeps it a class named URL: V8 names the
 * class in its brand-check errors (`Receiver must be an instance of class URL`), as Node's do.
 */
function createURLClass() {
  class URL {
    #context = new URLContext();
    #searchParams: URLSearchParams | undefined;
    #searchParamsModified = false;

    static {
      paramsFriend.modified = (target) => {
        // Params changed: the URL reads them back on its next read; its old search goes now.
        const url = target as URL;
        url.#searchParamsModified = true;
        if (url.#context.hasSearch) url.#updateContext(update(url.#context.href, 'search', ''));
      };
    }

    constructor(input: unknown, base: unknown = undefined, parseSymbol: unknown = undefined) {
      if (arguments.length === 0) throw missingArgs('url');
      const text = `${input as string}`;
      const baseText = base === undefined ? undefined : `${base as string}`;
      const href = urlBridge.call((caps) => caps.urlParse(text, baseText, scratch));
      if (typeof href === 'string') this.#updateContext(href);
      // Node's parser reports what it read: a lone surrogate came back as U+FFFD.
      else if (parseSymbol !== kParse) throw invalidUrl(text.toWellFormed(), baseText?.toWellFormed());
    }

    /** `URL.parse(input, base)`: the URL, or null instead of an error. */
    static parse(input: unknown, base: unknown = undefined): URL | null {
      if (arguments.length === 0) throw missingArgs('url');
      const parsed = new URL(input, base, kParse);
      return parsed.href ? parsed : null;
    }

    /** `URL.canParse(input, base)`. */
    static canParse(input: unknown, base: unknown = undefined): boolean {
      if (arguments.length === 0) throw missingArgs('url');
      const text = `${input as string}`;
      const baseText = base === undefined ? undefined : `${base as string}`;
      return urlBridge.call((caps) => caps.urlCanParse(text, baseText)) === true;
    }

    #searchFromParams(): string {
      if (!this.#searchParams?.size) return '';
      return `?${this.#searchParams as unknown as string}`;
    }

    #ensureSearchParamsUpdated(): void {
      if (!this.#searchParamsModified) return;
      this.#searchParamsModified = false;
      this.#updateContext(update(this.#context.href, 'search', this.#searchFromParams()));
    }

    /** Takes a new href (components in the scratch array); with `searchMayChange`, re-reads the params. */
    #updateContext(href: string | undefined, searchMayChange = false): void {
      if (href === undefined) return;
      const previous = searchMayChange && this.#searchParams && (this.#searchParamsModified ? this.#searchFromParams() : searchOf(this.#context));
      loadContext(this.#context, href, scratch);
      if (!this.#searchParams) return;
      if (searchMayChange) {
        const current = searchOf(this.#context);
        if (previous !== current) {
          paramsFriend.reset(this.#searchParams, current);
          this.#searchParamsModified = false;
        }
      }
      this.#ensureSearchParamsUpdated();
    }

    /** Applies a setter to `href` (read by the caller first: a foreign `this` fails there, as in Node). */
    #set(href: string, setter: string, value: string, searchMayChange = false): void {
      this.#updateContext(update(href, setter, value), searchMayChange);
    }

    toString(): string {
      this.#ensureSearchParamsUpdated();
      return this.#context.href;
    }

    get href(): string {
      this.#ensureSearchParamsUpdated();
      return this.#context.href;
    }

    set href(value: unknown) {
      const text = `${value as string}`;
      const href = update(this.#context.href, 'href', text);
      if (href === undefined) throw invalidUrl(text);
      this.#updateContext(href, true);
    }

    get origin(): string {
      const ctx = this.#context;
      const protocol = ctx.href.slice(0, ctx.protocol_end);
      if (ctx.scheme_type !== SCHEME_NOT_SPECIAL) return ctx.scheme_type === SCHEME_FILE ? 'null' : `${protocol}//${this.host}`;
      if (protocol === 'blob:') {
        const path = this.pathname;
        const inner = path.length > 0 ? new URL(path, undefined, kParse) : undefined;
        // Only an http(s) URL inside a blob: URL gives it an origin.
        if (inner && inner.#context.href !== '' && (inner.#context.scheme_type === 0 || inner.#context.scheme_type === 2)) return `${inner.protocol}//${inner.host}`;
      }
      return 'null';
    }

    get protocol(): string {
      return this.#context.href.slice(0, this.#context.protocol_end);
    }

    set protocol(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`;
      this.#set(href, 'protocol', text);
    }

    get username(): string {
      const ctx = this.#context;
      return ctx.protocol_end + 2 < ctx.username_end ? ctx.href.slice(ctx.protocol_end + 2, ctx.username_end) : '';
    }

    set username(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`;
      this.#set(href, 'username', text);
    }

    get password(): string {
      const ctx = this.#context;
      return ctx.host_start - ctx.username_end > 0 ? ctx.href.slice(ctx.username_end + 1, ctx.host_start) : '';
    }

    set password(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`;
      this.#set(href, 'password', text);
    }

    get host(): string {
      const ctx = this.#context;
      const start = hostStartOf(ctx);
      // An empty host: what lies between host_end and the path may be the `/.` of an opaque path.
      return start === ctx.host_end ? '' : ctx.href.slice(start, ctx.pathname_start);
    }

    set host(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`;
      this.#set(href, 'host', text);
    }

    get hostname(): string {
      return this.#context.href.slice(hostStartOf(this.#context), this.#context.host_end);
    }

    set hostname(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`;
      this.#set(href, 'hostname', text);
    }

    get port(): string {
      return this.#context.hasPort ? `${this.#context.port}` : '';
    }

    set port(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`;
      this.#set(href, 'port', text);
    }

    get pathname(): string {
      const ctx = this.#context;
      const end = ctx.hasSearch ? ctx.search_start : ctx.hasHash ? ctx.hash_start : undefined;
      return ctx.href.slice(ctx.pathname_start, end);
    }

    set pathname(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`;
      this.#set(href, 'pathname', text);
    }

    get search(): string {
      this.#ensureSearchParamsUpdated();
      return searchOf(this.#context);
    }

    set search(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`.toWellFormed();
      this.#set(href, 'search', text, true);
    }

    get searchParams(): URLSearchParams {
      if (this.#searchParams === undefined) {
        this.#searchParams = new URLSearchParams(searchOf(this.#context));
        paramsFriend.attach(this.#searchParams, this);
        this.#searchParamsModified = false;
      }
      return this.#searchParams;
    }

    get hash(): string {
      const ctx = this.#context;
      if (!ctx.hasHash || ctx.href.length - ctx.hash_start <= 1) return '';
      return ctx.href.slice(ctx.hash_start);
    }

    set hash(value: unknown) {
      const href = this.#context.href;
      const text = `${value as string}`;
      this.#set(href, 'hash', text);
    }

    toJSON(): string {
      this.#ensureSearchParamsUpdated();
      return this.#context.href;
    }

    [Symbol.for('nodejs.util.inspect.custom')](depth: unknown, opts: { showHidden?: boolean }): unknown {
      if (typeof depth === 'number' && depth < 0) return this;
      const constructor = constructorOf(this) ?? URL;
      const obj: Record<PropertyKey, unknown> = Object.create({ constructor }) as Record<PropertyKey, unknown>;
      for (const key of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash'] as const) {
        obj[key] = this[key];
      }
      if (opts.showHidden) obj[contextForInspect] = this.#context;
      return `${constructor.name} ${inspect(obj, opts)}`;
    }
  }
  const enumerable = { enumerable: true };
  Object.defineProperties(URL.prototype, {
    [Symbol.toStringTag]: { configurable: true, value: 'URL' },
    ...Object.fromEntries(['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON'].map((k) => [k, enumerable])),
  });
  installStatics(URL);
  return URL;
}

/** The guest's URL class (also the global `URL`). */
export const WhatwgURL = createURLClass();
export type WhatwgURL = InstanceType<typeof WhatwgURL>;
