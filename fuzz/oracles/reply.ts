import { errorFromText, toErrorRecord, type ErrorRecord } from '../../bridge/wire/errors.js';
import { decodeCall, decodeResponse, type ResponseFrame } from '../../bridge/wire/frame.js';
import { Status } from '../../bridge/wire/protocol.js';
import { decodeValue } from '../../bridge/wire/values.js';
import type { Finding } from '../types.js';
import { isStackOverflow, normalize, recordFinding } from './errors.js';

/**
 * The reply oracle: every frame gets an answer that is a well-formed response of the dispatcher's
 * session, to the call id the frame carried (0 when the frame could not be decoded), whose status is
 * one of three and whose payload reads as that status says: a CBOR value, an error record (a CBOR
 * map, or on the legacy wire the text `<code>: <message>`) with a
 * code, or raw bytes.
 */

/** What a reply check learned, besides its findings. */
export interface ReplyFacts {
  response?: ResponseFrame;
  record?: ErrorRecord;
  /** Notes for the report: error answers built from exceptions no handler chose (answered, not crashes). */
  note?: string;
}

/** The id the dispatcher must answer `request` with. */
function expectedId(request: Uint8Array): number {
  try {
    return decodeCall(request).id;
  } catch {
    return 0;
  }
}

/** Checks one reply against its request; findings go to `out`. */
export function checkReply(request: Uint8Array, reply: Uint8Array, session: string, out: Finding[]): ReplyFacts {
  let response: ResponseFrame;
  try {
    response = decodeResponse(reply);
  } catch (e) {
    out.push({ oracle: 'reply', message: `reply does not decode: ${(e as Error).message}` });
    return {};
  }
  if (response.session !== session) out.push({ oracle: 'reply', message: `reply of session '${response.session}', expected '${session}'` });
  const id = expectedId(request);
  if (response.id !== id) out.push({ oracle: 'reply', message: `reply to call id ${response.id}, expected ${id}` });
  if (response.status === Status.Raw) return { response };
  if (response.status === Status.Error && !isCborMap(response.payload)) return textError(response, out);
  let value: unknown;
  try {
    value = decodeValue(response.payload);
  } catch (e) {
    out.push({ oracle: 'reply', message: `status ${response.status} payload does not decode: ${(e as Error).message}` });
    return { response };
  }
  if (response.status === Status.Ok) return { response };
  const record = toErrorRecord(value);
  if (record.code === 'ERR_BRIDGE_MALFORMED_ERROR') out.push({ oracle: 'reply', message: 'status 1 payload is not an error record' });
  const bounds = recordFinding(record);
  if (bounds) out.push(bounds);
  return { response, record, note: noteOf(record) };
}

/** A status-1 payload in CBOR starts with a map head; any other first byte is the text form. */
function isCborMap(payload: Uint8Array): boolean {
  const first = payload[0];
  return first !== undefined && first >= 0xa0 && first <= 0xbf;
}

/** Checks a status-1 answer in the legacy text form: UTF-8 `<code>: <message>`. */
function textError(response: ResponseFrame, out: Finding[]): ReplyFacts {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(response.payload);
  } catch {
    out.push({ oracle: 'reply', message: 'status 1 text payload is not UTF-8' });
    return { response };
  }
  if (!/^[A-Z][A-Z0-9_]*: /.test(text)) out.push({ oracle: 'reply', message: `status 1 text payload is not '<code>: <message>': ${normalize(text)}` });
  const record = errorFromText(text);
  const bounds = recordFinding(record);
  if (bounds) out.push(bounds);
  return { response, record, note: noteOf(record) };
}

/** A note for an answer made from an exception (code ERR_BRIDGE_HOST_FAILURE), or a stack overflow. */
function noteOf(record: ErrorRecord): string | undefined {
  const message = record.message ?? '';
  if (isStackOverflow(message)) return `answered after a stack overflow (${record.code})`;
  if (record.code !== 'ERR_BRIDGE_HOST_FAILURE') return undefined;
  return `answered an exception: ${record.name ?? 'Error'}: ${normalize(message)}`;
}
