/** Random values for the guest: Node's own functions, filling the guest's memory in place. */
import crypto from 'node:crypto';
import type { CryptoCaps } from '../../../../guest-assets/builtins/crypto/caps.js';
import type { Realm } from '../../realm.js';
import { arg, bytesOf } from './args.js';
import type { Run } from './hashes.js';

type Call = (...args: unknown[]) => unknown;

export function randomCaps(realm: Realm, run: Run): Pick<CryptoCaps, 'cryptoFill' | 'cryptoRandomFill' | 'cryptoRandomInt' | 'cryptoRandomUUID' | 'cryptoGetRandomValues' | 'cryptoTimingSafeEqual'> {
  return {
    cryptoFill: (view) =>
      run(() => {
        crypto.randomFillSync(bytesOf(realm, view));
        return 0;
      }) as number,
    cryptoRandomFill: (mask, buf, offset, size) =>
      run(() => {
        (crypto.randomFillSync as Call)(arg(realm, mask, 0, buf), arg(realm, mask, 1, offset), arg(realm, mask, 2, size));
        return 0;
      }) as number,
    // -1 is a valid result here: a failure is told by NaN.
    cryptoRandomInt: (mask, withMin, min, max) =>
      run(() => (withMin ? (crypto.randomInt as Call)(arg(realm, mask, 0, min), arg(realm, mask, 1, max)) : (crypto.randomInt as Call)(arg(realm, mask, 1, max))) as number, NaN),
    cryptoRandomUUID: (mask, options, disableEntropyCache, hasEntropyOption) =>
      run(() => {
        if (mask === 0 && options === undefined && !hasEntropyOption) return crypto.randomUUID();
        const given = hasEntropyOption ? { disableEntropyCache: arg(realm, mask, 1, disableEntropyCache) } : arg(realm, mask, 0, options);
        return (crypto.randomUUID as Call)(given) as string;
      }),
    cryptoGetRandomValues: (mask, array) =>
      run(() => {
        (crypto.webcrypto.getRandomValues as Call).call(crypto.webcrypto, arg(realm, mask, 0, array));
        return 0;
      }) as number,
    cryptoTimingSafeEqual: (mask, a, b) => run(() => (crypto.timingSafeEqual as Call)(arg(realm, mask, 0, a), arg(realm, mask, 1, b)) as boolean),
  };
}
