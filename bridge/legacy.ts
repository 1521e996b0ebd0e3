import { Buffer } from 'buffer';

/**
 * The legacy bytes object `{__agentOsType: "bytes", base64}`, in one place: both sides encode and
 * decode it only through this module. `buffer` is Node's own module on the host and the `buffer`
 * package in the guest bundle (esbuild resolves it there), so the base64 codec is always a library's
 * and every Buffer this module makes belongs to the realm it runs in.
 *
 * Decoding is strict: an object whose `__agentOsType` is `"bytes"` must have exactly the keys
 * `__agentOsType` and `base64`, and `base64` must be canonical base64 (padded, standard alphabet,
 * zero unused bits), or decoding fails with a LegacyBytesError naming where and why. Objects with
 * another `__agentOsType`, or none, are someone else's data and are left alone.
 */

/** The key that marks a legacy typed object. */
export const LEGACY_TYPE_KEY = '__agentOsType';

/** The `__agentOsType` value of a bytes object. */
export const LEGACY_BYTES_TYPE = 'bytes';

/** A legacy bytes object as old guests and hosts send it. */
export interface LegacyBytes {
  __agentOsType: typeof LEGACY_BYTES_TYPE;
  base64: string;
}

/** How deep a value may nest before the walkers give up (deeper input is hostile, or cyclic). */
export const MAX_LEGACY_DEPTH = 1000;

/** A legacy payload that cannot be decoded; `code` is stable, `message` says where and why. */
export class LegacyBytesError extends TypeError {
  /** Always `ERR_BRIDGE_INVALID_BYTES`. */
  readonly code = 'ERR_BRIDGE_INVALID_BYTES';
  constructor(where: string, detail: string) {
    super(`invalid legacy bytes at ${where}: ${detail}`);
  }
}

const NOT_BASE64 = /[^A-Za-z0-9+/]/;
const PAD = 0x3d;

/** The 6-bit value of a base64 alphabet character (already known to be in the alphabet). */
function sextet(code: number): number {
  if (code >= 0x61) return code - 0x61 + 26;
  if (code >= 0x41) return code - 0x41;
  if (code >= 0x30) return code - 0x30 + 52;
  return code === 0x2b ? 62 : 63;
}

/** Why `text` is not canonical base64, or undefined when it is. Linear, no backtracking. */
function base64Problem(text: string): string | undefined {
  if (text.length % 4 !== 0) return `${text.length} characters is not a multiple of 4`;
  let end = text.length;
  while (end > 0 && text.length - end < 2 && text.charCodeAt(end - 1) === PAD) end--;
  const bad = NOT_BASE64.exec(text.slice(0, end));
  if (bad !== null) return `character ${JSON.stringify(bad[0])} at offset ${bad.index} is not base64`;
  const pad = text.length - end;
  // Canonical form: the bits of the last character that padding says are unused must be zero.
  const unused = pad === 2 ? 0x0f : pad === 1 ? 0x03 : 0;
  if (pad > 0 && (sextet(text.charCodeAt(end - 1)) & unused) !== 0) return `non-canonical base64 (nonzero bits before the padding at offset ${end - 1})`;
  return undefined;
}

/** Bytes that `length` bytes become as base64 text: what a legacy payload costs. */
export function base64Length(length: number): number {
  return Math.ceil(length / 3) * 4;
}

/** Encodes bytes as standard, padded base64 (a view over the same memory, no copy first). */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes canonical base64 into a Buffer of this realm (on Node a small one may be a slice of Node's
 * pool, as `Buffer.from` makes it); anything else throws LegacyBytesError.
 */
export function decodeBase64(text: string, where = 'value'): Buffer {
  const problem = base64Problem(text);
  if (problem !== undefined) throw new LegacyBytesError(where, problem);
  const bytes = Buffer.from(text, 'base64');
  const expected = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (bytes.length !== expected) throw new LegacyBytesError(where, `decoded ${bytes.length} bytes, expected ${expected}`);
  return bytes;
}

/** Wraps bytes as a legacy bytes object. */
export function toLegacyBytes(bytes: Uint8Array): LegacyBytes {
  return { [LEGACY_TYPE_KEY]: LEGACY_BYTES_TYPE, base64: encodeBase64(bytes) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A key as an error message shows it: quoted, and cut short (keys come from the other side). */
function showKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}...` : key);
}

/** True for an object that claims to be a bytes object (own `__agentOsType === "bytes"`), valid or not. */
export function isLegacyBytesTagged(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, LEGACY_TYPE_KEY) && value[LEGACY_TYPE_KEY] === LEGACY_BYTES_TYPE;
}

/** Decodes one bytes object into a fresh Buffer of this realm; a wrong shape or bad base64 throws. */
export function fromLegacyBytes(value: unknown, where = 'value'): Buffer {
  if (!isLegacyBytesTagged(value)) throw new LegacyBytesError(where, `expected an object with ${LEGACY_TYPE_KEY}: "${LEGACY_BYTES_TYPE}"`);
  const extra = Object.keys(value).find((k) => k !== LEGACY_TYPE_KEY && k !== 'base64');
  if (extra !== undefined) throw new LegacyBytesError(where, `unexpected key ${showKey(extra)} on a bytes object`);
  const base64 = value.base64;
  if (typeof base64 !== 'string') throw new LegacyBytesError(where, `base64 must be a string, got ${base64 === null ? 'null' : typeof base64}`);
  return decodeBase64(base64, `${where}.base64`);
}

/** Sets a property without invoking setters (a `__proto__` key stays an own data property). */
function put(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A copy of a plain object's own enumerable properties, with the same prototype. */
function shallowCopy(source: Record<string, unknown>): Record<string, unknown> {
  const copy = Object.create(Object.getPrototypeOf(source) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(source)) put(copy, key, source[key]);
  return copy;
}

/** Where in a value a problem is, as `label["key"][3]`; deep paths keep only their last steps. */
function pathOf(label: string, path: readonly (string | number)[]): string {
  const steps = path.length > 12 ? path.slice(-8) : path;
  const shown = steps.map((k) => (typeof k === 'number' ? `[${k}]` : `[${showKey(k)}]`)).join('');
  return steps === path ? label + shown : `${label}...${shown}`;
}

function tooDeep(where: string): LegacyBytesError {
  return new LegacyBytesError(where, `nested deeper than ${MAX_LEGACY_DEPTH} levels`);
}

/**
 * Replaces every bytes object in `value` (at any depth of arrays and plain objects) with a Buffer of
 * this realm. Works in place on containers: give it values you own (a freshly decoded payload).
 * Returns the value, or the Buffer when `value` itself is a bytes object. Throws LegacyBytesError;
 * `label` names the value in its message (`result[0]["data"].base64: ...`).
 */
export function reviveLegacy(value: unknown, label = 'value'): unknown {
  const path: (string | number)[] = [];
  const walk = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return v;
    if (path.length >= MAX_LEGACY_DEPTH) throw tooDeep(pathOf(label, path));
    if (isLegacyBytesTagged(v)) return fromLegacyBytes(v, pathOf(label, path));
    const isArray = Array.isArray(v);
    if (!isArray && !isPlainObject(v)) return v;
    const container = v as Record<string | number, unknown>;
    const keys: readonly (string | number)[] = isArray ? [] : Object.keys(container);
    const count = isArray ? (v as unknown[]).length : keys.length;
    for (let i = 0; i < count; i++) {
      const key = isArray ? i : (keys[i] as string);
      const child = container[key];
      path.push(key);
      const next = walk(child);
      path.pop();
      if (next !== child) put(container, key, next);
    }
    return v;
  };
  return walk(value);
}

/**
 * The legacy form of `value`: every Uint8Array (at any depth of arrays and plain objects) becomes a
 * bytes object. Copy on write: `value` is never modified; containers without bytes are shared.
 * Bytes objects already present pass unchanged. Throws LegacyBytesError past MAX_LEGACY_DEPTH
 * (which is also how a cyclic value ends).
 */
export function encodeLegacy(value: unknown): unknown {
  const walk = (v: unknown, depth: number): unknown => {
    if (v instanceof Uint8Array) return toLegacyBytes(v);
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return v;
    if (depth >= MAX_LEGACY_DEPTH) throw tooDeep('value');
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const next = walk(v[i], depth + 1);
        if (next !== v[i]) (copy ??= v.slice())[i] = next;
      }
      return copy ?? v;
    }
    if (!isPlainObject(v)) return v;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(v)) {
      const next = walk(v[key], depth + 1);
      if (next !== v[key]) put((copy ??= shallowCopy(v)), key, next);
    }
    return copy ?? v;
  };
  return walk(value, 0);
}
