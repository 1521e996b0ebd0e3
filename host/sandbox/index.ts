import { performance } from 'node:perf_hooks';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { fillBulk, HostChannel, type BulkReplies, type ChannelError } from '../../bridge/channel/host.js';
import { decodeResponseHeader } from '../../bridge/wire/frame.js';
import { materialize, type DispatchedReply, type Handler } from '../dispatcher/index.js';
import { createFsDispatcher, type FsDispatcher } from '../embedding/index.js';
import { hostFunctionHandlers } from '../host-functions/index.js';
import { requestLimit, sandboxProtocols } from '../dispatcher/legacy.js';
import { resolveLimits, type ResolvedLimits, type SandboxOptions, type TraceEntry } from './options.js';
import { assets } from './paths.js';
import { guestConfig } from '../guest/config.js';
import { createMemoryVfs, type Vfs } from '../vfs/index.js';
import { createMountVfs } from '../vfs/mount/index.js';
import { bundleCache, keepBundleCache } from './bundle-cache.js';
import { CodeCache, sharedCodeCache } from '../modules/code-cache.js';

/** How a run ended. */
export interface RunResult {
  /** The guest's exit status, as Node's would be (124 on timeout or past the busy-time limit, 134 when out of memory). */
  exitCode: number;
  /**
   * Set when the host ended the run: `timeout` (wall time), `cpu` (busy time), `oom`, or `protocol`
   * (the guest broke the channel).
   */
  terminated?: 'timeout' | 'cpu' | 'oom' | 'protocol';
}

/** Options of one run. */
export interface RunOptions {
  /**
   * The script's path as the guest sees it (stack traces, `__filename`, `process.argv[1]`, and where
   * its relative imports start). Its extension and the nearest package.json decide, as in Node,
   * whether it is CommonJS or an ES module. Default `/main.js`.
   */
  filename?: string;
  /** Arguments after the script, as `process.argv.slice(2)`. */
  args?: string[];
  /** The guest's working directory (`process.cwd()`, where relative module paths start). Default `/`. */
  cwd?: string;
}

/** Options of `runFile`. */
export type RunFileOptions = Omit<RunOptions, 'filename'>;

let sessions = 0;

/** A sandbox: a filesystem plus limits; each `run` is a fresh Worker (its own V8 isolate). */
export class Sandbox {
  /** The filesystem the guest sees; the host may read and write it between and during runs. */
  readonly vfs: Vfs;
  readonly limits: ResolvedLimits;
  /** V8 code caches of the guest's modules, kept across runs (SandboxOptions.codeCache). */
  readonly codeCache: CodeCache | undefined;
  readonly #options: SandboxOptions;
  readonly #hostFunctions: Record<string, Handler>;

  constructor(options: SandboxOptions = {}) {
    this.#options = options;
    if (options.vfs !== undefined && options.mount !== undefined) throw new TypeError('options.vfs and options.mount cannot be used together');
    this.vfs = options.vfs ?? (options.mount !== undefined ? createMountVfs(options.mount) : createMemoryVfs());
    this.limits = resolveLimits(options.limits);
    this.codeCache = options.codeCache === false ? undefined : (options.codeCache ?? sharedCodeCache);
    this.#hostFunctions = hostFunctionHandlers(options.hostFunctions, this.limits);
    sandboxProtocols(options);
  }

  /** Runs guest `source` to completion as the file `options.filename` (which need not exist in the filesystem). */
  run(source: string, options: RunOptions = {}): Promise<RunResult> {
    return new Run(this, this.#options, source, options).done;
  }

  /**
   * Runs the guest file at `path` (absolute, or relative to `options.cwd`) as `node path` would:
   * found with Node's extension probing, loaded as CommonJS or as an ES module by Node's rules.
   */
  runFile(path: string, options: RunFileOptions = {}): Promise<RunResult> {
    if (typeof path !== 'string' || path === '') throw new TypeError('runFile takes a guest path');
    return new Run(this, this.#options, undefined, { ...options, filename: path }).done;
  }

  /**
   * The dispatcher of one run: fs methods and console output over this sandbox's filesystem (within
   * the run's budget), and the embedder's methods and host functions. The run closes it when it ends.
   */
  createDispatcher(session: string): FsDispatcher {
    const o = this.#options;
    const d = createFsDispatcher(session, { vfs: this.vfs, limits: o.limits, protocol: sandboxProtocols(o).dispatcher, stdout: o.stdout, stderr: o.stderr });
    for (const [name, fn] of Object.entries(o.methods ?? {})) d.register(name, fn);
    for (const [name, fn] of Object.entries(this.#hostFunctions)) d.register(name, fn);
    return d;
  }
}

/** A buffer of its own (never pooled, never shared) until it is transferred: see BulkReplies. */
const allocateBulk: BulkReplies['allocate'] = (size, zeroed) => (zeroed ? new Uint8Array(size) : Buffer.allocUnsafeSlow(size));

/** Moves `bytes` (which own their whole buffer) to the other end of `port`. */
function transfer(port: MessagePort, bytes: Uint8Array): void {
  port.postMessage(bytes.buffer, [bytes.buffer as ArrayBuffer]);
}

/** One Worker's lifetime: the channel, the async port, the limits, and the exit. */
class Run {
  readonly done: Promise<RunResult>;
  readonly #sandbox: Sandbox;
  readonly #options: SandboxOptions;
  readonly #dispatcher: FsDispatcher;
  readonly #worker: Worker;
  readonly #port: MessagePort;
  /** Large blocking-reply payloads are transferred through this port (HostChannel's BulkReplies). */
  readonly #bulkPort: MessagePort;
  /** Large async-reply payloads are transferred through this one, just before their header. */
  readonly #asyncBulkPort: MessagePort;
  #channel: HostChannel | undefined;
  #terminated: RunResult['terminated'];
  #timer: NodeJS.Timeout | undefined;
  #cpuTimer: NodeJS.Timeout | undefined;

  constructor(sandbox: Sandbox, options: SandboxOptions, source: string | undefined, run: RunOptions) {
    this.#sandbox = sandbox;
    this.#options = options;
    const session = `s${++sessions}`;
    const limits = sandbox.limits;
    this.#dispatcher = sandbox.createDispatcher(session);
    const config = guestConfig({
      session,
      windowBytes: limits.windowBytes,
      maxFileBytes: limits.maxFileBytes,
      spinIterations: limits.spinIterations,
      protocol: sandboxProtocols(options).guest,
      filename: run.filename,
      source,
      cwd: run.cwd,
      args: run.args,
      env: options.env,
    });
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    const bulk = new MessageChannel();
    this.#bulkPort = bulk.port1;
    const asyncBulk = new MessageChannel();
    this.#asyncBulkPort = asyncBulk.port1;
    this.#worker = new Worker(assets.worker, {
      workerData: { bundlePath: assets.guestBundle, bundleCache: bundleCache(), config, codeCache: sandbox.codeCache?.snapshot(), port: port2, bulkPort: bulk.port2, asyncBulkPort: asyncBulk.port2 },
      transferList: [port2, bulk.port2, asyncBulk.port2],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, limits.heapMb / 8)) },
      env: {},
      argv: [],
      // V8's module records (vm.SourceTextModule) for the guest's ES modules; their warning is not the guest's.
      execArgv: ['--experimental-vm-modules', '--no-warnings'],
      stdout: false,
      stderr: false,
    });
    this.done = this.#watch();
  }

  #watch(): Promise<RunResult> {
    const limits = this.#sandbox.limits;
    return new Promise<RunResult>((resolve) => {
      this.#worker.on('message', (m: unknown) => this.#onMessage(m));
      this.#port.on('message', (m: unknown) => void this.#onAsync(m));
      this.#worker.on('error', (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') this.#end('oom', `guest ran out of memory (heap limit ${limits.heapMb} MiB)`);
        else this.#stderr(`v8-fs-bridge: guest worker failed: ${e.message}\n`);
      });
      this.#worker.on('exit', (code) => {
        this.#channel?.close();
        this.#dispatcher.close();
        this.#port.close();
        this.#bulkPort.close();
        this.#asyncBulkPort.close();
        clearTimeout(this.#timer);
        clearTimeout(this.#cpuTimer);
        const t = this.#terminated;
        const exitCode = t === 'timeout' || t === 'cpu' ? 124 : t === 'oom' ? 134 : t === 'protocol' ? 1 : code;
        resolve(t ? { exitCode, terminated: t } : { exitCode });
      });
      if (limits.timeoutMs > 0) this.#timer = setTimeout(() => this.#end('timeout', `guest timed out after ${limits.timeoutMs} ms`), limits.timeoutMs);
      if (limits.cpuMs > 0) this.#watchBusyTime(limits.cpuMs);
    });
  }

  /**
   * Ends the run once the guest's thread has been busy for `limit` ms. Busy time cannot grow faster
   * than wall time, so the next look is due no sooner than the time left: an idle sandbox is looked
   * at a handful of times, never polled.
   */
  #watchBusyTime(limit: number): void {
    const look = () => {
      const busy = this.#worker.performance.eventLoopUtilization().active;
      if (busy >= limit) return this.#end('cpu', `guest was busy for more than ${limit} ms (CPU time limit)`);
      this.#cpuTimer = setTimeout(look, Math.max(10, limit - busy)).unref();
    };
    this.#cpuTimer = setTimeout(look, limit).unref();
  }

  #stderr(text: string): void {
    (this.#options.stderr ?? ((b: Uint8Array) => process.stderr.write(b)))(Buffer.from(text));
  }

  /** Ends the run from the host side, once. */
  #end(reason: NonNullable<RunResult['terminated']>, message: string): void {
    if (this.#terminated) return;
    this.#terminated = reason;
    this.#stderr(`v8-fs-bridge: ${message}\n`);
    void this.#worker.terminate();
  }

  #onMessage(m: unknown): void {
    const msg = m as { type?: unknown; buffer?: unknown; entries?: unknown };
    if (msg?.type === 'bundle-cache') {
      keepBundleCache((msg as { data?: unknown }).data);
      return;
    }
    if (msg?.type === 'code-cache' && Array.isArray(msg.entries)) {
      for (const entry of msg.entries as unknown[]) if (Array.isArray(entry)) this.#sandbox.codeCache?.add(entry[0], entry[1]);
      return;
    }
    if (msg?.type !== 'channel' || !(msg.buffer instanceof SharedArrayBuffer) || this.#channel) return;
    const limits = this.#sandbox.limits;
    // A request may carry a whole file (as base64, from an old guest) plus its path and options.
    const maxRequest = requestLimit(limits.maxFileBytes);
    this.#channel = new HostChannel(
      msg.buffer,
      {
        serve: (request) => this.#traced(request, 'sync'),
        refuse: (head, declared) => this.#dispatcher.refuse(head, declared, limits.maxFileBytes),
        broken: (e: ChannelError) => this.#end('protocol', `guest broke the channel protocol: ${e.message}`),
        unreadable: (header, e) => this.#dispatcher.failure(decodeResponseHeader(header).id, '', 0, e),
      },
      maxRequest,
      { spinMicros: limits.hostSpinMicros, now: () => performance.now() },
      limits.bulkBytes > 0 ? { minBytes: limits.bulkBytes, allocate: allocateBulk, send: (bytes) => transfer(this.#bulkPort, bytes) } : undefined,
    );
    void this.#channel.run();
  }

  #traced(request: Uint8Array, transport: TraceEntry['transport']): Promise<DispatchedReply> {
    const trace = this.#options.trace;
    if (!trace) return this.#dispatcher.reply(request);
    const start = performance.now();
    return this.#dispatcher.reply(request).then((reply) => {
      const { id, method, status, requestBytes, responseBytes } = reply;
      trace({ id, method, status, requestBytes, responseBytes, micros: Math.round((performance.now() - start) * 1000), transport });
      return reply;
    });
  }

  async #onAsync(m: unknown): Promise<void> {
    if (!(m instanceof Uint8Array)) return;
    if (m.length > requestLimit(this.#sandbox.limits.maxFileBytes)) {
      this.#end('protocol', `async request of ${m.length} bytes is over the limit`);
      return;
    }
    const reply = await this.#traced(m, 'async');
    const bulkBytes = this.#sandbox.limits.bulkBytes;
    let frame: Uint8Array;
    let payload: Uint8Array | undefined;
    try {
      if (bulkBytes > 0 && reply.responseBytes >= bulkBytes) {
        // The payload goes first, moved whole; the header alone tells the Worker to take it.
        try {
          payload = await fillBulk(reply.body, allocateBulk);
        } finally {
          if (!(reply.body instanceof Uint8Array)) reply.body.close?.();
        }
        frame = reply.header.slice();
      } else {
        frame = await materialize(reply);
      }
    } catch (e) {
      // The body could not be read (a file cut short under the reader): the call fails instead.
      payload = undefined;
      frame = await materialize(this.#dispatcher.failure(reply.id, reply.method, reply.requestBytes, e));
    }
    try {
      if (payload) transfer(this.#asyncBulkPort, payload);
      transfer(this.#port, frame);
    } catch {
      // The worker has gone; nobody is waiting for this reply.
    }
  }
}

/** Creates a sandbox. See SandboxOptions for the defaults. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options);
}
