import { Buffer } from 'buffer';
import { fromLegacyBytes, isLegacyBytesTagged } from '../../bridge/legacy.js';
import { Method } from '../../bridge/wire/protocol.js';
import { binaryValue } from './index.js';
import { invalidArgType, invalidArgValue } from '../node-errors.js';
import { unwrap, type Result, type Rpc } from '../rpc.js';

/**
 * The old bridge's low-level globals, kept for code written against it: `_fsReadFileBinary`,
 * `_fsReadFile`, `_fsWriteFileBinary`, `_fsWriteFile` and their `...Async` forms (promises).
 * They are functions of this bundle, so of the guest's realm, and go through the same Rpc as `fs`:
 * raw or legacy on the wire as negotiated, with Node-shaped errors.
 */

function pathArg(path: unknown): string {
  if (typeof path !== 'string') throw invalidArgType('path', ['string'], [], path);
  return path;
}

function encodingArg(encoding: unknown): BufferEncoding {
  if (encoding === undefined || encoding === null) return 'utf8';
  if (typeof encoding === 'string' && Buffer.isEncoding(encoding)) return encoding.toLowerCase() as BufferEncoding;
  throw invalidArgValue('encoding', encoding, 'is invalid encoding');
}

/** What `_fsWriteFileBinary` takes: a bytes object (as old guests build it) or, leniently, any view. */
function bytesArg(data: unknown): Uint8Array {
  if (isLegacyBytesTagged(data)) return fromLegacyBytes(data, 'data');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalidArgType('data', ['object'], ['Buffer', 'TypedArray', 'DataView'], data);
}

function textArg(text: unknown): string {
  if (typeof text !== 'string') throw invalidArgType('data', ['string'], [], text);
  return text;
}

/** One entry point: wire arguments from the caller's, and the caller's result from the reply. */
interface Entry {
  method: string;
  prepare(a: unknown, b: unknown): unknown[];
  finish(result: Result, b: unknown): unknown;
}

const ENTRIES: Record<string, Entry> = {
  _fsReadFileBinary: { method: Method.readFile, prepare: (p) => [pathArg(p), null], finish: (r) => binaryValue(unwrap(r)) },
  _fsReadFile: {
    method: Method.readFile,
    prepare: (p, e) => (encodingArg(e), [pathArg(p), null]),
    finish: (r, e) => binaryValue(unwrap(r)).toString(encodingArg(e)),
  },
  _fsWriteFileBinary: { method: Method.writeFileBinary, prepare: (p, d) => [pathArg(p), bytesArg(d)], finish: (r) => void unwrap(r) },
  _fsWriteFile: { method: Method.writeFile, prepare: (p, t) => [pathArg(p), textArg(t)], finish: (r) => void unwrap(r) },
};

/** Defines the old globals on `target` (the guest's globalThis): non-enumerable, like built-ins. */
export function installLegacyGlobals(rpc: Rpc, target: object): void {
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const sync = (a?: unknown, b?: unknown): unknown => entry.finish(rpc.callSync(entry.method, entry.prepare(a, b)), b);
    const async = async (a?: unknown, b?: unknown): Promise<unknown> => entry.finish(await rpc.callAsync(entry.method, entry.prepare(a, b)), b);
    define(target, name, sync);
    define(target, `${name}Async`, async);
  }
}

function define(target: object, name: string, fn: Function): void {
  Object.defineProperty(fn, 'name', { value: name });
  Object.defineProperty(target, name, { value: fn, writable: true, enumerable: false, configurable: true });
}
