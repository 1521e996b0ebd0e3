/**
 * The Worker's capabilities behind the guest's Node built-ins (see guest-assets/builtins). Each
 * moves primitives and guest-realm objects only: Worker results are copied into guest-realm bytes
 * or returned as strings and numbers, and failures are remembered as primitives (Caps.lastError).
 */
import type { Context } from 'node:vm';
import type { BuiltinCaps } from '../../../guest-assets/builtins/caps.js';
import type { Realm } from '../realm.js';
import { cloneCaps } from './clone.js';
import { cryptoCaps } from './crypto.js';
import { deniedCaps } from './denied.js';
import { pathCaps } from './path.js';
import { perfCaps } from './perf.js';
import { urlCaps } from './url.js';
import { utilCaps } from './util.js';
import { zlibCaps } from './zlib.js';

/** `context` is the guest's (structuredClone moves its message ports there). */
export function builtinCaps(realm: Realm, context: Context): BuiltinCaps {
  return {
    ...urlCaps(realm),
    ...cryptoCaps(realm),
    ...zlibCaps(realm),
    ...utilCaps(realm),
    ...pathCaps(realm),
    ...deniedCaps(realm),
    ...cloneCaps(realm, context),
    ...perfCaps(realm),
  };
}
