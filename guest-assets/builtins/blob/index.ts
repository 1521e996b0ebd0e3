import type { BuiltinContext } from '../registry.js';
import * as blob from './blob.js';
import { bufferModule } from './buffer-module.js';
import { streamConsumers } from './consumers.js';

/** Registers the Blob and File globals, `buffer` (Node's whole export list) and `stream/consumers`. */
export function defineBlob(ctx: BuiltinContext): void {
  ctx.defineGlobal('Blob', () => blob.Blob);
  ctx.defineGlobal('File', () => blob.File);
  ctx.define('buffer', () => bufferModule(ctx, () => blob));
  ctx.define('stream/consumers', () => streamConsumers(ctx));
}
