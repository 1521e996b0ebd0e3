/**
 * The guest's Node built-in modules beyond fs, path, events and stream: each folder here is one
 * module (or a family of them) and registers itself through the context (registry.ts). Modules the
 * sandbox does not allow are in denied/.
 */
import { defineAssert } from './assert/index.js';
import { defineBlob } from './blob/index.js';
import { defineCrypto } from './crypto/index.js';
import { defineDenied } from './denied/index.js';
import { defineEventGlobals } from './events/index.js';
import { defineMisc } from './misc/index.js';
import { defineOs } from './os/index.js';
import { definePath } from './path/index.js';
import { definePerf } from './perf/index.js';
import { createContext, type BuiltinContext } from './registry.js';
import { defineTimers } from './timers/index.js';
import { defineUrl } from './url/index.js';
import { defineUtil } from './util/index.js';
import { defineVm } from './vm/index.js';
import { defineWebStreams } from './webstreams/index.js';
import { defineZlib } from './zlib/index.js';

export type { BuiltinContext };

/** Registers every built-in of this folder into `builtins` (and their globals on `base.global`). */
export function defineNodeBuiltins(builtins: Record<string, unknown>, base: Parameters<typeof createContext>[1]): void {
  const ctx = createContext(builtins, base);
  for (const define of [defineUtil, definePath, defineUrl, defineCrypto, defineZlib, defineAssert, defineOs, defineEventGlobals, defineTimers, definePerf, defineMisc, defineVm, defineBlob, defineWebStreams, defineDenied]) {
    define(ctx);
  }
}
