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
  /** The Node-shaped error: a CBOR map on the raw wire, UTF-8 `"<code>: <message>"` text on the legacy wire. */
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
  /** `[path, recursive, mode, async?]` -> status 0: the first directory created (recursive) or undefined; `async` picks Node's async walk and its errors. */
  mkdir: 'fs.mkdirSync',
  /** `[path, mode]` -> status 0 undefined. */
  access: 'fs.accessSync',
  /** `[path]` -> status 0 boolean (never an error for a missing path). */
  exists: 'fs.existsSync',
  /** `[path, encoding | 'buffer', withFileTypes, order: 0 flat | 1 recursive (sync) | 2 recursive (promise)]` -> names or `[name, type, parentPath]` rows; 'buffer' names are byte strings. */
  readdir: 'fs.readdirSync',
  /** `[path]` -> status 0 undefined. */
  rmdir: 'fs.rmdirSync',
  /** `[path, recursive, force, variant: 'rmSync' | 'rm' | 'rmdirSync' | 'rmdir' | 'rmdirPromise']` -> status 0 undefined. */
  rm: 'fs.rmSync',
  /** `[path]` -> status 0 undefined. */
  unlink: 'fs.unlinkSync',
  /** `[oldPath, newPath]` -> status 0 undefined. */
  rename: 'fs.renameSync',
  /** `[src, dest, mode]` -> status 0 undefined. */
  copyFile: 'fs.copyFileSync',
  /** `[path, encoding | 'buffer', native]` -> the resolved path: status 0 string, or status 2 bytes for 'buffer'. */
  realpath: 'fs.realpathSync',
  /** `[target, path]` -> status 0 undefined. */
  symlink: 'fs.symlinkSync',
  /** `[path, encoding | 'buffer']` -> status 0 string, or status 2 bytes for 'buffer'. */
  readlink: 'fs.readlinkSync',
  /** `[existingPath, newPath]` -> status 0 undefined. */
  link: 'fs.linkSync',
  /** `[path, atime, mtime]` (seconds) -> status 0 undefined; follows symlinks. */
  utimes: 'fs.utimesSync',
  /** `[path, atime, mtime]` (seconds) -> status 0 undefined; changes the link itself. */
  lutimes: 'fs.lutimesSync',
  /** `[path, mode]` -> status 0 undefined. */
  chmod: 'fs.chmodSync',
  /** `[path, uid, gid]` -> status 0 undefined; follows symlinks. */
  chown: 'fs.chownSync',
  /** `[path, uid, gid]` -> status 0 undefined; changes the link itself. */
  lchown: 'fs.lchownSync',
  /** `[prefix, encoding | 'buffer', async?]` -> the directory created: status 0 string, or status 2 bytes for 'buffer'. */
  mkdtemp: 'fs.mkdtempSync',
  /** `[path, flags: string | number, mode]` -> status 0: the guest's descriptor (a number of its own fd table). */
  open: 'fs.openSync',
  /** `[fd]` -> status 0 undefined. */
  close: 'fs.closeSync',
  /** `[fd, length, position: number | null]` (null or -1: the current position) -> status 2: the bytes read. */
  read: 'fs.readSync',
  /** `[fd, bytes, position: number | null]` (null: the current position) -> status 0: bytes written. */
  fdWrite: 'fs.writeSync',
  /** `[fd, length]` -> status 0 undefined. */
  ftruncate: 'fs.ftruncateSync',
  /** `[fd]` -> status 0 undefined. */
  fsync: 'fs.fsyncSync',
  /** `[fd]` -> status 0 undefined. */
  fdatasync: 'fs.fdatasyncSync',
  /** `[path, bigint, throwIfNoEntry]` -> status 2: a stat record (StatField), or status 0 undefined (no entry, not thrown). */
  stat: 'fs.statSync',
  /** `[path, bigint, throwIfNoEntry]` -> as stat, for the link itself. */
  lstat: 'fs.lstatSync',
  /** `[fd, bigint]` -> status 2: a stat record (StatField). */
  fstat: 'fs.fstatSync',
  /** `[fd, mode]` -> status 0 undefined. */
  fchmod: 'fs.fchmodSync',
  /** `[fd, uid, gid]` -> status 0 undefined (-1 keeps). */
  fchown: 'fs.fchownSync',
  /** `[fd, atime, mtime]` (seconds) -> status 0 undefined. */
  futimes: 'fs.futimesSync',
  /** `[path, bigint]` -> status 0: `[type, bsize, blocks, bfree, bavail, files, ffree]`, numbers or bigints. */
  statfs: 'fs.statfsSync',
  /**
   * `[path]` -> status 0: the id of a new watcher of the entry at `path` (symlinks followed; not
   * recursive: the guest builds Node's recursive watch over these). Its events come by `watchPoll`.
   */
  watch: 'fs.watch',
  /** `[id]` -> status 0 undefined: closes watcher `id` (an unknown id is no error). */
  unwatch: 'fs.unwatch',
  /**
   * `[]`, an async call the host answers once any watcher has events (or none is left) -> status 0:
   * a flat list of `id, kind (WatchEvent), name` triples; `name` is the entry's name as bytes, or
   * null for the watched entry itself, or for an error its code. The guest calls it again.
   */
  watchPoll: 'fs.watchPoll',
  /** `[fd: 1 | 2, bytes]` -> status 0 undefined: guest console and process.stdout/stderr. */
  write: 'process.write',
  /**
   * `[version]`, the guest's first call -> status 0 `{ protocol: 'raw' | 'legacy', version }`: how the
   * host will answer from now on. Old hosts answer ERR_BRIDGE_UNKNOWN_METHOD: the guest then speaks legacy.
   */
  hello: 'bridge.hello',
  /**
   * `[path, real?, source?]` -> status 0: 0 a file (with `real`: the file's real path, a string), 1 a
   * directory, -2 nothing (symlinks followed): the module loader's lookup, and its realpath with it.
   * With `source` as well, a file up to ModuleSource.maxBytes answers status 2 in the ModuleSource
   * layout: its real path and its bytes, so the module it names loads without another call.
   */
  moduleStat: 'module.stat',
  /**
   * `[path]` -> status 2: a module's source bytes (decoded by the guest), or status 0 undefined when
   * there is no readable file there (the loader then asks fs.readFileSync for Node's exact error).
   */
  moduleRead: 'module.read',
  /**
   * `[paths, sources]` -> status 2 in the ModuleBatch layout: module.stat for many paths at once
   * (the files an ES module imports by relative or absolute specifier), each file with its real path
   * and, where `sources[i]` is true and the batch has room, its bytes. One round trip per importing
   * module instead of one per import.
   */
  moduleStatMany: 'module.statMany',
} as const;
export type Method = (typeof Method)[keyof typeof Method];

/** Kinds of the events `fs.watchPoll` answers: Node's two event types and an error of the watcher. */
export const WatchEvent = {
  Change: 0,
  Rename: 1,
  Error: 2,
} as const;
export type WatchEvent = (typeof WatchEvent)[keyof typeof WatchEvent];

/**
 * How binary data travels. `raw`: status 2 answers and CBOR byte strings. `legacy` (old guests and
 * hosts): status 0 values in which bytes are `{__agentOsType: "bytes", base64}` objects (legacy.ts).
 */
export const WireProtocol = {
  Raw: 'raw',
  Legacy: 'legacy',
} as const;
export type WireProtocol = (typeof WireProtocol)[keyof typeof WireProtocol];

/** Protocol versions a guest announces in `bridge.hello`; a guest that never announces is Legacy. */
export const ProtocolVersion = {
  Legacy: 1,
  Raw: 2,
} as const;
export type ProtocolVersion = (typeof ProtocolVersion)[keyof typeof ProtocolVersion];

/**
 * A stat record: the status-2 answer of stat, lstat and fstat. Fourteen 8-byte numbers in the
 * platform's byte order (host and guest share the machine), indexed by StatField. It is a Float64Array
 * whose times are milliseconds, or, when the call asked for `bigint`, a BigInt64Array whose times are
 * nanoseconds. No object is built for the wire: the guest reads the numbers straight into its Stats.
 */
export const StatField = {
  dev: 0,
  mode: 1,
  nlink: 2,
  uid: 3,
  gid: 4,
  rdev: 5,
  blksize: 6,
  ino: 7,
  size: 8,
  blocks: 9,
  atime: 10,
  mtime: 11,
  ctime: 12,
  birthtime: 13,
} as const;
export type StatField = (typeof StatField)[keyof typeof StatField];

/**
 * Host functions (SandboxOptions.hostFunctions): one method per function, named with this prefix,
 * plus one method that lists them. Values travel as structured values (bridge/structured/tags.ts).
 */
export const HostFunctionMethod = {
  /** `[]` -> status 0 `{ names: string[], maxDepth, maxBytes }`: what `require('host')` offers. */
  list: 'host.list',
  /** `host.fn.<name>`: `[bytes: the structured argument array]` -> status 2 `[Outcome, value]`. */
  prefix: 'host.fn.',
} as const;

/**
 * The status-2 answer of module.stat with `source`: a file's real path, then its bytes.
 *
 *   offset   size  field
 *   0        4     real path length N (u32, big-endian)
 *   4        N     real path (UTF-8)
 *   4+N      ...   the file's bytes
 */
export const ModuleSource = {
  realpathLength: 0,
  realpath: 4,
  /** Larger files are answered without their bytes (0 and the real path); module.read then moves them. */
  maxBytes: 1024 * 1024,
} as const;

/**
 * The module.statMany answer: `u32 count`, then per path a `u8 kind` (ModuleBatch.file, dir,
 * missing); a file follows with `u32 realpathLength`, the real path (UTF-8), `u32 sourceLength`
 * (ModuleBatch.noSource when its bytes are not sent) and the bytes. Big-endian, like ModuleSource.
 */
export const ModuleBatch = {
  file: 0,
  dir: 1,
  missing: 2,
  noSource: 0xffffffff,
  /** At most this many paths per call. */
  maxPaths: 4096,
  /** Sources stop being sent once the answer would pass this size. */
  maxBytes: 8 * 1024 * 1024,
} as const;

/** Numbers in a stat record; its payload is `StatRecordLength * 8` bytes. */
export const StatRecordLength = 14;

/** Default limits. Every one is an option of the sandbox (see host/sandbox/options.ts). */
export const Defaults = {
  /** Size of the shared data window each sync call moves through (4 MiB). */
  windowBytes: 4 * 1024 * 1024,
  /** Smallest window accepted: a response header must fit in one chunk. */
  minWindowBytes: 4096,
  /** Largest file (and largest frame payload) a single call may move (256 MiB). */
  maxFileBytes: 256 * 1024 * 1024,
  /**
   * Most iterations of the guest's busy-wait before it sleeps in Atomics.wait: about 250
   * microseconds on a 2-vCPU VM, enough to catch a 1 MiB answer (the guest adapts it down when the
   * host is slow to answer; see bridge/channel/guest.ts).
   */
  spinIterations: 20000,
  /** Microseconds the host busy-waits for the guest's next message before sleeping. */
  hostSpinMicros: 50,
  /** Blocking replies with a payload this large or larger are moved whole to the guest, not copied through the window (64 KiB). */
  bulkBytes: 64 * 1024,
  /**
   * Most objects nested inside one another in one host function value (arguments or result). Kept well
   * below what the encoder's recursion can reach on a 1 MiB stack before it is optimized (about 900).
   */
  maxValueDepth: 500,
  /** Largest encoded host function value (arguments or result), 64 MiB; never more than maxFileBytes. */
  maxValueBytes: 64 * 1024 * 1024,
  /**
   * Most watchers (`fs.watch`; a recursive watch takes one per entry it watches, as on Linux) one
   * run may hold open: inotify's classic `max_user_watches`. Past it: ENOSPC, as inotify answers.
   */
  maxWatchers: 8192,
} as const;
