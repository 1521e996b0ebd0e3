/**
 * The Worker's capabilities behind the guest's `zlib` built-in (host/worker/caps/zlib.ts): native
 * zlib and brotli engines of the Worker's own `node:zlib`, held by the Worker and named by a number.
 * Input and output never leave the guest's memory: an engine reads the guest's input view and writes
 * into the guest's output view in place. Failures return -1; `zlibError` tells why, as primitives.
 */
export interface ZlibCaps {
  /** node:zlib's `constants`, in Node's order: `NAME=value` pairs joined by commas. */
  zlibConstants(): string;
  /** The most bytes one convenience call (`gunzipSync`, `gunzip`...) may produce in this sandbox. */
  zlibOutputLimit(): number;
  /**
   * Opens an engine for `mode` (constants.DEFLATE ... BROTLI_ENCODE) with zlib's `windowBits`,
   * `level`, `memLevel`, `strategy` (ignored for brotli) and `extra`: the dictionary (a Uint8Array) for
   * zlib modes, the brotli parameters (a Uint32Array indexed by parameter, 0xffffffff for unset) for
   * brotli. Returns the engine's id (> 0); -2 when the sandbox's live engines are all taken (it may
   * work once one closes); -1 when it cannot be opened.
   */
  zlibOpen(mode: number, windowBits: number, level: number, memLevel: number, strategy: number, extra: Uint8Array | Uint32Array | undefined): number;
  /**
   * One native step (Node's `handle.writeSync`): consumes up to `inLen` bytes of `input` from `inOff`
   * and writes up to `outLen` bytes into `out` from `outOff`, then stores what is left of each
   * (avail_out, avail_in) in `state`. Returns 0, or -1 when the engine failed (it is closed then).
   */
  zlibWrite(id: number, flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number, state: Uint32Array): number;
  /** Changes a deflate engine's level and strategy; 0, or -1 when the engine failed. */
  zlibParams(id: number, level: number, strategy: number): number;
  /** Resets an engine to its initial state; 0, or -1 when the engine failed. */
  zlibReset(id: number): number;
  /** Closes an engine and frees its native memory (unknown ids are ignored). */
  zlibClose(id: number): void;
  /** The last failure as `code NUL name NUL errno NUL message` (errno empty when there is none). */
  zlibError(): string;
  /** Node's `zlib.crc32(data, value)`: `data` a string or a guest Uint8Array; -1 when it is neither. */
  zlibCrc32(data: string | Uint8Array, value: number): number;
}
