import { Buffer } from 'buffer';
import { DIRENT } from './dirs/constants.js';

/** The key Node's Dirent keeps its type under (shows as `[Symbol(type)]` when inspected). */
const kType = Symbol('type');

/**
 * Node's `fs.Dirent` (lib/internal/fs/utils.js), built in the guest realm: own properties `name`,
 * `parentPath`, `path` and `[Symbol(type)]`, in that order, and the `is*()` methods on the prototype.
 */
export class Dirent {
  declare name: string | Buffer;
  declare parentPath: string | Uint8Array;
  declare path: string | Uint8Array;
  declare [kType]: number;

  constructor(name: string | Buffer, type: number, path: string | Uint8Array) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory(): boolean {
    return this[kType] === DIRENT.dir;
  }

  isFile(): boolean {
    return this[kType] === DIRENT.file;
  }

  isBlockDevice(): boolean {
    return this[kType] === DIRENT.block;
  }

  isCharacterDevice(): boolean {
    return this[kType] === DIRENT.char;
  }

  isSymbolicLink(): boolean {
    return this[kType] === DIRENT.link;
  }

  isFIFO(): boolean {
    return this[kType] === DIRENT.fifo;
  }

  isSocket(): boolean {
    return this[kType] === DIRENT.socket;
  }
}

/** A name from the host as the guest sees it: text stays text, bytes become a fresh Buffer of their own. */
export function nameOf(value: unknown): string | Buffer {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new TypeError('sandbox host answered readdir with a name that is neither text nor bytes');
}

/** A Dirent from a host row `[name, type, parentPath | null]`; null means the path the caller gave. */
export function direntOf(row: unknown, given: string | Uint8Array): Dirent {
  if (!Array.isArray(row) || typeof row[1] !== 'number') throw new TypeError('sandbox host answered readdir with a malformed entry');
  const parent = typeof row[2] === 'string' ? row[2] : given;
  return new Dirent(nameOf(row[0]), row[1], parent);
}
