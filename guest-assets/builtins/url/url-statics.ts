/**
 * URL.createObjectURL and URL.revokeObjectURL. The sandbox has no Blob registry of its own: an
 * object URL is made for a Blob of the guest's realm (when it has a Blob class) and remembered until
 * revoked; anything else is refused with Node's error.
 */
import { invalidArgType } from '../../node-errors.js';
import { missingArgs } from './errors.js';

const objectUrls = new Map<string, unknown>();

function uuid(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** What an object URL's id was made for (buffer.resolveObjectURL). */
export function objectUrlTarget(id: string): unknown {
  return objectUrls.get(id);
}

function createObjectURL(obj: unknown): string {
  const BlobClass = (globalThis as { Blob?: unknown }).Blob;
  if (typeof BlobClass !== 'function' || !(obj instanceof (BlobClass as new () => object))) throw invalidArgType('obj', [], ['Blob'], obj);
  const id = uuid();
  objectUrls.set(id, obj);
  return `blob:nodedata:${id}`;
}

function revokeObjectURL(url: unknown): void {
  if (arguments.length === 0) throw missingArgs('url');
  const text = `${url as string}`;
  if (text.startsWith('blob:nodedata:')) objectUrls.delete(text.slice('blob:nodedata:'.length));
}

/** Makes the class's statics enumerable (as Node's) and adds the object URL methods. */
export function installStatics(URLClass: Function): void {
  const method = (value: unknown) => ({ configurable: true, writable: true, enumerable: true, value });
  Object.defineProperties(URLClass, {
    parse: method((URLClass as unknown as { parse: unknown }).parse),
    canParse: method((URLClass as unknown as { canParse: unknown }).canParse),
    createObjectURL: method(createObjectURL),
    revokeObjectURL: method(revokeObjectURL),
  });
}
