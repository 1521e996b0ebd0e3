/** The guest's url, querystring, punycode (and the globals URL, URLSearchParams). */
import type { BuiltinContext } from '../registry.js';

export function defineUrl(_ctx: BuiltinContext): void {}
