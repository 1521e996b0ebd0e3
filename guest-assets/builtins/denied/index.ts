/** The guest's the modules the sandbox does not allow. */
import type { BuiltinContext } from '../registry.js';

export function defineDenied(_ctx: BuiltinContext): void {}
