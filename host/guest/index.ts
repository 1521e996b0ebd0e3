/**
 * `v8-fs-bridge/guest`: the guest bridge for embedders. The built bundle (one script that defines
 * `__v8fsBridge`, whose `install(caps, config, transport?)` sets up a Node-like global environment
 * with `fs`, `require`, `import` and the built-ins in the context it runs in), how to make its
 * configuration, and a ready guest context for a `vm` context on the embedder's own thread.
 */
import { readFileSync } from 'node:fs';
import { assets } from '../sandbox/paths.js';

export { createGuestContext, type GuestContext, type GuestContextOptions } from '../worker/context.js';
export type { GuestTransport } from '../../guest-assets/transport/index.js';
export type { Caps, ChannelCaps, FatalKind, GuestApi } from '../../guest-assets/caps.js';
export type { GuestConfig } from '../../guest-assets/index.js';
export { guestConfig, type GuestConfigOptions } from './config.js';

/** Absolute path of the built guest bundle. */
export const guestBundlePath: string = assets.guestBundle;

let bundle: string | undefined;
/** The built guest bundle's source (read once; the build makes it ASCII). */
export function guestBundle(): string {
  bundle ??= readFileSync(guestBundlePath, 'latin1');
  return bundle;
}
