/**
 * v8-fs-bridge, host side: run untrusted JavaScript in a V8 sandbox whose `fs` moves bytes raw.
 */
export { createSandbox, Sandbox } from './sandbox.js';
export { Dispatcher, materialize } from './dispatcher.js';
export { BridgeCallError } from './errors.js';
export { createMemoryVfs } from './vfs.js';
export { loadDirectory } from './load-dir.js';
export { createMountVfs, MountVfs } from './mount.js';
export { FileSource } from './fs/index.js';
export { hostFunctionHandlers, hostRealm } from './host-functions.js';
export { CodeCache } from './modules/code-cache.js';
export { moduleHandlers } from './modules/handlers.js';

export type { RunOptions, RunFileOptions, RunResult } from './sandbox.js';
export type { Handler, CallInfo, DispatchedReply } from './dispatcher.js';
export type { DispatcherOptions, DispatcherProtocol } from './legacy.js';
export type { SandboxOptions, Limits, TraceEntry } from './options.js';
export type { Vfs, VfsStats } from './vfs.js';
export type { HostFunction } from './host-functions.js';
export type { MountOptions } from './mount.js';
