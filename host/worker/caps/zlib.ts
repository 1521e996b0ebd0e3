/** Capabilities behind the guest's `zlib` built-in (guest-assets/builtins/zlib). */
import type { ZlibCaps } from '../../../guest-assets/builtins/zlib/caps.js';
import type { Realm } from '../realm.js';

export function zlibCaps(_realm: Realm): ZlibCaps {
  return {};
}
