import { Buffer } from 'buffer';
import { Method } from '../../../bridge/wire/protocol.js';
import { fileTooLarge } from '../../node-errors.js';
import { unwrap, type Rpc } from '../../rpc.js';
import { readOptions, toBytes, writeOptions } from '../args.js';
import { getValidatedFd, isInt32, validateFunction } from './args.js';
import { bytesOf, runAsync, runSync, type Prepared } from './index.js';
import type { Callback } from '../ops.js';

/**
 * readFile, writeFile and appendFile given a descriptor (an int32, as Node tells them from paths):
 * reads run from the descriptor's position to the end, writes go to its position, and the
 * descriptor stays open. Paths keep going to the path functions this wraps.
 */

/** Node's utf8 fast path (exactly 'utf8' or 'utf-8') names `read` for a bad descriptor; its general path names `fstat`. */
function utf8FastPath(options: unknown): boolean {
  const encoding = typeof options === 'string' ? options : (options as { encoding?: unknown } | null | undefined)?.encoding;
  return encoding === 'utf8' || encoding === 'utf-8';
}

function readFdCall(fd: unknown, options: unknown): Prepared {
  const validFd = getValidatedFd(fd);
  const { encoding, flag } = readOptions(options);
  return {
    wire: [validFd, null, flag, utf8FastPath(options)],
    values(result) {
      const bytes = bytesOf(result);
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return [encoding === null || encoding === 'buffer' ? buf : buf.toString(encoding as BufferEncoding)];
    },
  };
}

function writeFdCall(fd: unknown, data: unknown, options: unknown, defaultFlag: string, maxBytes: number): Prepared {
  const validFd = getValidatedFd(fd);
  const { encoding, flag, mode } = writeOptions(options, defaultFlag);
  const bytes = toBytes(data, encoding);
  if (bytes.byteLength > maxBytes) throw fileTooLarge(bytes.byteLength, maxBytes);
  return { wire: [validFd, bytes, flag, mode], values: (result) => [void unwrap(result!)] };
}

type Fn = (...args: unknown[]) => unknown;

function named<F extends Function>(name: string, fn: F): F {
  return Object.defineProperty(fn, 'name', { value: name });
}

/**
 * Replaces `fs.readFileSync/readFile/writeFileSync/writeFile/appendFileSync/appendFile` with versions
 * that also take a descriptor. The fs.promises functions are left alone: they take FileHandles.
 */
export function addDescriptorForms(rpc: Rpc, fs: Record<string, unknown>, maxBytes: number): void {
  const byPath = (name: string) => fs[name] as Fn;
  const readSync = byPath('readFileSync');
  const read = byPath('readFile');
  fs.readFileSync = named('readFileSync', (path: unknown, options?: unknown) =>
    isInt32(path) ? runSync(rpc, Method.readFile, readFdCall(path, options)) : readSync(path, options),
  );
  fs.readFile = named('readFile', (path: unknown, ...rest: unknown[]) => {
    if (!isInt32(path)) return void read(path, ...rest);
    const cb = validateFunction<Callback>(rest.length > 1 ? rest[1] : rest[0]);
    const options = rest.length > 1 ? rest[0] : undefined;
    runAsync(rpc, Method.readFile, readFdCall(path, options), cb, true, readOptions(options).signal);
  });
  for (const [name, defaultFlag] of [['writeFile', 'w'], ['appendFile', 'a']] as const) {
    const pathSync = byPath(`${name}Sync`);
    const pathAsync = byPath(name);
    fs[`${name}Sync`] = named(`${name}Sync`, (path: unknown, data: unknown, options?: unknown) =>
      isInt32(path) ? void runSync(rpc, Method.writeFile, writeFdCall(path, data, options, defaultFlag, maxBytes)) : pathSync(path, data, options),
    );
    fs[name] = named(name, (path: unknown, data: unknown, ...rest: unknown[]) => {
      if (!isInt32(path)) return void pathAsync(path, data, ...rest);
      const cb = validateFunction<Callback>(rest.length > 1 ? rest[1] : rest[0]);
      const options = rest.length > 1 ? rest[0] : undefined;
      runAsync(rpc, Method.writeFile, writeFdCall(path, data, options, defaultFlag, maxBytes), cb, false, writeOptions(options, defaultFlag).signal);
    });
  }
}
