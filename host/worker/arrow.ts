/**
 * V8's report of where a module failed to compile or link (`file:line`, the source line, carets
 * under the offending range) lives in a private field of the error that JavaScript cannot read;
 * Node prints it for an uncaught error and puts it on the stack of a failed link. Node itself puts
 * that field on the stack when such an error leaves a script run with `displayErrors`: this throws
 * the error through one tiny script in the Worker's own realm (guest code never sees it) and takes
 * the text back off.
 */
import vm from 'node:vm';

const SLOT = Symbol.for('v8-fs-bridge.arrow');
const FILENAME = 'v8-fs-bridge:arrow';
const thrower = new vm.Script(`throw globalThis[Symbol.for('v8-fs-bridge.arrow')];`, { filename: FILENAME });

/**
 * The arrow V8 left on `error` (three lines, each ending in a newline), or undefined. The error's
 * stack is left as it was.
 */
export function v8Arrow(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const slots = globalThis as unknown as Record<symbol, unknown>;
  try {
    const before: unknown = Reflect.get(error, 'stack');
    if (typeof before !== 'string') return undefined;
    slots[SLOT] = error;
    try {
      thrower.runInThisContext({ displayErrors: true });
    } catch {
      // It always throws: that is how the stack gets decorated.
    } finally {
      delete slots[SLOT];
    }
    const after: unknown = Reflect.get(error, 'stack');
    if (typeof after !== 'string' || after === before || !after.endsWith(`\n${before}`)) return undefined;
    Reflect.set(error, 'stack', before);
    const arrow = after.slice(0, after.length - before.length - 1);
    // An error with no arrow of its own gets this script's throw site: that is not one.
    return arrow.startsWith(`${FILENAME}:`) || !/^[^\n]*:\d+\n[^\n]*\n[ \t]*\^+\n$/.test(arrow) ? undefined : arrow;
  } catch {
    return undefined;
  }
}
