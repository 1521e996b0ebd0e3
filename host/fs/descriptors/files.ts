import { encodingArg, flagArg } from '../args.js';
import { bytesArg, fdArg, type DescriptorIo } from './handlers.js';
import { sysError } from './index.js';
import type { ByteSource } from '../../../bridge/channel/host.js';
import { Method } from '../../../bridge/wire/protocol.js';
import type { Handler } from '../../dispatcher/index.js';
import { callError } from '../../dispatcher/errors.js';

/**
 * readFile and writeFile given a descriptor instead of a path (Node's `readFileSync(fd)`): reads go
 * from the descriptor's current position to the end, writes go to its current position (the end in
 * append mode), and both move the position. The descriptor stays open.
 */

function tooLarge(size: number, max: number): Error {
  return callError('ERR_FS_FILE_TOO_LARGE', 'RangeError', `File size (${size}) is greater than the sandbox limit of ${max} bytes`);
}

/** Reads a source completely (a text answer, for guests that ask the host to decode). */
function drain(source: ByteSource): Uint8Array {
  const out = new Uint8Array(source.size);
  try {
    void source.read(out, 0);
  } finally {
    source.close?.();
  }
  return out;
}

/**
 * `[fd, encoding, flag, utf8]` -> status 2 bytes (or a string when an encoding is given). `utf8` tells
 * which syscall a bad descriptor names: Node's utf8 fast path reports `read`, its general path `fstat`.
 */
function readAll(io: DescriptorIo, args: unknown[]): ByteSource | Uint8Array | string {
  const fd = fdArg(args[0]);
  const encoding = encodingArg(args[1]);
  const empty = encoding === null ? new Uint8Array(0) : '';
  if (fd === 0) return empty;
  if (io.fds.isStdio(fd)) throw sysError('EBADF', 'read');
  const file = io.fds.get(fd, args[3] === true ? 'read' : 'fstat');
  const size = file.readable && !file.directory ? io.size(file) : 0;
  const left = Math.max(0, size - file.position);
  if (left > io.limits.maxFileBytes) throw tooLarge(left, io.limits.maxFileBytes);
  const body = io.readFrom(file, left, null);
  if (encoding === null) return body;
  return Buffer.from(body instanceof Uint8Array ? body : drain(body)).toString(encoding);
}

/** `[fd, data: bytes | string, flag, mode]` -> status 0 undefined; flag and mode do not apply to a descriptor. */
function writeAll(io: DescriptorIo, args: unknown[]): undefined {
  const fd = fdArg(args[0]);
  const data = args[1];
  const bytes = typeof data === 'string' ? Buffer.from(data) : bytesArg(data);
  if (bytes.length > io.limits.maxFileBytes) throw tooLarge(bytes.length, io.limits.maxFileBytes);
  void flagArg(args[2], 'w');
  if (io.fds.isStdio(fd)) io.writeStdio(fd, bytes);
  else io.writeTo(io.fds.get(fd, 'write'), bytes, null);
  return undefined;
}

/**
 * Wraps the path handlers of readFile, writeFile and writeFileBinary in `files`: a number as the
 * first argument is a descriptor of `io`'s table, anything else goes to the path handler unchanged.
 */
export function withDescriptorForms(files: Record<string, Handler>, io: DescriptorIo): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  const byFd: [string, Handler][] = [
    [Method.readFile, (args) => readAll(io, args)],
    [Method.writeFile, (args) => writeAll(io, args)],
    [Method.writeFileBinary, (args) => writeAll(io, args)],
  ];
  for (const [method, fdForm] of byFd) {
    const pathForm = files[method];
    if (pathForm === undefined) continue;
    out[method] = (args, call) => (typeof args[0] === 'number' ? fdForm(args, call) : pathForm(args, call));
  }
  return out;
}
