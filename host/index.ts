/**
 * v8-fs-bridge, host side: run untrusted JavaScript in a V8 sandbox whose `fs` moves bytes raw.
 */
export { createSandbox, Sandbox } from './sandbox/index.js';
export { Dispatcher, materialize } from './dispatcher/index.js';
export { createFsDispatcher, FsDispatcher } from './embedding/index.js';
export { BridgeCallError } from './dispatcher/errors.js';
export { createMemoryVfs } from './vfs/index.js';
export { loadDirectory } from './vfs/load-dir.js';
export { createMountVfs, MountVfs } from './vfs/mount/index.js';
export { FileSource } from './fs/index.js';
export { hostFunctionHandlers, hostRealm } from './host-functions/index.js';
export { CodeCache } from './modules/code-cache.js';
export { moduleHandlers } from './modules/handlers.js';

export type { RunOptions, RunFileOptions, RunResult } from './sandbox/index.js';
export type { Handler, CallInfo, DispatchedReply } from './dispatcher/index.js';
export type { DispatcherOptions, DispatcherProtocol } from './dispatcher/legacy.js';
export type { FsDispatcherOptions } from './embedding/index.js';
export type { SandboxOptions, Limits, TraceEntry } from './sandbox/options.js';
export type { Vfs, VfsStats } from './vfs/index.js';
export type { HostFunction } from './host-functions/index.js';
export type { MountOptions } from './vfs/mount/index.js';
