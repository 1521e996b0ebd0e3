/** Capabilities behind the guest's `path` built-in (guest-assets/builtins/path). */
import type { PathCaps } from '../../../guest-assets/builtins/path/caps.js';
import type { Realm } from '../realm.js';

export function pathCaps(_realm: Realm): PathCaps {
  return {};
}
