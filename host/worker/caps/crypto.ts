/** Capabilities behind the guest's `crypto` built-in (guest-assets/builtins/crypto). */
import type { CryptoCaps } from '../../../guest-assets/builtins/crypto/caps.js';
import type { Realm } from '../realm.js';

export function cryptoCaps(_realm: Realm): CryptoCaps {
  return {};
}
