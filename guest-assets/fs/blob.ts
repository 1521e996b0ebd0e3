import { fileBlob } from '../builtins/blob/blob.js';
import { invalidArgType, nodeError } from '../node-errors.js';
import { toPath } from './args.js';

type Fns = Record<string, unknown>;

/**
 * fs.openAsBlob(path, { type }): checks the path at the call as Node does (a missing one throws
 * `Unable to open file as blob`), and resolves to a Blob of the file's bytes, read by one async call
 * when it is opened (Node reads when the Blob is read; a later change to the file is not seen). A
 * directory gives a Blob whose reads fail, as in Node.
 */
export function installOpenAsBlob(fs: Fns, promises: Fns): void {
  fs.openAsBlob = function openAsBlob(path: unknown, options: unknown = {}): Promise<unknown> {
    if (options === null || typeof options !== 'object') throw invalidArgType('options', ['object'], [], options);
    const type = (options as { type?: unknown }).type || '';
    if (typeof type !== 'string') throw invalidArgType('options.type', ['string'], [], type);
    const p = toPath(path);
    const st = (fs.statSync as (p: string, o: object) => { isDirectory(): boolean; size: number } | undefined)(p, { throwIfNoEntry: false });
    if (st === undefined) throw nodeError('ERR_INVALID_ARG_VALUE', 'TypeError', 'Unable to open file as blob');
    if (st.isDirectory()) return Promise.resolve(fileBlob(new Uint8Array(0), type, st.size));
    return (promises.readFile as (p: string) => Promise<Uint8Array>)(p).then((b) => fileBlob(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), type));
  };
}
