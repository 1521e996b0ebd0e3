/** The guest's util, util/types. */
import type { BuiltinContext } from '../registry.js';

export function defineUtil(_ctx: BuiltinContext): void {}
