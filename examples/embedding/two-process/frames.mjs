// Frames between the two processes: each one a 4-byte big-endian length, then that many bytes, as
// the reference runtime's IPC carries its BridgeCall and BridgeResponse frames.
import { readSync, writeSync } from 'node:fs';

/** Largest frame accepted from the other side (the host's own request limit is checked after). */
export const MAX_FRAME = 1 << 30;

/** `frame` with its length in front. */
export function prefixed(frame) {
  const out = Buffer.allocUnsafe(4 + frame.length);
  out.writeUInt32BE(frame.length, 0);
  out.set(frame, 4);
  return out;
}

/** Calls `onFrame` with each whole frame read from `stream`, in order. */
export function readFrames(stream, onFrame) {
  let pending = Buffer.alloc(0);
  stream.on('data', (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = pending.readUInt32BE(0);
      if (length > MAX_FRAME) {
        stream.destroy(new Error(`frame of ${length} bytes is over the limit`));
        return;
      }
      if (pending.length < 4 + length) break;
      const frame = pending.subarray(4, 4 + length);
      pending = pending.subarray(4 + length);
      onFrame(new Uint8Array(frame));
    }
  });
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Reads exactly `n` bytes from descriptor `fd`, blocking. */
function readExactly(fd, n) {
  const out = Buffer.allocUnsafe(n);
  let at = 0;
  while (at < n) {
    let got;
    try {
      got = readSync(fd, out, at, n - at, null);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 1);
      continue;
    }
    if (got === 0) throw new Error('the host closed the connection');
    at += got;
  }
  return out;
}

/** Reads one frame from descriptor `fd`, blocking. */
export function readFrameSync(fd) {
  const length = readExactly(fd, 4).readUInt32BE(0);
  if (length > MAX_FRAME) throw new Error(`frame of ${length} bytes is over the limit`);
  return readExactly(fd, length);
}

/** Writes all of `bytes` to descriptor `fd`, blocking. */
function writeAll(fd, bytes) {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/**
 * Writes one frame to descriptor `fd`, blocking. The frame may be the guest realm's: it is copied
 * through this realm's constructor (which reads only its internal slots, no getter of its realm).
 */
export function writeFrameSync(fd, frame) {
  writeAll(fd, prefixed(new Uint8Array(frame)));
}
