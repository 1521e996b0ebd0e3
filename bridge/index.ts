/**
 * v8-fs-bridge wire protocol: frame layout, status codes, codecs and the shared-memory channel.
 * Used by the host and bundled into the guest; imports nothing Node-specific.
 */
export { FrameType, Status, Method, Defaults, Offset, FieldSize, FieldMax } from './protocol.js';
export { encodeCallHeader, encodeResponseHeader, joinFrame, decodeCall, decodeCallHead, decodeResponse, decodeResponseHeader, FrameError } from './frame.js';
export { encodeValue, decodeValue, encodeArgs, decodeArgs } from './values.js';
export { buildError, decodeErrorRecord, encodeErrorRecord, errnoOf, isSystemCode, recordFromThrown, systemMessage, toErrorRecord } from './errors.js';
export { ChannelError, Control, Owner, Kind, HostChannel, createChannelBuffer, fillBulk, WINDOW_OFFSET } from './channel.js';
export { GuestChannel } from './guest-channel.js';
export { WireProtocol, ProtocolVersion } from './protocol.js';
export {
  base64Length, decodeBase64, encodeBase64, encodeLegacy, fromLegacyBytes, isLegacyBytesTagged, LegacyBytesError,
  LEGACY_BYTES_TYPE, LEGACY_TYPE_KEY, MAX_LEGACY_DEPTH, reviveLegacy, toLegacyBytes,
} from './legacy.js';

export { HostFunctionMethod } from './protocol.js';
export { decodeOutcome, decodeStructured, encodeOutcome, encodeStructured, isValueError, ValueErrorCode, valueError } from './structured.js';
export { Outcome, ValueTag } from './structured-tags.js';

export type { CallFrame, CallHead, ResponseFrame, ResponseHeader, FrameErrorKind } from './frame.js';
export type { ErrorRecord, ErrorName, ErrorConstructors } from './errors.js';
export type { Body, BulkReplies, ByteSource, Reply, HostHandler, HostWaitOptions } from './channel.js';
export type { TakeBulk } from './guest-channel.js';
export type { Settled, ValueLimits, ValueRealm } from './structured.js';
export type { Classifier, Kind as ValueKind, Refusal } from './structured-kinds.js';
export type { LegacyBytes } from './legacy.js';
