/**
 * The guest's url, querystring and punycode built-ins, and the globals URL and URLSearchParams
 * (the same classes `require('url')` exports). WHATWG parsing and legacy url.parse run in the
 * Worker (Node's own parsers); everything that holds or reads guest objects runs here.
 */
import type { BuiltinContext } from '../registry.js';
import { urlBridge } from './bridge.js';
import { setLegacyHost } from './legacy-url.js';
import { paramsFriend } from './params-friend.js';
import { createPunycode } from './punycode.js';
import { createQueryString, type QueryString } from './querystring.js';
import { SearchParams as URLSearchParams } from './search-params.js';
import { createUrlModule } from './url-module.js';
import { deprecationWarner } from './warn.js';
import { WhatwgURL as URL } from './whatwg-url.js';

type PathModule = Parameters<typeof createUrlModule>[0];

/** Registers `url`, `querystring`, `punycode` and the globals `URL` and `URLSearchParams`. */
export function defineUrl(ctx: BuiltinContext): void {
  urlBridge.install(ctx.caps);
  let qs: QueryString | undefined;
  const querystring = (): QueryString => (qs ??= createQueryString(ctx.Buffer));
  // URLSearchParams decodes with the module's current `unescape`, as Node's does.
  paramsFriend.unescape = (text) => querystring().unescape(text);
  setLegacyHost({ querystring, warn: deprecationWarner(ctx.process) });
  ctx.define('url', () => createUrlModule(ctx.require('path') as PathModule, String(ctx.process.platform)));
  ctx.define('querystring', querystring);
  ctx.define('punycode', createPunycode);
  ctx.defineGlobal('URL', () => URL);
  ctx.defineGlobal('URLSearchParams', () => URLSearchParams);
}
