import { encodingArg, flagArg, resolveGuestPath, pathArg } from './args.js';
import type { ByteSource } from '../../bridge/channel/host.js';
import { Method } from '../../bridge/wire/protocol.js';
import type { Handler } from '../dispatcher/index.js';
import { BridgeCallError, callError, fsErrorRecord } from '../dispatcher/errors.js';
import type { Vfs } from '../vfs/index.js';
import { flagBits } from './descriptors/index.js';
import { createAccessible } from './descriptors/create.js';
import { GUEST_UMASK } from './descriptors/handlers.js';

/** Limits the fs handlers enforce. */
export interface FsLimits {
  /** Largest file one call may read or write. */
  maxFileBytes: number;
}

/** A file read by descriptor straight into whatever buffer the transport offers (the shared window). */
export class FileSource implements ByteSource {
  readonly size: number;
  /** `read` writes every byte of its target or throws. */
  readonly fillsTarget = true;
  readonly #vfs: Vfs;
  readonly #fd: number;
  #closed = false;

  constructor(vfs: Vfs, fd: number, size: number) {
    this.#vfs = vfs;
    this.#fd = fd;
    this.size = size;
  }

  read(target: Uint8Array, position: number): void {
    let done = 0;
    while (done < target.length) {
      const n = this.#vfs.readSync(this.#fd, target, done, target.length - done, position + done);
      // The file shrank under the reader (another process on a mount): its size is already promised.
      if (n <= 0) throw new BridgeCallError({ code: 'EIO', syscall: 'read' });
      done += n;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#vfs.closeSync(this.#fd);
  }
}

/** Handlers of the whole-file methods (readFile, writeFile), over `vfs`. mkdir is in host/fs/dirs/mkdir.ts. */
export function fileHandlers(vfs: Vfs, limits: FsLimits): Record<string, Handler> {
  function openForRead(path: string, flag: string | number): FileSource {
    const fd = vfs.openSync(resolveGuestPath(path), flag);
    try {
      const st = vfs.fstatSync(fd);
      // Node opens a directory fine and fails on the read, without a path.
      if (st.isDirectory()) throw new BridgeCallError({ code: 'EISDIR', syscall: 'read' });
      if (st.size > limits.maxFileBytes) {
        throw callError('ERR_FS_FILE_TOO_LARGE', 'RangeError', `File size (${st.size}) is greater than the sandbox limit of ${limits.maxFileBytes} bytes`);
      }
      return new FileSource(vfs, fd, st.size);
    } catch (e) {
      vfs.closeSync(fd);
      throw e;
    }
  }

  const readFile: Handler = (args) => {
    const path = pathArg(args[0], 'path');
    const encoding = encodingArg(args[1]);
    const flag = flagArg(args[2], 'r');
    let source: FileSource;
    try {
      source = openForRead(path, flag);
    } catch (e) {
      throw new BridgeCallError(fsErrorRecord(e, { path }));
    }
    if (encoding === null) return source;
    try {
      const bytes = Buffer.allocUnsafe(source.size);
      source.read(bytes, 0);
      return bytes.toString(encoding);
    } finally {
      source.close();
    }
  };

  const writeFile: Handler = (args) => {
    const path = pathArg(args[0], 'file');
    const data = args[1];
    if (!(data instanceof Uint8Array) && typeof data !== 'string') {
      throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', 'The "data" argument must be bytes or a string');
    }
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    if (size > limits.maxFileBytes) {
      throw callError('ERR_FS_FILE_TOO_LARGE', 'RangeError', `File size (${size}) is greater than the sandbox limit of ${limits.maxFileBytes} bytes`);
    }
    const flag = flagArg(args[2], 'w');
    // The guest's umask applies to a file the write creates, as the kernel applies the process's.
    const mode = (typeof args[3] === 'number' ? args[3] : 0o666) & ~GUEST_UMASK;
    try {
      const target = resolveGuestPath(path);
      const bits = flagBits(flag);
      if (bits === undefined) vfs.writeFileSync(target, data, { flag, mode });
      else createAccessible(vfs, target, bits, mode, (m) => vfs.writeFileSync(target, data, { flag, mode: m }));
    } catch (e) {
      throw new BridgeCallError(fsErrorRecord(e, { path }));
    }
    return undefined;
  };

  return { [Method.readFile]: readFile, [Method.writeFile]: writeFile, [Method.writeFileBinary]: writeFile };
}
