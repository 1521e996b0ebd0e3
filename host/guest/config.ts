import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import type { GuestProtocol } from '../../guest-assets/legacy/index.js';
import { Defaults } from '../../bridge/wire/protocol.js';
import { assets } from '../sandbox/paths.js';

/** What a guest's configuration is made from; everything but `session` has a default. */
export interface GuestConfigOptions {
  /** The session id the guest writes in every call frame (the host's Dispatcher must have the same). */
  session: string;
  /** The entry's guest path (default `/main.js`), and its source (default: read from the guest's fs). */
  filename?: string;
  source?: string;
  /** The guest's working directory (default `/`). */
  cwd?: string;
  /** `process.argv.slice(2)`. */
  args?: string[];
  /** `process.env` (default empty: nothing of the host's). */
  env?: Record<string, string>;
  /** `negotiate` (default) announces raw bytes to the host; `legacy` plays an old guest (base64 bytes objects). */
  protocol?: GuestProtocol;
  /** Largest file the guest's fs moves in one call (default 256 MiB, a Sandbox's `limits.maxFileBytes`). */
  maxFileBytes?: number;
  /** The shared-memory channel's window and spin (only the default transport reads them). */
  windowBytes?: number;
  spinIterations?: number;
}

/** The guest's configuration as the bundle's `install` takes it (JSON, so it is built in the guest's realm). */
export function guestConfig(options: GuestConfigOptions): string {
  const cwd = posix.resolve('/', options.cwd ?? '/');
  const filename = options.filename ?? '/main.js';
  return JSON.stringify({
    session: options.session,
    windowBytes: options.windowBytes ?? Defaults.windowBytes,
    maxFileBytes: options.maxFileBytes ?? Defaults.maxFileBytes,
    spinIterations: options.spinIterations ?? Defaults.spinIterations,
    protocol: options.protocol ?? 'negotiate',
    argv: ['/usr/local/bin/node', posix.resolve(cwd, filename), ...(options.args ?? [])],
    env: { ...(options.env ?? {}) },
    version: process.version,
    versions: process.versions,
    release: process.release,
    arch: process.arch,
    cwd,
    filename,
    source: options.source,
    builtinModules,
    hostFiles: assets.hostFiles,
  });
}
