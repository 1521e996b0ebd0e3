/**
 * v8-fs-bridge wire protocol: frame layout, status codes, codecs and the shared-memory channel.
 * Used by the host and bundled into the guest; imports nothing Node-specific.
 */
export { FrameType, Status, Method, Defaults, Offset, FieldSize, FieldMax } from './protocol.js';
export { encodeCallHeader, encodeResponseHeader, joinFrame, decodeCall, decodeCallHead, decodeResponse, decodeResponseHeader, FrameError } from './frame.js';
export { encodeValue, decodeValue, encodeArgs, decodeArgs } from './values.js';
export { buildError, decodeErrorRecord, encodeErrorRecord, errnoOf, isSystemCode, recordFromThrown, systemMessage, toErrorRecord } from './errors.js';
export { ChannelError, Control, Owner, Kind, GuestChannel, HostChannel, createChannelBuffer, WINDOW_OFFSET } from './channel.js';

export type { CallFrame, CallHead, ResponseFrame, ResponseHeader, FrameErrorKind } from './frame.js';
export type { ErrorRecord, ErrorName, ErrorConstructors } from './errors.js';
export type { Body, ByteSource, Reply, HostHandler } from './channel.js';
