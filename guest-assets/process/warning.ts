/**
 * `process.emitWarning` as Node 20 does it: the warning Error (named by its type, stack captured
 * from `ctor`), `noDeprecation` and `throwDeprecation` honoured (a thrown deprecation is thrown on
 * a later tick, reported at Node's own throw statement), then the 'warning' event on the next tick.
 * Node's default 'warning' listener prints `(node:<pid>) [code] Type: message` (the stack with
 * `traceProcessWarnings`/`traceDeprecation`), the `--trace-*` hint after the first one.
 */
import { attachArrow } from '../fatal.js';
import { invalidArgType } from '../node-errors.js';

interface WarningProcess {
  pid: number;
  noDeprecation?: unknown;
  throwDeprecation?: unknown;
  traceDeprecation?: unknown;
  traceProcessWarnings?: unknown;
  noProcessWarnings?: unknown;
  nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void;
  emit(event: string, ...args: unknown[]): boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

type Warning = Error & { code?: unknown; detail?: unknown };

/** What a warning call was given, in Node's several signatures. */
function normalise(type: unknown, code: unknown, ctor: unknown) {
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
  if (type !== undefined && typeof type !== 'string') throw invalidArgType('type', ['string'], [], type);
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw invalidArgType('code', ['string'], [], code);
  }
  return { type, code, ctor, detail };
}

/** Adds `emitWarning` and Node's default 'warning' listener (which writes with `write`). */
export function installWarnings(process: WarningProcess, write: (text: string) => void): void {
  let hintShown = false;
  function onWarning(warning: unknown): void {
    if (!(warning instanceof Error) || process.noProcessWarnings) return;
    const w = warning as Warning;
    const isDeprecation = w.name === 'DeprecationWarning';
    if (isDeprecation && process.noDeprecation) return;
    const trace = Boolean(process.traceProcessWarnings || (isDeprecation && process.traceDeprecation));
    let text = `(node:${process.pid}) `;
    if (w.code) text += `[${String(w.code)}] `;
    text += trace && w.stack ? `${w.stack}` : typeof w.toString === 'function' ? `${w.toString()}` : Error.prototype.toString.call(w);
    if (typeof w.detail === 'string') text += `\n${w.detail}`;
    if (!trace && !hintShown) {
      text += `\n(Use \`node ${isDeprecation ? '--trace-deprecation' : '--trace-warnings'} ...\` to show where the warning was created)`;
      hintShown = true;
    }
    write(`${text}\n`);
  }

  function emitWarning(warning: unknown, type?: unknown, code?: unknown, ctor?: unknown): void {
    const args = normalise(type, code, ctor);
    let w: Warning;
    if (typeof warning === 'string') {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      w = new Error(warning);
      Error.stackTraceLimit = limit;
      w.name = String(args.type || 'Warning');
      if (args.code !== undefined) w.code = args.code;
      if (args.detail !== undefined) w.detail = args.detail;
      Error.captureStackTrace(w, typeof args.ctor === 'function' ? (args.ctor as () => void) : emitWarning);
    } else if (warning instanceof Error) {
      w = warning;
    } else {
      throw invalidArgType('warning', ['string'], ['Error'], warning);
    }
    if (w.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      if (process.throwDeprecation) {
        // As Node: thrown on a later tick; an uncaught one is reported at Node's own throw statement.
        attachArrow(w, 'node:internal/process/warning:185\n        throw warning;\n        ^\n', false);
        return process.nextTick(() => {
          throw w;
        });
      }
    }
    process.nextTick(() => process.emit('warning', w));
  }

  process.on('warning', onWarning);
  (process as unknown as { emitWarning: typeof emitWarning }).emitWarning = emitWarning;
}
