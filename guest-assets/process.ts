import { Buffer } from 'buffer';
import { guard, type Caps } from './caps.js';
import { invalidArgType, nodeError } from './node-errors.js';
import type { WriteText } from './console.js';

/** Settings of the guest's process object, given by the host (JSON, so everything is guest-realm). */
export interface ProcessConfig {
  argv: string[];
  env: Record<string, string>;
  version: string;
  cwd: string;
}

type Listener = (...args: unknown[]) => void;

/** A guest-realm `process` with the parts a script needs: argv, env, exit, nextTick, stdio, events. */
export function createProcess(caps: Caps, config: ProcessConfig, write: WriteText) {
  const listeners = new Map<string, Listener[]>();
  let exitCode: number | undefined;

  function on(event: string, fn: Listener) {
    listeners.set(event, [...(listeners.get(event) ?? []), fn]);
    return process;
  }
  function off(event: string, fn: Listener) {
    listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== fn));
    return process;
  }
  function emit(event: string, ...args: unknown[]): boolean {
    const ls = listeners.get(event) ?? [];
    for (const l of ls) Reflect.apply(l, process, args);
    return ls.length > 0;
  }

  function stream(fd: 1 | 2) {
    return {
      fd,
      isTTY: false,
      write(chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
        const callback = typeof encoding === 'function' ? encoding : cb;
        const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString() : undefined;
        if (text === undefined) throw invalidArgType('chunk', ['string'], ['Buffer', 'Uint8Array'], chunk);
        write(fd, text);
        if (typeof callback === 'function') queueMicrotask(() => callback());
        return true;
      },
    };
  }

  function hrtime(previous?: [number, number]): [number, number] {
    const ns = Math.round(guard(() => caps.now()) * 1e6);
    let sec = Math.floor(ns / 1e9);
    let nano = ns % 1e9;
    if (previous) {
      sec -= previous[0];
      nano -= previous[1];
      if (nano < 0) {
        sec--;
        nano += 1e9;
      }
    }
    return [sec, nano];
  }
  hrtime.bigint = () => BigInt(Math.round(guard(() => caps.now()) * 1e6));

  const process = {
    title: 'node',
    argv: config.argv,
    argv0: 'node',
    execArgv: [] as string[],
    env: config.env,
    platform: 'linux',
    arch: 'x64',
    pid: 1,
    ppid: 0,
    version: config.version,
    versions: { node: config.version.replace(/^v/, '') },
    release: { name: 'node' },
    stdout: stream(1),
    stderr: stream(2),
    get exitCode(): number | undefined {
      return exitCode;
    },
    set exitCode(code: number | undefined) {
      exitCode = code;
      guard(() => caps.setExitCode(Number(code ?? 0) | 0));
    },
    cwd: () => config.cwd,
    chdir: () => {
      throw nodeError('ERR_WORKER_UNSUPPORTED_OPERATION', 'TypeError', 'process.chdir() is not supported in the sandbox');
    },
    umask: () => 0o22,
    uptime: () => guard(() => caps.now()) / 1000,
    hrtime,
    exit(code?: unknown): never {
      if (code !== undefined) process.exitCode = Number(code) | 0;
      guard(() => caps.exit(exitCode ?? 0));
      throw new Error('process.exit did not stop the sandbox');
    },
    nextTick(callback: unknown, ...args: unknown[]): void {
      if (typeof callback !== 'function') throw invalidArgType('callback', ['function'], [], callback);
      queueMicrotask(() => Reflect.apply(callback, undefined, args));
    },
    on,
    addListener: on,
    once(event: string, fn: Listener) {
      const once: Listener = (...args) => {
        off(event, once);
        Reflect.apply(fn, process, args);
      };
      return on(event, once);
    },
    off,
    removeListener: off,
    removeAllListeners(event?: string) {
      if (event === undefined) listeners.clear();
      else listeners.delete(event);
      return process;
    },
    emit,
    listenerCount: (event: string) => (listeners.get(event) ?? []).length,
  };
  return process;
}
