/** The guest's os. */
import type { BuiltinContext } from '../registry.js';

export function defineOs(_ctx: BuiltinContext): void {}
