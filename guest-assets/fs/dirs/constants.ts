/**
 * Node 20's `fs.constants` on Linux, value for value and in Node's key order. `fs.constants` is a
 * null-prototype object whose properties are read-only; `fs.F_OK`... repeat the access modes.
 */
const VALUES = {
  UV_FS_SYMLINK_DIR: 1,
  UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0,
  UV_DIRENT_FILE: 1,
  UV_DIRENT_DIR: 2,
  UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5,
  UV_DIRENT_CHAR: 6,
  UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0,
  EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 61440,
  S_IFREG: 32768,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960,
  S_IFSOCK: 49152,
  O_CREAT: 64,
  O_EXCL: 128,
  UV_FS_O_FILEMAP: 0,
  O_NOCTTY: 256,
  O_TRUNC: 512,
  O_APPEND: 1024,
  O_DIRECTORY: 65536,
  O_NOATIME: 262144,
  O_NOFOLLOW: 131072,
  O_SYNC: 1052672,
  O_DSYNC: 4096,
  O_DIRECT: 16384,
  O_NONBLOCK: 2048,
  S_IRWXU: 448,
  S_IRUSR: 256,
  S_IWUSR: 128,
  S_IXUSR: 64,
  S_IRWXG: 56,
  S_IRGRP: 32,
  S_IWGRP: 16,
  S_IXGRP: 8,
  S_IRWXO: 7,
  S_IROTH: 4,
  S_IWOTH: 2,
  S_IXOTH: 1,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1,
  COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
} as const;

/** Builds `fs.constants` (guest realm): null prototype, enumerable, read-only, not configurable. */
export function createConstants(): Readonly<typeof VALUES> {
  const constants = Object.create(null) as typeof VALUES;
  for (const [key, value] of Object.entries(VALUES)) {
    Object.defineProperty(constants, key, { value, enumerable: true, writable: false, configurable: false });
  }
  return constants;
}

/** The access modes Node also exposes as `fs.F_OK`, `fs.R_OK`, `fs.W_OK`, `fs.X_OK`. */
export const ACCESS_MODES = { F_OK: VALUES.F_OK, R_OK: VALUES.R_OK, W_OK: VALUES.W_OK, X_OK: VALUES.X_OK } as const;

/** fs.constants.UV_DIRENT_* values that Dirent methods compare against. */
export const DIRENT = {
  unknown: VALUES.UV_DIRENT_UNKNOWN,
  file: VALUES.UV_DIRENT_FILE,
  dir: VALUES.UV_DIRENT_DIR,
  link: VALUES.UV_DIRENT_LINK,
  fifo: VALUES.UV_DIRENT_FIFO,
  socket: VALUES.UV_DIRENT_SOCKET,
  char: VALUES.UV_DIRENT_CHAR,
  block: VALUES.UV_DIRENT_BLOCK,
} as const;
