/**
 * v8-fs-bridge wire protocol: frame layout, status codes, codecs (wire/), the shared-memory channel
 * (channel/), structured host-function values (structured/) and the legacy bytes codec (legacy.ts).
 * Used by the host and bundled into the guest; imports nothing Node-specific.
 */
export { FrameType, Status, Method, Defaults, Offset, FieldSize, FieldMax } from './wire/index.js';
export { encodeCallHeader, encodeResponseHeader, joinFrame, decodeCall, decodeCallHead, decodeResponse, decodeResponseHeader, FrameError } from './wire/index.js';
export { encodeValue, decodeValue, encodeArgs, decodeArgs } from './wire/index.js';
export { buildError, decodeErrorRecord, encodeErrorRecord, encodeErrorText, errorFromText, errorText, errnoOf, isSystemCode, recordFromThrown, systemMessage, toErrorRecord, TEXT_ERROR_PREFIXES } from './wire/index.js';
export { ChannelError, Control, Owner, Kind, HostChannel, createChannelBuffer, fillBulk, WINDOW_OFFSET } from './channel/index.js';
export { GuestChannel } from './channel/index.js';
export { WireProtocol, ProtocolVersion } from './wire/index.js';
export {
  base64Length, decodeBase64, encodeBase64, encodeLegacy, fromLegacyBytes, isLegacyBytesTagged, LegacyBytesError,
  LEGACY_BYTES_TYPE, LEGACY_TYPE_KEY, MAX_LEGACY_DEPTH, reviveLegacy, toLegacyBytes,
} from './legacy.js';

export { HostFunctionMethod } from './wire/index.js';
export { decodeOutcome, decodeStructured, encodeOutcome, encodeStructured, isValueError, ValueErrorCode, valueError } from './structured/index.js';
export { Outcome, ValueTag } from './structured/tags.js';

export type { CallFrame, CallHead, ResponseFrame, ResponseHeader, FrameErrorKind } from './wire/index.js';
export type { ErrorRecord, ErrorName, ErrorConstructors } from './wire/index.js';
export type { Body, BulkReplies, ByteSource, Reply, HostHandler, HostWaitOptions } from './channel/index.js';
export type { TakeBulk } from './channel/index.js';
export type { Settled, ValueLimits, ValueRealm } from './structured/index.js';
export type { Classifier, Kind as ValueKind, Refusal } from './structured/kinds.js';
export type { LegacyBytes } from './legacy.js';
