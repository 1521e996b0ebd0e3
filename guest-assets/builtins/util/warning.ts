/**
 * Node's process warnings for the guest: `emitWarning(warning, type, code, ctor)` builds the
 * warning error, honours `process.noDeprecation` and `process.throwDeprecation`, and on a later
 * tick prints it as Node's default handler does (`(node:<pid>) [code] Name: message`, the
 * `--trace-...` hint once per process, through `process.stderr.write`) before the process's own
 * 'warning' listeners run. util.deprecate uses the process's emitWarning when it has one.
 */
import { attachArrow } from '../../fatal.js';
import { invalidArgType } from '../../node-errors.js';
import type { GuestProcess } from '../registry.js';
import { validateString } from './validate.js';

type Warning = Error & { code?: string; detail?: string };
type WarningProcess = GuestProcess & {
  noDeprecation?: unknown;
  throwDeprecation?: unknown;
  traceDeprecation?: unknown;
  traceProcessWarnings?: unknown;
  emitWarning?: unknown;
};

/** What a warning call was given, in Node's several signatures. */
interface WarningArgs {
  type: unknown;
  code: unknown;
  ctor: unknown;
  detail: string | undefined;
}

function normalise(type: unknown, code: unknown, ctor: unknown): WarningArgs {
  let detail: string | undefined;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    const o = type as Record<string, unknown>;
    ctor = o.ctor;
    code = o.code;
    if (typeof o.detail === 'string') detail = o.detail;
    type = o.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }
  return { type, code, ctor, detail };
}

function createWarning(message: string, { type, code, ctor, detail }: WarningArgs, fallbackCtor: Function): Warning {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const warning = new Error(message) as Warning;
  Error.stackTraceLimit = limit;
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code as string;
  if (detail !== undefined) warning.detail = detail;
  Error.captureStackTrace(warning, (typeof ctor === 'function' ? ctor : fallbackCtor) as Function);
  return warning;
}

/** The guest's `process.emitWarning`, bound to `process`. */
export function createEmitWarning(process: WarningProcess) {
  let hintShown = false;

  function print(warning: Warning): void {
    const isDeprecation = warning.name === 'DeprecationWarning';
    if (isDeprecation && process.noDeprecation) return;
    const trace = Boolean(process.traceProcessWarnings || (isDeprecation && process.traceDeprecation));
    let msg = `(node:${process.pid}) `;
    if (warning.code) msg += `[${warning.code}] `;
    msg += trace && warning.stack ? `${warning.stack}` : typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
    if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
    if (!trace && !hintShown) {
      msg += `\n(Use \`node ${isDeprecation ? '--trace-deprecation' : '--trace-warnings'} ...\` to show where the warning was created)`;
      hintShown = true;
    }
    process.stderr.write(`${msg}\n`);
  }

  return function emitWarning(warning: unknown, type?: unknown, code?: unknown, ctor?: unknown): void {
    const args = normalise(type, code, ctor);
    if (typeof warning === 'string') warning = createWarning(warning, args, emitWarning);
    else if (!(warning instanceof Error)) throw invalidArgType('warning', ['string'], ['Error'], warning);
    const w = warning as Warning;
    if (w.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      if (process.throwDeprecation) {
        // As Node: thrown on a later tick, after the warnings before it were printed; an uncaught
        // one is reported at Node's own throw statement.
        attachArrow(w, 'node:internal/process/warning:185\n        throw warning;\n        ^\n', false);
        return process.nextTick(() => {
          throw w;
        });
      }
    }
    process.nextTick(() => {
      print(w);
      process.emit('warning', w);
    });
  };
}

/** The process's own emitWarning if it has one (Node's semantics: looked up at each call), else `fallback`. */
export function emitWarningOf(process: WarningProcess, fallback: ReturnType<typeof createEmitWarning>): (...args: unknown[]) => void {
  return (...args) => {
    const own = process.emitWarning;
    Reflect.apply(typeof own === 'function' ? own : fallback, process, args);
  };
}
