import type { Classifier } from './kinds.js';

/** Limits of one structured value. Defaults: Defaults.maxValueDepth and Defaults.maxValueBytes (protocol.ts). */
export interface ValueLimits {
  /** Most objects nested inside one another, counting the outermost (for calls, the argument list). */
  maxDepth: number;
  /** Largest encoded size in bytes. */
  maxBytes: number;
}

/** What the codec needs to know about the realm it runs in. */
export interface ValueRealm {
  /** True for this realm's Buffer (Node's on the host, the bundled `buffer` package's in the guest). */
  isBuffer(value: object): boolean;
  /** A Buffer over all of `buffer`, without copying. */
  bufferOf(buffer: ArrayBuffer): Uint8Array;
  /** Extra classification before the brand checks (the host's `util.types`: other realms, proxies). */
  classify?: Classifier;
  /**
   * The bytes of a legacy `{__agentOsType: "bytes", base64}` object (old host code returns them),
   * undefined for any other object; throws ERR_BRIDGE_INVALID_BYTES for a malformed one. Set on the
   * host: such objects then cross as Buffers at any depth.
   */
  legacyBytes?: (value: object) => Uint8Array | undefined;
}

/** Error codes of the structured codec (the errors are TypeError or RangeError, with `code`). */
export const ValueErrorCode = {
  /** A value that cannot cross: function, symbol, accessor, Promise, WeakMap, proxy, ... */
  Unsupported: 'ERR_HOST_VALUE_UNSUPPORTED',
  /** Objects nested deeper than `maxDepth`. */
  TooDeep: 'ERR_HOST_VALUE_TOO_DEEP',
  /** An encoded value over `maxBytes`. */
  TooLarge: 'ERR_HOST_VALUE_TOO_LARGE',
  /** Bytes that are not a structured value (only a broken or hostile peer sends them). */
  Malformed: 'ERR_HOST_VALUE_MALFORMED',
} as const;
export type ValueErrorCode = (typeof ValueErrorCode)[keyof typeof ValueErrorCode];

/** Builds a codec error of this realm: RangeError for the limits, TypeError otherwise. */
export function valueError(code: ValueErrorCode, message: string): Error & { code: ValueErrorCode } {
  const Ctor = code === ValueErrorCode.TooDeep || code === ValueErrorCode.TooLarge ? RangeError : TypeError;
  const error = new Ctor(message) as Error & { code: ValueErrorCode };
  error.code = code;
  return error;
}

/** True for an error this codec threw (it has one of the ValueErrorCode codes). */
export function isValueError(e: unknown): e is Error & { code: ValueErrorCode } {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (Object.values(ValueErrorCode) as string[]).includes(code);
}
