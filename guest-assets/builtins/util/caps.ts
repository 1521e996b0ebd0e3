/** The Worker's capabilities behind the guest's `util` built-in (host/worker/caps/util.ts). */

/** The names of Node 20's `util.types` checks that V8 answers natively (every one but isKeyObject/isCryptoKey). */
export const NATIVE_TYPE_CHECKS = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject', 'isNumberObject',
  'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp', 'isAsyncFunction', 'isGeneratorFunction',
  'isGeneratorObject', 'isPromise', 'isMap', 'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet',
  'isArrayBuffer', 'isDataView', 'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject', 'isAnyArrayBuffer',
  'isBoxedPrimitive', 'isArrayBufferView', 'isTypedArray', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array',
  'isUint32Array', 'isInt8Array', 'isInt16Array', 'isInt32Array', 'isFloat32Array', 'isFloat64Array',
  'isBigInt64Array', 'isBigUint64Array',
] as const;

/** One of {@link NATIVE_TYPE_CHECKS}. */
export type NativeTypeCheck = (typeof NATIVE_TYPE_CHECKS)[number];

export interface UtilCaps {
  /**
   * Node's `util.types[check](value)`, answered by V8 from the value's internal brand: exact across
   * realms, runs no guest code (a Proxy's traps are never called). `check` is the index of the
   * check's name in NATIVE_TYPE_CHECKS; false for anything else.
   */
  utilType(check: number, value: unknown): boolean;
  /** Node's `util.getSystemErrorName(err)`; -1 on error (see lastError: ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE). */
  systemErrorName(err: unknown): string | number;
  /** Node's `util.getSystemErrorMap()` as text: one `errno NUL name NUL description` per line. */
  systemErrorMap(): string;
  /**
   * Whether two guest views hold the same bytes (compared in place by Node's Buffer.equals, no
   * copy); false for anything that is not a guest-realm view.
   */
  bytesEqual(a: ArrayBufferView, b: ArrayBufferView): boolean;
  /**
   * Node's `new util.MIMEType(text)` as `type NUL subtype (NUL name NUL value)*`; -1 when it does not
   * parse (see lastError: ERR_INVALID_MIME_SYNTAX).
   */
  parseMime(text: string): string | number;
  /** Node's `util.parseEnv(content)` (its dotenv parser) as JSON text; '' on failure. */
  parseEnv(content: string): string;
}
