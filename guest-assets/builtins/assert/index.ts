/** The guest's assert, assert/strict. */
import type { BuiltinContext } from '../registry.js';

export function defineAssert(_ctx: BuiltinContext): void {}
