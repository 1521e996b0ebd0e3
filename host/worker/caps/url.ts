/** Capabilities behind the guest's `url` built-in (guest-assets/builtins/url). */
import type { UrlCaps } from '../../../guest-assets/builtins/url/caps.js';
import type { Realm } from '../realm.js';

export function urlCaps(_realm: Realm): UrlCaps {
  return {};
}
