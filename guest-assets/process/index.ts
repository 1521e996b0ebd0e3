import { EventEmitter } from 'events';
import posix from 'path-browserify';
import { buildError } from '../../bridge/wire/errors.js';
import { guard, type Caps } from '../caps.js';
import { invalidArgType, nodeError } from '../node-errors.js';
import type { WriteText } from '../console.js';
import { createStdin, createStdout, type StdStream } from './stdio.js';
import { installWarnings } from './warning.js';

/** Settings of the guest's process object, given by the host (JSON, so everything is guest-realm). */
export interface ProcessConfig {
  argv: string[];
  env: Record<string, string>;
  version: string;
  cwd: string;
  /** The host's `process.versions`, `process.release` and `process.arch` (the same Node runs the guest). */
  versions?: Record<string, string>;
  release?: Record<string, string>;
  arch?: string;
}

/** The identity the sandbox gives its guest (documented in the README with the os module's values). */
export const SANDBOX_IDS = { pid: 1, ppid: 0, uid: 1000, gid: 1000 } as const;

/** Where `process.chdir` asks whether a path is a directory: '' when it is, else the error code. */
export type DirectoryCheck = (path: string) => string;

const errorCtors = { Error, TypeError, RangeError };

/**
 * A guest-realm `process`: an EventEmitter (as Node's) with argv, env, exit, nextTick, stdio
 * streams, warnings, the sandbox's identity, and a working directory that `chdir` moves (relative
 * fs paths and path.resolve follow it, through `onChdir`).
 */
export function createProcess(caps: Caps, config: ProcessConfig, write: WriteText) {
  let exitCode: number | undefined;
  let cwd = config.cwd;
  let umask = 0o22;
  let checkDirectory: DirectoryCheck = () => '';
  let onChdir: (cwd: string) => void = () => {};
  let stdout: StdStream | undefined;
  let stderr: StdStream | undefined;
  let stdin: StdStream | undefined;
  const now = () => guard(() => caps.now());

  function hrtime(previous?: unknown): [number, number] {
    if (previous !== undefined && !Array.isArray(previous)) throw invalidArgType('time', [], ['Array'], previous);
    const ns = Math.round(now() * 1e6);
    let sec = Math.floor(ns / 1e9);
    let nano = ns % 1e9;
    if (Array.isArray(previous)) {
      sec -= Number(previous[0]);
      nano -= Number(previous[1]);
      if (nano < 0) {
        sec--;
        nano += 1e9;
      }
    }
    return [sec, nano];
  }
  hrtime.bigint = () => BigInt(Math.round(now() * 1e6));

  const json = (text: unknown): Record<string, number> => (typeof text === 'string' ? (JSON.parse(text) as Record<string, number>) : {});
  const memoryUsage = () => json(guard(() => caps.memoryUsage()));
  memoryUsage.rss = () => memoryUsage().rss ?? 0;

  const members = {
    title: 'node',
    argv: config.argv,
    argv0: 'node',
    execArgv: [] as string[],
    execPath: config.argv[0] ?? '/usr/local/bin/node',
    env: config.env,
    platform: 'linux',
    arch: config.arch ?? 'x64',
    pid: SANDBOX_IDS.pid,
    ppid: SANDBOX_IDS.ppid,
    version: config.version,
    versions: config.versions ?? { node: config.version.replace(/^v/, '') },
    release: config.release ?? { name: 'node' },
    config: { target_defaults: {}, variables: {} },
    features: { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true, typescript: false },
    get stdout() {
      return (stdout ??= createStdout(1, write));
    },
    get stderr() {
      return (stderr ??= createStdout(2, write));
    },
    get stdin() {
      return (stdin ??= createStdin());
    },
    get exitCode(): number | undefined {
      return exitCode;
    },
    set exitCode(code: number | undefined) {
      exitCode = code;
      guard(() => caps.setExitCode(Number(code ?? 0) | 0));
    },
    cwd: () => cwd,
    chdir(directory: unknown): void {
      if (typeof directory !== 'string') throw invalidArgType('directory', ['string'], [], directory);
      const resolved = posix.resolve(cwd, directory);
      const code = checkDirectory(resolved);
      if (code !== '') throw buildError({ code, syscall: 'chdir', path: cwd, dest: directory }, errorCtors);
      cwd = resolved;
      onChdir(cwd);
    },
    umask(mask?: unknown): number {
      const old = umask;
      if (mask !== undefined) {
        const value = typeof mask === 'string' ? Number.parseInt(mask, 8) : mask;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0o777) throw invalidArgType('mask', ['number'], [], mask);
        umask = value;
      }
      return old;
    },
    getuid: () => SANDBOX_IDS.uid,
    geteuid: () => SANDBOX_IDS.uid,
    getgid: () => SANDBOX_IDS.gid,
    getegid: () => SANDBOX_IDS.gid,
    getgroups: () => [SANDBOX_IDS.gid],
    uptime: () => now() / 1000,
    hrtime,
    memoryUsage,
    cpuUsage: () => ({ user: Math.round(now() * 1000), system: 0 }),
    resourceUsage: () => ({ userCPUTime: Math.round(now() * 1000), systemCPUTime: 0, maxRSS: Math.round((memoryUsage().rss ?? 0) / 1024) }),
    kill: () => {
      throw nodeError('ERR_ACCESS_DENIED', 'Error', 'process.kill() is not allowed in the sandbox');
    },
    binding: (name: unknown) => {
      throw nodeError('ERR_ACCESS_DENIED', 'Error', `process.binding('${String(name)}') is not allowed in the sandbox`);
    },
    exit(code?: unknown): never {
      if (code !== undefined) process.exitCode = Number(code) | 0;
      guard(() => caps.exit(exitCode ?? 0));
      throw new Error('process.exit did not stop the sandbox');
    },
    abort(): never {
      guard(() => caps.exit(134));
      throw new Error('process.abort did not stop the sandbox');
    },
    nextTick(callback: unknown, ...args: unknown[]): void {
      if (typeof callback !== 'function') throw invalidArgType('callback', ['function'], [], callback);
      queueMicrotask(() => Reflect.apply(callback, undefined, args));
    },
    /** The bridge's hooks (not enumerable): how chdir checks a directory and tells fs of the move. */
    _setDirectoryHooks(check: DirectoryCheck, moved: (cwd: string) => void) {
      checkDirectory = check;
      onChdir = moved;
    },
  };
  // As Node's: an instance of a constructor named `process` that inherits from EventEmitter, so
  // stack frames read `at process.<anonymous>` and `Object.prototype.toString` gives `[object process]`.
  const { process: ProcessConstructor } = { process: function () {} };
  const prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: ProcessConstructor, writable: true, enumerable: false, configurable: true },
  }) as object;
  ProcessConstructor.prototype = prototype;
  const process = Object.create(prototype) as typeof members & EventEmitter & { emitWarning(...args: unknown[]): void; noDeprecation?: boolean; throwDeprecation?: boolean };
  Object.defineProperties(process, Object.getOwnPropertyDescriptors(members));
  Object.defineProperty(process, '_setDirectoryHooks', { enumerable: false });
  EventEmitter.call(process);
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process', writable: true, enumerable: false, configurable: false });
  // As Node's default listener: through process.stderr, which a program may patch.
  installWarnings(process, (text) => void process.stderr.write(text));
  return process;
}
