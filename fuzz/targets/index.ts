import { decodeResponse } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { encodeArgs } from '../../bridge/wire/values.js';
import type { Dispatcher } from '../../host/dispatcher/index.js';
import { createSandbox } from '../../host/sandbox/index.js';
import { callFrame } from '../generators/frames.js';
import type { GenContext } from '../generators/index.js';
import type { Case, Finding, FuzzLimits, Outcome } from '../types.js';
import { ChannelTarget } from './channel.js';
import { runCodec } from './codec.js';
import { DispatchTarget, type DispatchOptions } from './dispatch.js';
import { memoryWorld, PROBE_PATH, PROBE_TEXT } from './worlds.js';

export { runRace } from './race.js';
export { ChannelTarget } from './channel.js';
export { DispatchTarget } from './dispatch.js';

/** What the targets are built with. */
export interface TargetOptions extends Omit<DispatchOptions, 'limits'> {
  limits: FuzzLimits;
  /** Serve the mount target (a temporary directory; Linux). */
  mount: boolean;
  tamper?: (d: Dispatcher) => void;
}

/**
 * Another sandbox's session, over a file system of its own that no case touches: after everything
 * the fuzzed sessions went through, it must still answer a read exactly.
 */
class OtherSession {
  readonly #dispatcher: Dispatcher;

  constructor(limits: FuzzLimits) {
    const { vfs } = memoryWorld();
    const sandbox = createSandbox({ vfs, limits: { maxFileBytes: limits.maxFileBytes }, stdout: () => undefined, stderr: () => undefined, codeCache: false });
    this.#dispatcher = sandbox.createDispatcher('other');
    void this.#dispatcher.handle(callFrame('other', 1, Method.hello, encodeArgs([2])));
  }

  async probe(): Promise<Finding[]> {
    const r = decodeResponse(await this.#dispatcher.handle(callFrame('other', 9, Method.readFile, encodeArgs([PROBE_PATH]))));
    if (r.status === Status.Raw && Buffer.from(r.payload).toString() === PROBE_TEXT && r.id === 9) return [];
    return [{ oracle: 'recovery', message: `another session's read answered status ${r.status}` }];
  }
}

/** Every target of a run, built once. */
export class Targets {
  readonly memfs: DispatchTarget;
  readonly mount: DispatchTarget | undefined;
  readonly channel: ChannelTarget;
  readonly #other: OtherSession;
  readonly #limits: FuzzLimits;

  constructor(options: TargetOptions) {
    this.#limits = options.limits;
    this.memfs = new DispatchTarget('memfs', options, options.tamper);
    this.mount = options.mount ? new DispatchTarget('mount', options, options.tamper) : undefined;
    this.channel = new ChannelTarget(options.limits);
    this.#other = new OtherSession(options.limits);
  }

  /** What generators need to know for a case of `target`. */
  context(target: Case['target']): GenContext {
    const world = (target === 'mount' && this.mount ? this.mount : this.memfs).world;
    return { world, limits: this.#limits };
  }

  /** Serves one case. */
  async serve(c: Case): Promise<Outcome> {
    switch (c.target) {
      case 'codec':
        return runCodec(c.decoder, c.bytes, c.available);
      case 'memfs':
        return this.memfs.run(c.frames);
      case 'mount':
        if (!this.mount) return { findings: [], notes: [] };
        return this.mount.run(c.frames);
      case 'channel':
        return this.channel.run(c.window, c.steps);
      default: {
        const never: never = c;
        throw new TypeError(`unknown target ${JSON.stringify(never)}`);
      }
    }
  }

  /** Every probe: each fuzzed session reads correctly, nothing outside the mount changed, another session is unharmed. */
  async probe(): Promise<Finding[]> {
    const out = [...(await this.memfs.probe()), ...(await this.#other.probe())];
    if (this.mount) out.push(...(await this.mount.probe()), ...this.mount.checkJail());
    out.push(...(await this.channel.healthy()));
    return out;
  }

  close(): void {
    this.memfs.close();
    this.mount?.close();
    this.channel.close();
  }
}

/** Serves `c` alone on a fresh target (session wire `mode` for the dispatch targets), for replays and shrinking. */
export async function serveAlone(c: Case, options: TargetOptions, mode: number): Promise<Outcome> {
  switch (c.target) {
    case 'codec':
      return runCodec(c.decoder, c.bytes, c.available);
    case 'memfs':
    case 'mount': {
      const t = new DispatchTarget(c.target, options, options.tamper, mode);
      try {
        const outcome = await t.run(c.frames);
        outcome.findings.push(...(await t.probe()), ...t.checkJail());
        return outcome;
      } finally {
        t.close();
      }
    }
    case 'channel': {
      const t = new ChannelTarget(options.limits);
      try {
        return await t.run(c.window, c.steps);
      } finally {
        t.close();
      }
    }
    default: {
      const never: never = c;
      throw new TypeError(`unknown target ${JSON.stringify(never)}`);
    }
  }
}
