import type { FatalKind } from './caps.js';
import { inspect } from './inspect.js';

/**
 * Text Node prints for an uncaught exception or unhandled rejection: the source line of the throw
 * site when it is in the main script, then the inspected error, then the Node.js version line.
 */
export function fatalText(error: unknown, kind: FatalKind, main: { filename: string; source: string }, version: string): string {
  let head = '';
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const site = throwSite(stack, main.filename);
  if (site !== undefined) {
    const line = main.source.split('\n')[site.line - 1];
    if (line !== undefined) head = `${main.filename}:${site.line}\n${line}\n${' '.repeat(caretColumn(line, site.column))}^\n\n`;
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

/** The first stack frame located in `filename`, if any. */
function throwSite(stack: string, filename: string): { line: number; column: number } | undefined {
  const marker = `${filename}:`;
  for (const frame of stack.split('\n').slice(1)) {
    const at = frame.indexOf(marker);
    if (at < 0) continue;
    const m = /^(\d+):(\d+)/.exec(frame.slice(at + marker.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
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
