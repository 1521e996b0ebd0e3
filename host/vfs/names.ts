import { bytesToName, hasEscapes, nameToBytes } from '../../bridge/names/index.js';

/**
 * Names on the host's side (bridge/names has the scheme): a Vfs's string names and paths are name
 * strings that keep every byte; these convert them to and from node:fs's raw Buffers.
 */

/** The raw bytes of a name string, as a Buffer (no copy of plain UTF-8 text beyond the encoding). */
export function nameBuffer(name: string): Buffer {
  if (!hasEscapes(name)) return Buffer.from(name, 'utf8');
  const bytes = nameToBytes(name);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A name string as node:fs takes it: the string itself, or its raw bytes when they are not UTF-8. */
export function hostName(name: string): string | Buffer {
  return hasEscapes(name) ? nameBuffer(name) : name;
}

/** A name or path node:fs gave as raw bytes, in the form a Vfs answers: bytes, text in `encoding`, or a name string. */
export function fromHostName(raw: Buffer, encoding: BufferEncoding | 'buffer' | null | undefined): string | Buffer {
  if (encoding === 'buffer') return raw;
  if (encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8') return bytesToName(raw);
  return raw.toString(encoding);
}
