/**
 * The fuzzer's vocabulary: a case (what one generated input is and where it goes), a finding (an
 * oracle that did not hold) and the limits the targets are configured with.
 */

/** Where a case is served. */
export type TargetName = 'codec' | 'memfs' | 'mount' | 'channel';

/** The decoders the codec target calls directly. */
export type Decoder = 'call' | 'call-head' | 'response' | 'response-header' | 'args' | 'value' | 'structured' | 'outcome' | 'legacy' | 'base64';

/** One message a scripted guest sends through the shared-memory channel. */
export type Step =
  /** A whole request, chunked as the guest bridge chunks it; a reply is due. */
  | { do: 'call'; frame: Uint8Array }
  /** One message of any kind, with a length word that may lie, and the window contents. */
  | { do: 'post'; kind: number; bytes: Uint8Array; length?: number; then?: { at: number; bytes: Uint8Array } }
  /** A request whose reply the guest reads, misbehaving at reply chunk `at` by posting `kind`. */
  | { do: 'bad-reply-read'; frame: Uint8Array; at: number; kind: number };

/** One generated input. */
export type Case =
  | { target: 'codec'; category: string; decoder: Decoder; bytes: Uint8Array; available?: number }
  | { target: 'memfs' | 'mount'; category: string; frames: Uint8Array[] }
  | { target: 'channel'; category: string; window: number; steps: Step[] };

/** The oracles; a finding names the one that failed. */
export type OracleName =
  /** The dispatcher (or a decoder) threw or rejected instead of answering. */
  | 'throw'
  /** A reply that is not a well-formed answer to the frame (wrong id, session, status, payload). */
  | 'reply'
  /** A RangeError from a typed array or DataView: something read or wrote out of bounds. */
  | 'oob'
  /** A decoder threw something that is not its documented error. */
  | 'codec'
  /** A buffer or string larger than the frame's bound was allocated. */
  | 'alloc'
  /** Process memory jumped by more than the bound allows while one frame was served. */
  | 'memory'
  /** Something outside the mount changed. */
  | 'escape'
  /** An answer carried bytes from outside the mount. */
  | 'leak'
  /** No answer, and no end of the session, within the time allowed. */
  | 'hang'
  /** A valid call was answered wrongly after the case (the host or another session was harmed). */
  | 'recovery'
  /** The channel ended for a reason other than the guest breaking its protocol. */
  | 'broken'
  /** One frame took longer than the time allowed. */
  | 'slow'
  /** An exception or rejection nobody handled, while the case ran. */
  | 'uncaught';

/** An oracle that failed on a case. */
export interface Finding {
  oracle: OracleName;
  message: string;
}

/** What serving one case showed: the oracles that failed, and notes for the report (counted, not crashes). */
export interface Outcome {
  findings: Finding[];
  notes: string[];
}

/** The limits every target is configured with (small, so that a breach is cheap to see). */
export interface FuzzLimits {
  /** limits.maxFileBytes of the sandbox. */
  maxFileBytes: number;
  /** The largest request frame the channel accepts: requestLimit(maxFileBytes). */
  maxRequestBytes: number;
  /** The largest buffer an answer's encoding may take (see oracles/alloc.ts): 32 times maxFileBytes. */
  maxAnswerBytes: number;
  /** Windows of the channels, in bytes. */
  windows: readonly number[];
}
