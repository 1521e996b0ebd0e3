/** The guest's EventTarget, Event, CustomEvent, AbortController, AbortSignal, DOMException, structuredClone (globals). */
import type { BuiltinContext } from '../registry.js';

export function defineEventGlobals(_ctx: BuiltinContext): void {}
