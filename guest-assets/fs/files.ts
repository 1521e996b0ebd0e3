import { Buffer } from 'buffer';
import { Method } from '../../bridge/wire/protocol.js';
import { binaryValue } from '../legacy/index.js';
import { fileTooLarge } from '../node-errors.js';
import { unwrap, type Result } from '../rpc.js';
import { readOptions, toBytes, toPath, writeOptions } from './args.js';
import type { OpSpec } from './ops.js';
import type { GuestProcess, GuestTimers } from '../builtins/registry.js';

/** Settings the guest fs needs from the sandbox. */
export interface FsConfig {
  /** Largest file a single call may move, in bytes. */
  maxFileBytes: number;
  /** The guest's process: fs's deprecation warnings go through its emitWarning, once per code. */
  process: GuestProcess;
  /** Another built-in of the guest, by name (FileHandle#readLines uses readline). */
  builtin?: (name: string) => unknown;
  /** The guest's timers (fs.watchFile polls with them, the watchers hold the run open with them). */
  timers?: GuestTimers;
  /** The guest's monotonic clock, in ms. */
  now?: () => number;
}

/**
 * A readFile reply: raw bytes become a Buffer (no copy), decoded here when an encoding was asked for.
 * Text is decoded in the guest, by Node's own decoder, so no string ever crosses the bridge: results
 * equal Node's byte for byte (replacement characters, lone surrogates of ucs2) and cost no escaping.
 */
function readResult(result: Result, encoding: string | null): Buffer | string {
  // Also takes the plain base64 string old hosts answer some binary reads with (../legacy.ts).
  const buf = binaryValue(unwrap(result));
  return encoding === null ? buf : buf.toString(encoding as BufferEncoding);
}

/** Whole-file operations: readFile, writeFile, appendFile (mkdir is in guest-assets/fs/dirs/mkdir.ts). */
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
      signalAt: 2,
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
      signalAt: 1,
    },
    writeFile: writeSpec('w'),
    appendFile: writeSpec('a'),
  };
}
