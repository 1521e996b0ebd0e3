import { Method } from '../../bridge/wire/protocol.js';
import { Dispatcher } from '../dispatcher/index.js';
import { BridgeCallError, callError } from '../dispatcher/errors.js';
import type { DispatcherProtocol } from '../dispatcher/legacy.js';
import { FdTable, fsHandlers } from '../fs/index.js';
import { WatchTable, watchHandlers } from '../fs/watch/index.js';
import { resolveLimits, type Limits, type ResolvedLimits } from '../sandbox/options.js';
import { createMemoryVfs, type Vfs } from '../vfs/index.js';
import { budgetedVfs } from '../vfs/quota.js';

/**
 * The host side for an embedder with its own isolate and transport: one session's Dispatcher
 * serving every fs method of this project over any Vfs, with the descriptor table, the limits and
 * the output budget a Sandbox run has. The embedder hands it the guest's call frames and sends back
 * what it answers; when the session ends it calls `close()`.
 */

/** Options of createFsDispatcher. */
export interface FsDispatcherOptions {
  /** The filesystem served; default a new in-memory one. A mount (createMountVfs) works as well. */
  vfs?: Vfs;
  /** How binary data is answered (default `raw`; `negotiate` as a Sandbox; `legacy` as an old host). */
  protocol?: DispatcherProtocol;
  /** The same limits as SandboxOptions.limits (file size, filesystem budget, output, ...). */
  limits?: Limits;
  /** Where the guest's writes to descriptor 1 (process.stdout) go; default the host's stdout. */
  stdout?: (bytes: Uint8Array) => void;
  /** Where the guest's writes to descriptor 2 go; default the host's stderr. */
  stderr?: (bytes: Uint8Array) => void;
  /** Told once when the guest's output reaches `limits.maxOutputBytes` (default: a line on `stderr`). */
  onOutputLimit?: (maxBytes: number) => void;
}

/** A Dispatcher of one session's fs, with what the embedder must do at the end of the session. */
export class FsDispatcher extends Dispatcher {
  /** The session's open descriptors (guest descriptors name only entries of this table). */
  readonly descriptors: FdTable;
  /** The session's watchers (fs.watch), at most `limits.maxWatchers`. */
  readonly watches: WatchTable;
  /** The limits in force, defaults filled in. */
  readonly limits: ResolvedLimits;
  /** The filesystem as this session writes it: the Vfs given, within the session's budget. */
  readonly vfs: Vfs;

  constructor(session: string, options: FsDispatcherOptions = {}) {
    const limits = resolveLimits(options.limits);
    // What this session may add to the filesystem (bytes and entries, net of what it removes).
    const served = options.vfs ?? createMemoryVfs();
    const vfs = budgetedVfs(served, { maxBytes: limits.maxFsBytes, maxEntries: limits.maxFsEntries });
    const descriptors = new FdTable(vfs);
    // Watchers see the filesystem itself: the budget only counts what the session adds.
    const watches = new WatchTable(served, limits);
    super(session, { ...fsHandlers(vfs, limits, descriptors), ...watchHandlers(watches) }, { protocol: options.protocol ?? 'raw' });
    this.descriptors = descriptors;
    this.watches = watches;
    this.limits = limits;
    this.vfs = vfs;
    const [out, err] = outputSinks(options, limits.maxOutputBytes);
    descriptors.attachStdio(out, err);
    this.register(Method.write, (args) => {
      const [fd, bytes] = args;
      if ((fd !== 1 && fd !== 2) || !(bytes instanceof Uint8Array)) throw callError('ERR_INVALID_ARG_TYPE', 'TypeError', 'process.write takes (1 | 2, bytes)');
      (fd === 1 ? out : err)(new Uint8Array(bytes));
      return undefined;
    });
  }

  /** Ends the session: closes every descriptor and watcher the guest left open. Call it once the guest is gone. */
  close(): void {
    this.descriptors.closeAll();
    this.watches.closeAll();
  }
}

/** A Dispatcher serving every fs method over `options.vfs` for `session` (see FsDispatcher). */
export function createFsDispatcher(session: string, options: FsDispatcherOptions = {}): FsDispatcher {
  if (typeof session !== 'string' || session.length === 0 || Buffer.byteLength(session) > 255) {
    throw new TypeError('session must be a non-empty string of at most 255 bytes');
  }
  return new FsDispatcher(session, options);
}

/**
 * The guest's stdout and stderr sinks for one session, sharing a budget of `maxBytes` (0: none). A
 * write past it fails with ENOSPC, and the embedder is told once.
 */
function outputSinks(options: FsDispatcherOptions, maxBytes: number): [(b: Uint8Array) => void, (b: Uint8Array) => void] {
  const out = options.stdout ?? ((b: Uint8Array) => void process.stdout.write(b));
  const err = options.stderr ?? ((b: Uint8Array) => void process.stderr.write(b));
  if (maxBytes === 0) return [out, err];
  const told =
    options.onOutputLimit ?? ((max: number) => err(Buffer.from(`v8-fs-bridge: the guest's output reached its limit of ${max} bytes; further output is refused\n`)));
  let left = maxBytes;
  let reached = false;
  const budgeted = (sink: (b: Uint8Array) => void) => (bytes: Uint8Array) => {
    if (bytes.length > left) {
      if (!reached) {
        reached = true;
        told(maxBytes);
      }
      throw new BridgeCallError({ code: 'ENOSPC', syscall: 'write' });
    }
    left -= bytes.length;
    sink(bytes);
  };
  return [budgeted(out), budgeted(err)];
}
