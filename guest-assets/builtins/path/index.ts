/** The guest's path.win32, path/posix, path/win32. */
import type { BuiltinContext } from '../registry.js';

export function definePath(_ctx: BuiltinContext): void {}
