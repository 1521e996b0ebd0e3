// A host module for `v8-fs-bridge run --host-module examples/host-module/gzip.mjs`.
// Every exported function becomes a host function: the guest calls it as require('host').gzip(bytes)
// (blocking) or require('host/promises').gzip(bytes). Arguments arrive as host Buffers and typed
// arrays, results go back as bytes: nothing is turned into JSON or base64 on the way.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';

const gzipAsync = promisify(gzipCallback);
const gunzipAsync = promisify(gunzipCallback);

/** Compresses bytes (any Buffer, TypedArray, DataView or ArrayBuffer) with gzip; async, the guest waits. */
export async function gzip(bytes, level = 6) {
  return gzipAsync(bytes, { level });
}

/** Decompresses gzip bytes. A corrupt input throws zlib's Error, which the guest receives with its code. */
export async function gunzip(bytes) {
  return gunzipAsync(bytes);
}

/** The SHA-256 digest of bytes, as 32 raw bytes (a Buffer), not hex. */
export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest();
}
