/**
 * Capabilities behind the guest's `crypto` built-in (guest-assets/builtins/crypto): the Worker's
 * own node:crypto, native and exact, doing both the work and Node's argument checks. Every
 * capability returns primitives or guest-realm bytes; a failure is remembered as a JSON record of
 * primitives (cryptoError) and the guest rebuilds the error in its own realm.
 */
import crypto from 'node:crypto';
import type { CryptoCaps } from '../../../guest-assets/builtins/crypto/caps.js';
import { quietly, type Realm } from '../realm.js';
import { recordOf } from './crypto/args.js';
import { hashCaps, type Run } from './crypto/hashes.js';
import { kdfCaps } from './crypto/kdf.js';
import { randomCaps } from './crypto/random.js';

export function cryptoCaps(realm: Realm): CryptoCaps {
  let lastError = '';
  const run: Run = <T, F>(body: () => T, failure: F = -1 as F): T | F => {
    try {
      return body();
    } catch (e) {
      lastError = recordOf(e);
      return failure;
    }
  };
  return {
    ...hashCaps(realm, run),
    ...randomCaps(realm, run),
    ...kdfCaps(realm, run),
    cryptoError: () => lastError,
    cryptoFacts: () => quietly(() => JSON.stringify([crypto.constants, crypto.getFips(), crypto.secureHeapUsed()]), '[{},0,{}]'),
  };
}
