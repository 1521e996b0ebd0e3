/**
 * The guest bundle's V8 code cache, shared by the sandboxes of this process: the first Worker
 * compiles the bundle and hands back its cache (made right after the bridge installed itself, before
 * any guest code ran); later Workers deserialize it instead of parsing and compiling about 1.4 MB of
 * script each. V8 checks the cache against the source, so a rebuilt bundle gets a new one.
 */
let cache: SharedArrayBuffer | undefined;

/** The cache to hand a new Worker, if one was made. */
export function bundleCache(): SharedArrayBuffer | undefined {
  return cache;
}

/** Keeps a cache a Worker made (its bundle had none, or V8 refused the one it had). */
export function keepBundleCache(bytes: unknown): void {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0 || bytes.byteLength > 64 * 1024 * 1024) return;
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  cache = shared;
}
