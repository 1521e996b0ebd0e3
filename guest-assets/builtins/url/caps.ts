/**
 * The Worker's capabilities behind the guest's `url` built-in (host/worker/caps/url.ts). The Worker
 * holds Node's own WHATWG parser; a URL crosses as its href (a string) plus its components, written
 * into a guest-realm Uint32Array the guest passes in, in the order of Node's own URL record (Ada's
 * url_components): protocol_end, username_end, host_start, host_end, port, pathname_start,
 * search_start, hash_start, scheme_type; an absent port, search or hash is 0xFFFFFFFF.
 */
export interface UrlCaps {
  /** `new URL(input, base)`: the href, with its components written into `out`; -1 when invalid. */
  urlParse(input: string, base: string | undefined, out: Uint32Array): string | number;
  /** `URL.canParse(input, base)`. */
  urlCanParse(input: string, base: string | undefined): boolean;
  /**
   * Applies URL setter `setter` (`href`, `protocol`, ... `hash`) with `value` to the URL `href`: the
   * new href and its components in `out`; -1 when the href setter is given an invalid URL.
   */
  urlUpdate(href: string, setter: string, value: string, out: Uint32Array): string | number;
  /** Node's `url.format(new URL(href), options)` with the four options as booleans. */
  urlFormat(href: string, fragment: boolean, unicode: boolean, search: boolean, auth: boolean): string;
  /** `url.domainToASCII(domain)` ('' when invalid). */
  domainToASCII(domain: string): string;
  /** `url.domainToUnicode(domain)` ('' when invalid). */
  domainToUnicode(domain: string): string;
  /**
   * Node's legacy `url.parse(url, false, slashesDenoteHost)`: the twelve fields of the Url (in the
   * order Node's Url constructor declares them) joined, their lengths in `out` (0xFFFFFFFF for null;
   * `slashes`, a boolean, as 1 or 0xFFFFFFFF with no text), and `out[12]` 1 when the parse warned
   * (DEP0170, which the guest then emits). -1 when it threw (its error in Caps.lastError).
   */
  legacyUrlParse(url: string, slashesDenoteHost: boolean, out: Uint32Array): string | number;
}
