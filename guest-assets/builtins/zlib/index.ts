/** The guest's zlib. */
import type { BuiltinContext } from '../registry.js';

export function defineZlib(_ctx: BuiltinContext): void {}
