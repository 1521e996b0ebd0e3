/**
 * readable-stream and the `events` module's stream users, loaded on first use: most guests never
 * touch a stream, and evaluating readable-stream costs every sandbox several milliseconds at start.
 * esbuild bundles each `require` below as a module that runs only when first called.
 */

import { attachWebAdapters } from '../../builtins/webstreams/adapters.js';

type StreamModule = typeof import('readable-stream/lib/stream.js');
type PromisesModule = typeof import('readable-stream/lib/stream/promises.js');
type DestroyModule = typeof import('readable-stream/lib/internal/streams/destroy.js');

/** The parts of readable-stream the guest uses. */
export interface StreamLib {
  stream: StreamModule;
  promises: PromisesModule;
  errorOrDestroy: DestroyModule['errorOrDestroy'];
}

let lib: StreamLib | undefined;

/** readable-stream, loaded once. */
export function streamLib(): StreamLib {
  if (lib !== undefined) return lib;
  lib = {
    stream: require('readable-stream/lib/stream.js') as StreamModule,
    promises: require('readable-stream/lib/stream/promises.js') as PromisesModule,
    errorOrDestroy: (require('readable-stream/lib/internal/streams/destroy.js') as DestroyModule).errorOrDestroy,
  };
  attachWebAdapters(lib.stream);
  return lib;
}
