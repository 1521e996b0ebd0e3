/**
 * Stand-ins for the modules the sandbox does not allow (list.ts). Each has Node's export names:
 * functions and classes that throw ERR_ACCESS_DENIED when called or constructed (a class can still
 * be extended at load time), and Node's plain data exports (`http.METHODS`, `STATUS_CODES`, ...).
 * `worker_threads` describes the guest as what it is to its own code: the main thread.
 */
import { guard } from '../../caps.js';
import { nodeError } from '../../node-errors.js';
import type { BuiltinContext } from '../registry.js';
import { DENIED_MODULES } from './list.js';

interface Shape {
  functions?: [string, string, number][];
  data?: Record<string, unknown>;
}

/** The error every denied function throws. */
export function accessDenied(module: string, what: string): Error {
  const err = nodeError('ERR_ACCESS_DENIED', 'Error', `${what} is not allowed in the sandbox (module '${module}')`) as Error & { permission?: string };
  err.permission = module;
  return err;
}

/** A function of `module` named `name` that throws when called or constructed. */
function deniedFunction(module: string, key: string, name: string, length: number): unknown {
  const shown = `${module.replace(/\//g, '.')}.${key}`;
  const fn = function (this: unknown) {
    throw accessDenied(module, new.target ? `new ${shown}()` : `${shown}()`);
  };
  Object.defineProperty(fn, 'name', { value: name || key });
  Object.defineProperty(fn, 'length', { value: length });
  return fn;
}

const MAIN_THREAD: Record<string, unknown> = { isMainThread: true, threadId: 0, parentPort: null, workerData: null, resourceLimits: {} };

export function defineDenied(ctx: BuiltinContext): void {
  for (const module of DENIED_MODULES) {
    ctx.define(module, () => {
      const text = guard(() => ctx.caps.moduleShape(module));
      const shape = (typeof text === 'string' ? JSON.parse(text) : {}) as Shape;
      const exports: Record<string, unknown> = { ...(shape.data ?? {}) };
      for (const [key, name, length] of shape.functions ?? []) exports[key] = deniedFunction(module, key, name, length);
      if (module === 'worker_threads') Object.assign(exports, MAIN_THREAD, { SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV') });
      if (module === 'cluster') Object.assign(exports, { isPrimary: true, isMaster: true, isWorker: false, workers: {} });
      return exports;
    });
  }
}
