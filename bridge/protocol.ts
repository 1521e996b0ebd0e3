/**
 * The wire, declared once. Both sides (host/ and the guest bundle) import these names; nothing else
 * in the project spells a type byte, a status or an offset.
 *
 * Frame layout (all integers big-endian):
 *
 *   offset      size  field
 *   ----------  ----  ------------------------------------------------------------
 *   0           4     length: bytes that follow this field (u32)
 *   4           1     frame type (FrameType)
 *   5           1     session id length N (0..255)
 *   6           N     session id (printable ASCII)
 *   -- BridgeCall 0x81 (guest -> host) -----------------------------------------
 *   6+N         8     call id (u64, 1..2^53-1)
 *   14+N        2     method name length M (u16)
 *   16+N        M     method name (printable ASCII)
 *   16+N+M      ...   arguments: one CBOR array (byte strings stay byte strings)
 *   -- BridgeResponse 0x06 (host -> guest) -------------------------------------
 *   6+N         8     call id of the call answered (u64)
 *   14+N        1     status (Status)
 *   15+N        ...   payload: status 0 = one CBOR value (empty = undefined)
 *                              status 1 = CBOR map, the error record (errors.ts)
 *                              status 2 = the raw bytes, never parsed (empty = empty Buffer)
 *
 * A frame may be larger than the shared window; channel.ts moves it in chunks.
 */

/** Frame type byte (offset 4). Host->runtime types are below 0x80, runtime->host above. */
export const FrameType = {
  Authenticate: 0x01,
  CreateSession: 0x02,
  DestroySession: 0x03,
  InjectGlobals: 0x04,
  Execute: 0x05,
  BridgeResponse: 0x06,
  StreamEvent: 0x07,
  TerminateExecution: 0x08,
  WarmSnapshot: 0x09,
  BridgeCall: 0x81,
  ExecutionResult: 0x82,
  Log: 0x83,
  StreamCallback: 0x84,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

/** Response status byte: decides how the payload is read, and nothing else does. */
export const Status = {
  /** A CBOR value; an empty payload is `undefined`. */
  Ok: 0,
  /** A CBOR map: the Node-shaped error record. */
  Error: 1,
  /** Raw bytes, exactly the payload. */
  Raw: 2,
} as const;
export type Status = (typeof Status)[keyof typeof Status];

/** Byte offsets shared by every frame. */
export const Offset = {
  length: 0,
  type: 4,
  sessionLength: 5,
  session: 6,
} as const;

/** Sizes of fixed fields, in bytes. */
export const FieldSize = {
  length: 4,
  type: 1,
  sessionLength: 1,
  callId: 8,
  methodLength: 2,
  status: 1,
} as const;

/** Largest values the fixed-size fields can carry. */
export const FieldMax = {
  sessionId: 255,
  methodName: 0xffff,
  callId: Number.MAX_SAFE_INTEGER,
  frameLength: 0xffffffff,
} as const;

/** Host method names the guest bridge calls. Embedders may register more (any other name). */
export const Method = {
  /** `[path, encoding?, flag?]` -> status 2 bytes, or status 0 string when an encoding is given. */
  readFile: 'fs.readFileSync',
  /** `[path, data: bytes | string, flag?, mode?]` -> status 0 undefined. */
  writeFile: 'fs.writeFileSync',
  /** The name old guests use for a binary write; same arguments and handler as writeFile. */
  writeFileBinary: 'fs.writeFileBinary',
  /** `[path, recursive, mode]` -> status 0: the first directory created (recursive) or undefined. */
  mkdir: 'fs.mkdirSync',
  /** `[fd: 1 | 2, bytes]` -> status 0 undefined: guest console and process.stdout/stderr. */
  write: 'process.write',
} as const;
export type Method = (typeof Method)[keyof typeof Method];

/** Default limits. Every one is an option of the sandbox (see host/options.ts). */
export const Defaults = {
  /** Size of the shared data window each sync call moves through (4 MiB). */
  windowBytes: 4 * 1024 * 1024,
  /** Smallest window accepted: a response header must fit in one chunk. */
  minWindowBytes: 4096,
  /** Largest file (and largest frame payload) a single call may move (256 MiB). */
  maxFileBytes: 256 * 1024 * 1024,
  /** Iterations of the guest's busy-wait before it sleeps in Atomics.wait. */
  spinIterations: 2000,
} as const;
