/** The guest's string_decoder, constants, diagnostics_channel, readline, v8. */
import type { BuiltinContext } from '../registry.js';

export function defineMisc(_ctx: BuiltinContext): void {}
