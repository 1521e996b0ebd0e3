/**
 * The record a guest URL keeps: its href and the offsets of its components in it, exactly as Node's
 * URL keeps them (so `util.inspect(url, { showHidden: true })` shows the same `URLContext`). The
 * Worker's parser writes the offsets into a scratch array (layout in caps.ts); loadContext copies them.
 */

/** The value Ada writes for an absent port, search or hash. */
export const OMITTED = 0xffffffff;
/** Offsets per URL in the scratch array. */
export const COMPONENTS = 9;
/** Ada's scheme type of `file:` and of non-special schemes. */
export const SCHEME_FILE = 6;
export const SCHEME_NOT_SPECIAL = 1;

export class URLContext {
  href = '';
  protocol_end = 0;
  username_end = 0;
  host_start = 0;
  host_end = 0;
  pathname_start = 0;
  search_start = 0;
  hash_start = 0;
  port = 0;
  /** http 0, not special 1, https 2, ws 3, ftp 4, wss 5, file 6. */
  scheme_type = 1;

  get hasPort(): boolean {
    return this.port !== OMITTED;
  }

  get hasSearch(): boolean {
    return this.search_start !== OMITTED;
  }

  get hasHash(): boolean {
    return this.hash_start !== OMITTED;
  }
}

/** Copies the Worker's answer into `ctx`. */
export function loadContext(ctx: URLContext, href: string, scratch: Uint32Array): void {
  ctx.href = href;
  ctx.protocol_end = scratch[0]!;
  ctx.username_end = scratch[1]!;
  ctx.host_start = scratch[2]!;
  ctx.host_end = scratch[3]!;
  ctx.port = scratch[4]!;
  ctx.pathname_start = scratch[5]!;
  ctx.search_start = scratch[6]!;
  ctx.hash_start = scratch[7]!;
  ctx.scheme_type = scratch[8]!;
}

/** The URL's `?query` ('' when absent or just `?`). */
export function searchOf(ctx: URLContext): string {
  if (!ctx.hasSearch) return '';
  const end = ctx.hasHash ? ctx.hash_start : ctx.href.length;
  return end - ctx.search_start <= 1 ? '' : ctx.href.slice(ctx.search_start, end);
}

/** Where the hostname starts in the href. */
export function hostStartOf(ctx: URLContext): number {
  return ctx.href.charCodeAt(ctx.host_start) === 0x40 ? ctx.host_start + 1 : ctx.host_start;
}
