/**
 * The WHATWG streams globals of Node 20 and `stream/web` (library.ts), built on first use of any of
 * them; and `Readable.toWeb` and its kind (adapters.ts), attached when the stream module loads.
 */
import { streamLib } from '../../fs/streams/lib.js';
import { createText } from '../../text.js';
import { makeStructuredClone } from '../events/clone.js';
import type { BuiltinContext } from '../registry.js';
import { duplexPair } from './adapters.js';
import { compressionStreams } from './compression.js';
import { configureWebStreams, NAMES, webStreams } from './library.js';
import { textStreams } from './text.js';

export { attachWebAdapters } from './adapters.js';

export function defineWebStreams(ctx: BuiltinContext): void {
  let clone: ((value: unknown, options: unknown) => unknown) | undefined;
  configureWebStreams({
    structuredClone: (value, options) => (clone ??= makeStructuredClone(ctx.caps))(value, options),
    extras: (polyfill) => {
      // Codecs of the streams' own: a guest that replaces the TextEncoder global does not reach them.
      const { TextEncoder, TextDecoder } = createText(ctx.caps);
      return {
        ...textStreams(polyfill.TransformStream!, TextEncoder, TextDecoder as never),
        ...compressionStreams(() => ctx.require('zlib') as never, (duplex) => duplexPair(() => streamLib().stream, duplex)),
      };
    },
  });
  for (const name of NAMES) ctx.defineGlobal(name, () => webStreams()[name]);
  ctx.define('stream/web', () => {
    const classes = webStreams();
    const module: Record<string, unknown> = {};
    for (const name of NAMES) module[name] = classes[name];
    return module;
  });
}
