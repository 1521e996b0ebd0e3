/** The guest's crypto (and the global crypto). */
import type { BuiltinContext } from '../registry.js';

export function defineCrypto(_ctx: BuiltinContext): void {}
