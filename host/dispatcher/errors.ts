import { recordFromThrown, type ErrorName, type ErrorRecord } from '../../bridge/wire/errors.js';

/** Thrown by host handlers to answer with exactly this record (status 1). */
export class BridgeCallError extends Error {
  readonly record: ErrorRecord;
  constructor(record: ErrorRecord) {
    super(record.message ?? record.code);
    this.name = 'BridgeCallError';
    this.record = record;
  }
}

/** A Node internal error (`ERR_*`) for the guest, e.g. an argument a hostile guest got wrong. */
export function callError(code: string, name: ErrorName, message: string): BridgeCallError {
  return new BridgeCallError({ code, name, message });
}

/**
 * The record for an error a filesystem threw, with the paths replaced by the ones the guest gave
 * (Node reports paths as passed, not as resolved). Paths are set only where the error had them.
 */
export function fsErrorRecord(thrown: unknown, paths: { path?: string; dest?: string }): ErrorRecord {
  if (thrown instanceof BridgeCallError) return thrown.record;
  const record = recordFromThrown(thrown);
  if (record.path !== undefined && paths.path !== undefined) record.path = paths.path;
  if (record.dest !== undefined && paths.dest !== undefined) record.dest = paths.dest;
  return record;
}

/** The record to answer with for anything a handler threw. */
export function toRecord(thrown: unknown): ErrorRecord {
  return thrown instanceof BridgeCallError ? thrown.record : recordFromThrown(thrown);
}
