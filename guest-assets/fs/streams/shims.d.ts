// Types of the readable-stream modules the guest bundles (the package ships none): Node's own.
declare module 'readable-stream/lib/stream.js' {
  import stream = require('node:stream');
  export = stream;
}
declare module 'readable-stream/lib/stream/promises.js' {
  import promises = require('node:stream/promises');
  export = promises;
}
declare module 'readable-stream/lib/internal/streams/destroy.js' {
  /** Destroys `stream` with `err` when it auto-destroys, else emits 'error'. */
  export function errorOrDestroy(stream: unknown, err: Error, sync?: boolean): void;
}
