import { format, inspect } from './inspect/index.js';

/** Writes text (as UTF-8) or bytes to the host's stdout (1) or stderr (2), synchronously and in order. */
export type WriteText = (fd: 1 | 2, text: string | Uint8Array) => void;

/** The guest's `console`: Node's formatting, forwarded line by line to the host. */
export function createConsole(writeText: WriteText, now: () => number) {
  // As Node's console: a write the host refuses (the run's output limit) is dropped, not thrown.
  const write: WriteText = (fd, text) => {
    try {
      writeText(fd, text);
    } catch (e) {
      if (typeof (e as { code?: unknown } | null)?.code !== 'string') throw e;
    }
  };
  let indent = '';
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();

  function print(fd: 1 | 2, args: unknown[]): void {
    let text = format(...args);
    if (indent !== '') text = indent + text.split('\n').join(`\n${indent}`);
    write(fd, `${text}\n`);
  }

  const console = {
    log: (...args: unknown[]) => print(1, args),
    info: (...args: unknown[]) => print(1, args),
    debug: (...args: unknown[]) => print(1, args),
    error: (...args: unknown[]) => print(2, args),
    warn: (...args: unknown[]) => print(2, args),
    dir: (value: unknown, options?: { depth?: number }) => write(1, `${indent}${inspect(value, options)}\n`),
    trace: (...args: unknown[]) => {
      const err = new Error(format(...args));
      err.name = 'Trace';
      print(2, [err.stack ?? `Trace: ${err.message}`]);
    },
    assert: (value: unknown, ...args: unknown[]) => {
      if (!value) print(2, args.length > 0 ? [`Assertion failed: ${format(...args)}`] : ['Assertion failed']);
    },
    group: (...args: unknown[]) => {
      if (args.length > 0) print(1, args);
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(0, -2);
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      print(1, [`${label}: ${n}`]);
    },
    countReset: (label = 'default') => void counts.delete(label),
    time: (label = 'default') => void timers.set(label, now()),
    timeEnd: (label = 'default') => {
      const start = timers.get(label);
      if (start === undefined) return;
      timers.delete(label);
      print(1, [`${label}: ${(now() - start).toFixed(3)}ms`]);
    },
    timeLog: (label = 'default', ...args: unknown[]) => {
      const start = timers.get(label);
      if (start !== undefined) print(1, [`${label}: ${(now() - start).toFixed(3)}ms`, ...args]);
    },
  };
  return { ...console, groupCollapsed: console.group };
}
