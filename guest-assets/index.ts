import path from 'path-browserify';
import { Method } from '../bridge/wire/protocol.js';
import { installBuffer } from './buffer.js';
import { guard, type Caps, type ChannelCaps, type GuestApi } from './caps.js';
import { createConsole } from './console.js';
import { defineNodeBuiltins } from './builtins/index.js';
import { bindListenerWarning } from './builtins/events/listener-warning.js';
import { attachArrow, fatalText } from './fatal.js';
import { defineHostModules } from './host-module.js';
import { negotiate, type GuestProtocol } from './legacy/index.js';
import { installLegacyGlobals } from './legacy/globals.js';
import { createFs } from './fs/index.js';
import { setWorkingDirectory } from './fs/args.js';
import { defineStreamBuiltins } from './fs/streams/modules.js';
import { setNamespaceCheck } from './inspect/describe.js';
import { createProcess, type ProcessConfig } from './process/index.js';
import { createModules } from './modules/index.js';
import { installStackFilter } from './stack.js';
import { Rpc, unwrap } from './rpc.js';
import { createText } from './text.js';
import { createTimers } from './timers.js';
import { channelLink, ownBytes, splitResponse, transportLink, type GuestTransport } from './transport/index.js';

/** Everything the host tells the guest at start (sent as JSON so it is built in the guest realm). */
export interface GuestConfig extends ProcessConfig {
  session: string;
  windowBytes: number;
  maxFileBytes: number;
  spinIterations: number;
  /** The entry point's guest path (absolute, or relative to cwd). */
  filename: string;
  /** The entry's source when the embedder gave it; else the entry is read from the guest filesystem. */
  source?: string;
  /** The file: URL of the sandbox's own code (hidden from guest stack traces). */
  hostFiles: string;
  /** Node's `require('module').builtinModules`, from the host. */
  builtinModules: string[];
  /** `negotiate` announces raw support; `legacy` plays an old guest (see legacy.ts). Default negotiate. */
  protocol?: GuestProtocol;
}

/**
 * Installs the guest environment into this context's globals and returns the functions its host
 * calls. `caps` is read here and never stored where guest code can reach it. Without `transport`
 * the bridge talks over the shared-memory channel (`caps` then has ChannelCaps too); with one, every
 * call goes through it and async answers come back through `GuestApi.deliver`.
 */
export function install(caps: Caps | (Caps & ChannelCaps), configJson: string, transport?: GuestTransport): GuestApi {
  const config = JSON.parse(configJson) as GuestConfig;
  installStackFilter(config.hostFiles);
  setNamespaceCheck((value) => guard(() => caps.isModuleNamespace(value)) === true);
  const bufferModule = installBuffer(caps);
  const { Buffer } = bufferModule;
  const link = transport === undefined ? channelLink(caps as ChannelCaps, config.windowBytes, config.spinIterations) : transportLink(transport);
  const rpc = new Rpc(config.session, link);
  negotiate(rpc, config.protocol ?? 'negotiate');
  const text = createText(caps);
  const write = (fd: 1 | 2, s: string | Uint8Array) => void unwrap(rpc.callSync(Method.write, [fd, typeof s === 'string' ? text.encodeUtf8(s) : s]));
  const now = () => guard(() => caps.now());
  const timers = createTimers(caps);
  const console = createConsole(write, now);
  const process = createProcess(caps, config, write);
  bindListenerWarning((warning) => process.emitWarning(warning));
  setWorkingDirectory(config.cwd);
  const fs = createFs(rpc, { maxFileBytes: config.maxFileBytes, process, builtin: (name) => builtins[name], timers: timers.api, now });
  process._setDirectoryHooks((dir) => {
    try {
      return ((fs.statSync as (p: string) => { isDirectory(): boolean })(dir)).isDirectory() ? '' : 'ENOTDIR';
    } catch (e) {
      return String((e as { code?: unknown }).code ?? 'ENOENT');
    }
  }, setWorkingDirectory);

  function queueMicrotask(callback: unknown): void {
    if (typeof callback !== 'function') return void process.nextTick(callback);
    void Promise.resolve().then(() => {
      try {
        callback();
      } catch (e) {
        // An exception in a microtask is uncaught, not a rejection: rethrow it from a fresh task.
        timers.api.setImmediate(() => {
          throw e;
        });
      }
    });
  }

  const builtins: Record<string, unknown> = {
    fs,
    'fs/promises': fs.promises,
    buffer: bufferModule,
    path,
    timers: timers.api,
    process,
    console,
  };
  defineHostModules(builtins, rpc, Buffer);
  defineStreamBuiltins(builtins, process.nextTick);
  defineNodeBuiltins(builtins, { caps, Buffer, process, timers: timers.api, global: globalThis as unknown as Record<string, unknown> });
  const modules = createModules(rpc, caps, { ...config, execPath: config.argv[0] ?? '/usr/local/bin/node' }, builtins, (m) => {
    (process as { mainModule?: unknown }).mainModule = m;
  });
  const g = globalThis as Record<string, unknown>;
  Object.assign(g, timers.api, { Buffer, console, process, queueMicrotask, global: globalThis });
  Object.assign(g, { TextEncoder: text.TextEncoder, TextDecoder: text.TextDecoder });
  g.atob = (s: string) => Buffer.from(String(s), 'base64').toString('latin1');
  g.btoa = (s: string) => Buffer.from(String(s), 'latin1').toString('base64');
  installLegacyGlobals(rpc, g);

  const api: GuestApi = {
    allocate: (length) => new Uint8Array(new ArrayBuffer(length)),
    view: (buffer) => {
      if (!(buffer instanceof ArrayBuffer)) throw new TypeError('not an ArrayBuffer of this realm');
      return new Uint8Array(buffer);
    },
    settle: (id, status, payload) => rpc.settle(id, status, payload),
    deliver(frame) {
      let response;
      try {
        response = splitResponse(ownBytes(frame));
      } catch {
        return;
      }
      rpc.settle(response.header.id, response.header.status, response.payload);
    },
    fire: (id) => timers.fire(id),
    runMain() {
      modules.runMain((url) => guard(() => caps.importMain(url)));
    },
    modules: modules.esm,
    makeError(name, message, code) {
      const Ctor = name === 'SyntaxError' ? SyntaxError : name === 'TypeError' ? TypeError : name === 'RangeError' ? RangeError : Error;
      const err = new Ctor(String(message)) as Error & { code?: string };
      if (code) err.code = String(code);
      return err;
    },
    attachArrow,
    fatal(error, kind, head) {
      write(2, fatalText(error, kind, modules.sourceLine, config.version, typeof head === 'string' ? head : undefined));
      // As Node: the exit listeners that follow see the failure's status.
      process.exitCode = 1;
      return 1;
    },
    beforeExit() {
      process.emit('beforeExit', process.exitCode ?? 0);
    },
    exit(code) {
      try {
        process.emit('exit', code);
        return undefined;
      } catch (e) {
        write(2, fatalText(e, 'exception', modules.sourceLine, config.version, undefined));
        return process.exitCode ?? 1;
      }
    },
  };
  return api;
}
