/**
 * A Blob's bytes as Node keeps them: a list of parts, each a view of bytes that never change. A
 * Blob made of other Blobs shares their parts (no copy, as in Node), a slice is views of the parts it
 * covers, and `stream()` gives one chunk per part, as Node's does (a file's part in chunks of
 * 64 KiB, as Node reads a file).
 */

/** One part: its bytes, and the size of the chunks `stream()` gives of it. */
export interface Part {
  bytes: Uint8Array;
  chunk: number;
}

/** Node reads a file-backed Blob 64 KiB at a time. */
export const FILE_CHUNK = 65536;

/** The total size of `parts`. */
export function sizeOf(parts: readonly Part[]): number {
  let size = 0;
  for (const p of parts) size += p.bytes.length;
  return size;
}

/** The parts covering bytes `from` to `to` of `parts` (views, no copy). */
export function sliceParts(parts: readonly Part[], from: number, to: number): Part[] {
  const out: Part[] = [];
  let at = 0;
  for (const p of parts) {
    const end = at + p.bytes.length;
    const start = Math.max(from, at);
    const stop = Math.min(to, end);
    if (start < stop) out.push({ bytes: p.bytes.subarray(start - at, stop - at), chunk: p.chunk });
    at = end;
    if (at >= to) break;
  }
  return out;
}

/** All the bytes of `parts` in one new Uint8Array of the guest's realm. */
export function joinParts(parts: readonly Part[]): Uint8Array {
  const bytes = new Uint8Array(sizeOf(parts));
  let at = 0;
  for (const p of parts) {
    bytes.set(p.bytes, at);
    at += p.bytes.length;
  }
  return bytes;
}

/** The chunks `stream()` enqueues, in order, each a copy (a byte stream takes its chunks' buffers). */
export function* chunksOf(parts: readonly Part[]): Generator<Uint8Array> {
  for (const p of parts) {
    for (let at = 0; at < p.bytes.length; at += p.chunk) yield p.bytes.slice(at, at + p.chunk);
  }
}
