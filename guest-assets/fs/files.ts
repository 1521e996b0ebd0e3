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

/** A readFile reply: raw bytes become a Buffer (no copy), strings stay strings. */
function readResult(result: Result): Buffer | string {
  const value = unwrap(result);
  if (value instanceof Uint8Array) return asBuffer(value);
  if (typeof value === 'string') return value;
  throw new TypeError('sandbox host answered readFile with neither bytes nor text');
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
        const { encoding, flag } = readOptions(options);
        return [toPath(path), encoding, flag];
      },
      finish: readResult,
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
