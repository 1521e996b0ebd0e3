/**
 * The Worker's capabilities behind the guest's Node built-ins (see guest-assets/builtins). Each
 * moves primitives and guest-realm objects only: Worker results are copied into guest-realm bytes
 * or returned as strings and numbers, and failures are remembered as primitives (Caps.lastError).
 */
import type { BuiltinCaps } from '../../../guest-assets/builtins/caps.js';
import type { Context } from 'node:vm';
import type { Realm } from '../realm.js';
import { cloneCaps } from './clone.js';
import { perfCaps } from './perf.js';
import { cryptoCaps } from './crypto.js';
import { pathCaps } from './path.js';
import { urlCaps } from './url.js';
import { utilCaps } from './util.js';
import { zlibCaps } from './zlib.js';

export function builtinCaps(realm: Realm, context?: Context): BuiltinCaps {
  return { ...urlCaps(realm), ...cryptoCaps(realm), ...zlibCaps(realm), ...utilCaps(realm), ...pathCaps(realm), ...cloneCaps(realm, context), ...perfCaps(realm) };
}
