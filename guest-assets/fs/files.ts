import { Buffer } from 'buffer';
import { Method } from '../../bridge/protocol.js';
import { fileTooLarge } from '../node-errors.js';
import { unwrap, type Result } from '../rpc.js';
import { mkdirOptions, readOptions, toBytes, toPath, writeOptions } from './args.js';
import { asBuffer, type OpSpec } from './ops.js';

/** Settings the guest fs needs from the sandbox. */
export interface FsConfig {
  /** Largest file a single call may move, in bytes. */
  maxFileBytes: number;
}

/**
 * A readFile reply: raw bytes become a Buffer (no copy), decoded here when an encoding was asked for.
 * Text is decoded in the guest, by Node's own decoder, so no string ever crosses the bridge: results
 * equal Node's byte for byte (replacement characters, lone surrogates of ucs2) and cost no escaping.
 */
function readResult(result: Result, encoding: string | null): Buffer | string {
  const value = unwrap(result);
  if (!(value instanceof Uint8Array)) throw new TypeError('sandbox host answered readFile without bytes');
  const buf = asBuffer(value);
  return encoding === null ? buf : buf.toString(encoding as BufferEncoding);
}

/** Whole-file operations: readFile, writeFile, appendFile, mkdir. */
export function fileOps(config: FsConfig): Record<string, OpSpec> {
  function writeSpec(defaultFlag: string): OpSpec {
    return {
      method: Method.writeFile,
      prepare([path, data, options]) {
        const p = toPath(path, 'path');
        const { encoding, flag, mode } = writeOptions(options, defaultFlag);
        const bytes = toBytes(data, encoding);
        if (bytes.byteLength > config.maxFileBytes) throw fileTooLarge(bytes.byteLength, config.maxFileBytes);
        return [p, bytes, flag, mode];
      },
      finish: (result) => void unwrap(result),
    };
  }

  return {
    readFile: {
      method: Method.readFile,
      prepare([path, options]) {
        const { flag } = readOptions(options);
        return [toPath(path), null, flag];
      },
      finish: (result, [, options]) => readResult(result, readOptions(options).encoding),
    },
    writeFile: writeSpec('w'),
    appendFile: writeSpec('a'),
    mkdir: {
      method: Method.mkdir,
      prepare([path, options]) {
        const { recursive, mode } = mkdirOptions(options);
        return [toPath(path), recursive, mode];
      },
    },
  };
}
