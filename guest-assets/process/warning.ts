/**
 * `process.emitWarning` as Node 20 does it: a warning Error (named by its type) emitted as the
 * process's 'warning' event on the next tick, printed by the default listener as
 * `(node:<pid>) [code] Type: message`, with the `--trace-*` hint after the first one;
 * `noDeprecation`, `throwDeprecation` and `noProcessWarnings` honoured.
 */
import { invalidArgType } from '../node-errors.js';

interface WarningProcess {
  pid: number;
  noDeprecation?: boolean;
  throwDeprecation?: boolean;
  noProcessWarnings?: boolean;
  nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void;
  emit(event: string, ...args: unknown[]): boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

type Warning = Error & { code?: unknown; detail?: unknown };

/** Adds `emitWarning` and the default 'warning' listener (which writes to stderr with `write`). */
export function installWarnings(process: WarningProcess, write: (text: string) => void): void {
  let hintShown = false;
  function onWarning(warning: unknown): void {
    if (!(warning instanceof Error) || process.noProcessWarnings) return;
    const w = warning as Warning;
    const isDeprecation = w.name === 'DeprecationWarning';
    let text = `(node:${process.pid}) `;
    if (w.code) text += `[${String(w.code)}] `;
    text += typeof w.toString === 'function' ? `${w.toString()}` : Error.prototype.toString.call(w);
    if (typeof w.detail === 'string') text += `\n${w.detail}`;
    if (!hintShown) {
      text += `\n(Use \`node ${isDeprecation ? '--trace-deprecation' : '--trace-warnings'} ...\` to show where the warning was created)`;
      hintShown = true;
    }
    write(`${text}\n`);
  }

  function emitWarning(warning: unknown, type?: unknown, code?: unknown, ctor?: unknown): void {
    let detail: unknown;
    if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
      const options = type as { type?: unknown; code?: unknown; detail?: unknown; ctor?: unknown };
      ctor = options.ctor;
      code = options.code;
      if (typeof options.detail === 'string') detail = options.detail;
      type = options.type || 'Warning';
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
    let w: Warning;
    if (typeof warning === 'string') {
      w = new Error(warning);
      w.name = String(type || 'Warning');
      if (code !== undefined) w.code = code;
      if (detail !== undefined) w.detail = detail;
      Error.captureStackTrace(w, typeof ctor === 'function' ? (ctor as () => void) : emitWarning);
    } else if (warning instanceof Error) {
      w = warning;
    } else {
      throw invalidArgType('warning', ['string'], ['Error'], warning);
    }
    if (w.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      if (process.throwDeprecation) throw w;
    }
    process.nextTick(() => process.emit('warning', w));
  }

  process.on('warning', onWarning);
  (process as unknown as { emitWarning: typeof emitWarning }).emitWarning = emitWarning;
}
