/**
 * A whole chunk through a stream's engine at once (Node's processChunkSync): what the *Sync
 * convenience functions and `_processChunk(chunk, flag)` use. The output grows one `chunkSize`
 * buffer per step and is checked against maxOutputLength (and the sandbox's limit) after each, so a
 * decompression bomb ends with ERR_BUFFER_TOO_LARGE after at most one buffer more than allowed.
 */
import { bufferTooLarge, bytesOf } from './args.js';
import { closeEngine, engineFailed, engines, kError, type BaseEnv, type ZlibStream } from './base.js';

type Buf = ReturnType<BaseEnv['Buffer']['allocUnsafe']>;

/** The output limit in force: the stream's maxOutputLength within the sandbox's own. */
export function outputLimitOf(self: ZlibStream, env: BaseEnv): number {
  return Math.min(self._maxOutputLength, env.outputLimit);
}

export function processChunkSync(self: ZlibStream, chunk: ArrayBufferView, flushFlag: number, env: BaseEnv): Buf {
  const input = bytesOf(chunk);
  const state = self._writeState;
  const chunkSize = self._chunkSize;
  const limit = outputLimitOf(self, env);
  let availInBefore = input.byteLength;
  let availOutBefore = chunkSize - self._outOffset;
  let inOff = 0;
  let buffer = self._outBuffer;
  let offset = self._outOffset;
  const buffers: Buf[] = [];
  let nread = 0;
  let inputRead = 0;
  let error: Error | undefined;
  // The engine's failure also destroys the stream, whose 'error' event must not go unhandled.
  self.on('error', (er: Error) => {
    error = er;
  });
  for (;;) {
    const engine = engines.get(self);
    if (!engine) throw new TypeError("Cannot read properties of null (reading 'writeSync')");
    const failure = engine.writeSync(flushFlag, input, inOff, availInBefore, buffer, offset, availOutBefore, state);
    if (failure) engineFailed(self, failure);
    if (error) throw error;
    if (self[kError]) throw self[kError];
    const [availOutAfter = 0, availInAfter = 0] = state;
    const inDelta = availInBefore - availInAfter;
    inputRead += inDelta;
    const have = availOutBefore - availOutAfter;
    if (have > 0) {
      const out = buffer.slice(offset, offset + have);
      offset += have;
      buffers.push(out);
      nread += out.byteLength;
      if (nread > limit) {
        closeEngine(self);
        throw bufferTooLarge(limit);
      }
    }
    if (availOutAfter === 0 || offset >= chunkSize) {
      availOutBefore = chunkSize;
      offset = 0;
      buffer = env.Buffer.allocUnsafe(chunkSize);
    }
    if (availOutAfter !== 0) break;
    // The output buffer filled up: go on with the rest of the input.
    inOff += inDelta;
    availInBefore = availInAfter;
  }
  self.bytesWritten = inputRead;
  closeEngine(self);
  if (nread === 0) return env.Buffer.alloc(0);
  return buffers.length === 1 ? buffers[0]! : env.Buffer.concat(buffers, nread);
}
