/** The capabilities of the guest's Node built-ins, one interface per module that needs the Worker. */
import type { CryptoCaps } from './crypto/caps.js';
import type { DeniedCaps } from './denied/caps.js';
import type { CloneCaps } from './events/caps.js';
import type { PathCaps } from './path/caps.js';
import type { PerfCaps } from './perf/caps.js';
import type { UrlCaps } from './url/caps.js';
import type { UtilCaps } from './util/caps.js';
import type { ZlibCaps } from './zlib/caps.js';

export interface BuiltinCaps extends UrlCaps, CryptoCaps, ZlibCaps, UtilCaps, PathCaps, DeniedCaps, CloneCaps, PerfCaps {}
