import type { FatalKind } from './caps.js';
import { inspect } from './inspect/index.js';

/** V8's reports of where a module failed to compile, kept for the uncaught-error report (as Node keeps them). */
const arrows = new WeakMap<object, string>();

/** Gives a module error its site report: on its stack (`visible`) or for the uncaught-error report only. */
export function attachArrow(error: unknown, arrow: string, visible: boolean): void {
  if (typeof error !== 'object' || error === null) return;
  if (!visible) {
    arrows.set(error, `${arrow}\n`);
    return;
  }
  try {
    const stack: unknown = (error as Error).stack;
    if (typeof stack === 'string') (error as Error).stack = arrow + stack;
  } catch {
    // A stack the guest made unwritable stays as it is.
  }
}

/** The source line `line` (1-based) of a guest module's file, if there is one. */
export type SourceLine = (file: string, line: number) => string | undefined;

/**
 * Text Node prints for an uncaught exception or unhandled rejection: the source line of the throw
 * site (in whichever guest module it is), then the inspected error, then the Node.js version line.
 * `known` is that head as V8 reported it (the throw statement itself, also for a rethrow); without
 * it the site is the first guest frame of the stack. An error whose stack already starts with the
 * head (a SyntaxError from compiling a module) is printed as it is.
 */
export function fatalText(error: unknown, kind: FatalKind, sourceLine: SourceLine, version: string, known?: string): string {
  let head = known ?? (typeof error === 'object' && error !== null ? arrows.get(error) : undefined) ?? '';
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const decorated = /^(?:file:\/\/)?\/[^\n]*:\d+\n/.test(stack);
  const site = decorated || head !== '' ? undefined : throwSite(stack);
  if (site !== undefined) {
    const line = sourceLine(site.path, site.line);
    if (line !== undefined) {
      // An ES module's error reaches Node's report through its evaluation promise: the caret is at the frame.
      const caret = site.name.startsWith('file:') ? Math.max(0, site.column - 1) : caretColumn(line, site.column);
      head = `${site.name}:${site.line}\n${line}\n${' '.repeat(caret)}^\n\n`;
    }
  }
  let body: string;
  if (kind === 'syntax') {
    body = String(error);
  } else if (error instanceof Error) {
    body = inspect(error);
  } else if (kind === 'rejection') {
    body =
      '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, ' +
      `or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(error)}".] {\n` +
      "  code: 'ERR_UNHANDLED_REJECTION'\n}";
  } else {
    body = `${inspect(error)}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)`;
  }
  return `${head}${body}\n\nNode.js ${version}\n`;
}

/** A guest file named in a frame: an absolute path, or a file: URL (an ES module). */
const FRAME_FILE = /(?:\(|at )((?:file:\/\/)?\/[^():]*):(\d+):(\d+)\)?$/;

/** The first stack frame located in a guest file: its name as printed, its path, line and column. */
function throwSite(stack: string): { name: string; path: string; line: number; column: number } | undefined {
  for (const frame of stack.split('\n').slice(1)) {
    const m = FRAME_FILE.exec(frame.trim());
    if (!m) continue;
    const name = m[1]!;
    let path = name;
    if (name.startsWith('file://')) {
      try {
        path = decodeURIComponent(name.slice(7));
      } catch {
        continue;
      }
    }
    return { name, path, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

/**
 * Where Node puts the caret: at the throw statement when the frame points into `throw new X(...)`
 * (V8 reports the construction site in the stack but the statement in its message), else at the frame.
 */
function caretColumn(line: string, column: number): number {
  const before = line.slice(0, Math.max(0, column - 1));
  const m = /throw\s+$/.exec(before);
  return m ? m.index : Math.max(0, column - 1);
}
