/** Capabilities behind the guest's `util` built-in (guest-assets/builtins/util). */
import type { UtilCaps } from '../../../guest-assets/builtins/util/caps.js';
import type { Realm } from '../realm.js';

export function utilCaps(_realm: Realm): UtilCaps {
  return {};
}
