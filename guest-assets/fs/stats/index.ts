import { StatField, StatRecordLength } from '../../../bridge/wire/protocol.js';

/**
 * Node's fs.Stats and BigIntStats, built in the guest realm from a stat record (bridge/wire/protocol.ts):
 * the host's answer is fourteen raw numbers, read here through one typed-array view, as Node's own
 * binding fills an aliased Float64Array. Own fields in Node's order, so util.inspect prints the same.
 */

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFBLK = 0o060000;
const S_IFCHR = 0o020000;
const S_IFLNK = 0o120000;
const S_IFIFO = 0o010000;
const S_IFSOCK = 0o140000;

/** Node: `new Date(Math.round(Number(ms)))`. */
function dateFromMs(ms: number | bigint): Date {
  return new Date(Math.round(Number(ms)));
}

type N = number | bigint;

/** The fields and type tests both kinds share (Node's StatsBase). */
class StatsBase<T extends N> {
  dev: T;
  mode: T;
  nlink: T;
  uid: T;
  gid: T;
  rdev: T;
  blksize: T;
  ino: T;
  size: T;
  blocks: T;

  constructor(dev: T, mode: T, nlink: T, uid: T, gid: T, rdev: T, blksize: T, ino: T, size: T, blocks: T) {
    this.dev = dev;
    this.mode = mode;
    this.nlink = nlink;
    this.uid = uid;
    this.gid = gid;
    this.rdev = rdev;
    this.blksize = blksize;
    this.ino = ino;
    this.size = size;
    this.blocks = blocks;
  }

  /** The mode test of `property` (an S_IF* value); each kind assigns its own. */
  declare _checkModeProperty: (property: number) => boolean;
}

/** `(stats) => stats._checkModeProperty(bits)`, anonymous as Node's prototype functions are. */
function modeTest(bits: number): (this: StatsBase<N>) => boolean {
  return function (this: StatsBase<N>) {
    return this._checkModeProperty(bits);
  };
}

// Node's prototype methods are plain assignments: enumerable, anonymous, seen by for...in.
const base = StatsBase.prototype as unknown as Record<string, unknown>;
base.isDirectory = modeTest(S_IFDIR);
base.isFile = modeTest(S_IFREG);
base.isBlockDevice = modeTest(S_IFBLK);
base.isCharacterDevice = modeTest(S_IFCHR);
base.isSymbolicLink = modeTest(S_IFLNK);
base.isFIFO = modeTest(S_IFIFO);
base.isSocket = modeTest(S_IFSOCK);

/** fs.Stats: numbers, times in milliseconds, and their Dates. */
export class Stats extends StatsBase<number> {
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  birthtimeMs: number;
  atime: Date;
  mtime: Date;
  ctime: Date;
  birthtime: Date;

  constructor(dev: number, mode: number, nlink: number, uid: number, gid: number, rdev: number, blksize: number, ino: number, size: number, blocks: number,
    atimeMs: number, mtimeMs: number, ctimeMs: number, birthtimeMs: number) {
    super(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
    this.atimeMs = atimeMs;
    this.mtimeMs = mtimeMs;
    this.ctimeMs = ctimeMs;
    this.birthtimeMs = birthtimeMs;
    this.atime = dateFromMs(atimeMs);
    this.mtime = dateFromMs(mtimeMs);
    this.ctime = dateFromMs(ctimeMs);
    this.birthtime = dateFromMs(birthtimeMs);
  }
}
const statsProto = Stats.prototype as unknown as Record<string, unknown>;
statsProto.isFile = base.isFile;
statsProto._checkModeProperty = function (this: Stats, property: number): boolean {
  return (this.mode & S_IFMT) === property;
};

/** The stats of `{ bigint: true }`: bigint numbers, times in ms (truncated) and ns, and Dates. */
export class BigIntStats extends StatsBase<bigint> {
  atimeMs: bigint;
  mtimeMs: bigint;
  ctimeMs: bigint;
  birthtimeMs: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  birthtimeNs: bigint;
  atime: Date;
  mtime: Date;
  ctime: Date;
  birthtime: Date;

  constructor(dev: bigint, mode: bigint, nlink: bigint, uid: bigint, gid: bigint, rdev: bigint, blksize: bigint, ino: bigint, size: bigint, blocks: bigint,
    atimeNs: bigint, mtimeNs: bigint, ctimeNs: bigint, birthtimeNs: bigint) {
    super(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
    this.atimeMs = atimeNs / 1_000_000n;
    this.mtimeMs = mtimeNs / 1_000_000n;
    this.ctimeMs = ctimeNs / 1_000_000n;
    this.birthtimeMs = birthtimeNs / 1_000_000n;
    this.atimeNs = atimeNs;
    this.mtimeNs = mtimeNs;
    this.ctimeNs = ctimeNs;
    this.birthtimeNs = birthtimeNs;
    this.atime = dateFromMs(this.atimeMs);
    this.mtime = dateFromMs(this.mtimeMs);
    this.ctime = dateFromMs(this.ctimeMs);
    this.birthtime = dateFromMs(this.birthtimeMs);
  }
}
(BigIntStats.prototype as unknown as Record<string, unknown>)._checkModeProperty = function (this: BigIntStats, property: number): boolean {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

/**
 * Where blocking stat answers land: one buffer, aliased as bytes, Float64 and BigInt64 numbers, as
 * Node's binding fills its aliased statValues array. The channel copies the record's 112 bytes here
 * (`statRecordTarget`) and the Stats is read straight from the aliases, before any other call.
 */
const record = new ArrayBuffer(StatRecordLength * 8);
const recordBytes = new Uint8Array(record);
const recordNumbers = new Float64Array(record);
const recordBigInts = new BigInt64Array(record);

/** The destination of a blocking stat answer of `length` bytes (see `into` of Rpc.callSync). */
export function statRecordTarget(length: number): Uint8Array | undefined {
  return length === recordBytes.length ? recordBytes : undefined;
}

/** A view of a stat record's numbers; a record that is not 8-byte aligned (legacy decoding) is copied first. */
function recordView<A extends Float64Array | BigInt64Array>(bytes: Uint8Array, Kind: new (buffer: ArrayBuffer, offset: number, length: number) => A): A {
  if (bytes.byteLength !== StatRecordLength * 8) throw new RangeError(`sandbox host answered a stat with ${bytes.byteLength} bytes`);
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  return new Kind(aligned.buffer as ArrayBuffer, aligned.byteOffset, StatRecordLength);
}

/** Builds the guest's Stats (or BigIntStats) from a stat record. */
export function statsFromRecord(bytes: Uint8Array, bigint: boolean): Stats | BigIntStats {
  const F = StatField;
  if (bigint) {
    const r = bytes === recordBytes ? recordBigInts : recordView(bytes, BigInt64Array);
    const at = (i: number) => r[i] as bigint;
    return new BigIntStats(at(F.dev), at(F.mode), at(F.nlink), at(F.uid), at(F.gid), at(F.rdev), at(F.blksize), at(F.ino), at(F.size), at(F.blocks),
      at(F.atime), at(F.mtime), at(F.ctime), at(F.birthtime));
  }
  const r = bytes === recordBytes ? recordNumbers : recordView(bytes, Float64Array);
  const at = (i: number) => r[i] as number;
  return new Stats(at(F.dev), at(F.mode), at(F.nlink), at(F.uid), at(F.gid), at(F.rdev), at(F.blksize), at(F.ino), at(F.size), at(F.blocks),
    at(F.atime), at(F.mtime), at(F.ctime), at(F.birthtime));
}
