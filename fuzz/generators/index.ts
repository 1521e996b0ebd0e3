import { encodeStructured } from '../../bridge/structured/index.js';
import { Kind } from '../../bridge/channel/host.js';
import { HostFunctionMethod, Method, Status } from '../../bridge/wire/protocol.js';
import { encodeArgs, encodeValue } from '../../bridge/wire/values.js';
import { hostRealm } from '../../host/host-functions/index.js';
import { mutate, crossover } from '../mutators/index.js';
import type { Rng } from '../random/index.js';
import type { Case, Decoder, FuzzLimits, Step, TargetName } from '../types.js';
import { callArgs, METHODS, UNKNOWN_METHODS, type World } from './calls.js';
import { argsPayload, deep, head, item, Out, textBytes } from './cbor.js';
import { callFrame, fieldsOf, fixLength, lyingCall, responseFrame } from './frames.js';
import { base64Text, legacyValue } from './legacy.js';
import { badStructured, structuredValue } from './structured.js';

export { COMMON_PATHS, METHODS, type World } from './calls.js';

/** The session id of the fuzzed dispatcher; frames for any other session must be refused. */
export const SESSION = 'fz';

/** The host function every target registers: it returns its arguments. */
export const ECHO = 'echo';

/** What generators know about the target a case is for. */
export interface GenContext {
  world: World;
  limits: FuzzLimits;
}

/** A category: where its cases go, how often it is drawn, and how a case is made. */
export interface Category {
  target: TargetName;
  weight: number;
  make(rng: Rng, ctx: GenContext): Omit<Case, 'category' | 'target'>;
}

const id = (rng: Rng): number => (rng.chance(0.8) ? rng.int(1, 2 ** 53 - 1) : rng.pick([0, 1, 2, 2 ** 53 - 1]));
const sessionOf = (rng: Rng): string => (rng.chance(0.98) ? SESSION : rng.pick(['other', 'fz2', 'f', 's1']));

/** A frame the real encoder writes for a generated call to a real method. */
function validCall(rng: Rng, ctx: GenContext, method = rng.pick(METHODS)): Uint8Array {
  return callFrame(sessionOf(rng), id(rng), method, encodeArgs(callArgs(rng, ctx.world, method)));
}

/** A host function call: a structured argument array, valid or not. */
function hostFunctionCall(rng: Rng): Uint8Array {
  const limits = { maxDepth: 500, maxBytes: 1 << 20 };
  let payload: Uint8Array;
  if (rng.chance(0.5)) {
    try {
      payload = encodeStructured([structuredValue(rng)], hostRealm, limits);
    } catch {
      payload = badStructured(rng);
    }
    if (rng.chance(0.4)) payload = mutate(rng, payload);
  } else {
    payload = badStructured(rng);
  }
  const method = rng.chance(0.95) ? HostFunctionMethod.prefix + ECHO : rng.pick([HostFunctionMethod.list, `${HostFunctionMethod.prefix}nope`]);
  return callFrame(SESSION, id(rng), method, encodeArgs(rng.chance(0.9) ? [payload] : [payload, payload]));
}

/** A path argument written as raw CBOR text with bad UTF-8 in it. */
function badUtf8Call(rng: Rng, ctx: GenContext): Uint8Array {
  const out = new Out();
  const method = rng.pick(METHODS);
  const n = rng.int(1, 4);
  head(out, 4, n);
  for (let i = 0; i < n; i++) {
    if (i === 0 || rng.chance(0.3)) {
      const prefix = new TextEncoder().encode(rng.pick(ctx.world.paths));
      const bad = textBytes(rng, false);
      head(out, 3, prefix.length + bad.length);
      out.append(prefix);
      out.append(bad);
    } else {
      item(rng, out, 1, false);
    }
  }
  return callFrame(SESSION, id(rng), method, out.done());
}

const dispatchCategories = (target: 'memfs' | 'mount', scale: number): Record<string, Category> => ({
  [`${target} call.valid`]: { target, weight: 30 * scale, make: (rng, ctx) => ({ frames: [validCall(rng, ctx)] }) },
  [`${target} call.mutated`]: {
    target,
    weight: 24 * scale,
    make: (rng, ctx) => {
      const base = validCall(rng, ctx);
      // Mostly in the arguments (the header kept, the length fixed), so the mutation reaches the CBOR decoder.
      const from = rng.chance(0.8) ? Math.min(base.length, 16) : 0;
      let frame = rng.chance(0.1) ? crossover(rng, base, validCall(rng, ctx)) : mutate(rng, base, from);
      if (rng.chance(0.7)) frame = fixLength(frame);
      return { frames: [frame] };
    },
  },
  [`${target} call.header`]: {
    target,
    weight: 8 * scale,
    make: (rng, ctx) => {
      const method = rng.pick(METHODS);
      const f = fieldsOf(SESSION, id(rng), method, encodeArgs(callArgs(rng, ctx.world, method)));
      return { frames: [lyingCall(rng, f, { window: rng.pick(ctx.limits.windows), request: ctx.limits.maxRequestBytes })] };
    },
  },
  [`${target} call.unknown`]: { target, weight: 3 * scale, make: (rng, ctx) => ({ frames: [validCall(rng, ctx, rng.pick(UNKNOWN_METHODS))] }) },
  [`${target} call.cbor`]: {
    target,
    weight: 12 * scale,
    make: (rng) => ({ frames: [callFrame(SESSION, id(rng), rng.pick(METHODS), argsPayload(rng, true))] }),
  },
  [`${target} call.deep`]: {
    target,
    weight: 1 * scale,
    make: (rng) => ({ frames: [callFrame(SESSION, id(rng), rng.pick(METHODS), deep(rng, rng.pick([100, 999, 1001, 2000, 5000, 50_000])))] }),
  },
  [`${target} call.utf8`]: { target, weight: 4 * scale, make: (rng, ctx) => ({ frames: [badUtf8Call(rng, ctx)] }) },
  [`${target} call.legacy`]: {
    target,
    weight: 4 * scale,
    make: (rng, ctx) => {
      const method = rng.pick([Method.writeFile, Method.writeFileBinary, Method.fdWrite, Method.write, rng.pick(METHODS)]);
      const args = callArgs(rng, ctx.world, method);
      args[method === Method.readFile || method === Method.writeFile || method === Method.writeFileBinary ? 1 : rng.below(args.length + 1)] = legacyValue(rng);
      return { frames: [callFrame(SESSION, id(rng), method, encodeArgs(args))] };
    },
  },
  [`${target} call.hostfn`]: { target, weight: 4 * scale, make: (rng) => ({ frames: [hostFunctionCall(rng)] }) },
  [`${target} call.ids`]: {
    target,
    weight: 2 * scale,
    make: (rng, ctx) => {
      // Several calls in flight at once, sharing ids (repeated, stale, zero): each answer must be its own call's.
      const shared = id(rng);
      const n = rng.int(2, 6);
      return { frames: Array.from({ length: n }, () => callFrame(SESSION, rng.chance(0.6) ? shared : id(rng), rng.pick(METHODS), encodeArgs(callArgs(rng, ctx.world, Method.readFile)))) };
    },
  },
});

const CALL_DECODERS: readonly Decoder[] = ['call', 'call-head', 'call'];
const RESPONSE_DECODERS: readonly Decoder[] = ['response', 'response-header'];

const codecCategories: Record<string, Category> = {
  'codec frame': {
    target: 'codec',
    weight: 6,
    make: (rng, ctx) => {
      let bytes: Uint8Array;
      const r = rng.below(3);
      if (r === 0) bytes = rng.bytes(rng.size(64));
      else if (r === 1) bytes = mutate(rng, validCall(rng, ctx));
      else bytes = lyingCall(rng, fieldsOf(SESSION, id(rng), rng.pick(METHODS), argsPayload(rng, false)), { window: 4096, request: ctx.limits.maxRequestBytes });
      return { decoder: rng.pick(CALL_DECODERS), bytes, available: rng.chance(0.3) ? rng.int(0, bytes.length + 2) : undefined };
    },
  },
  'codec response': {
    target: 'codec',
    weight: 3,
    make: (rng) => {
      const status = rng.pick([Status.Ok, Status.Error, Status.Raw]);
      const frame = mutate(rng, responseFrame(sessionOf(rng), id(rng), status, rng.bytes(rng.size(64))));
      return { decoder: rng.pick(RESPONSE_DECODERS), bytes: frame, available: rng.chance(0.3) ? rng.int(0, frame.length + 2) : undefined };
    },
  },
  'codec values': {
    target: 'codec',
    weight: 8,
    make: (rng) => {
      const r = rng.below(4);
      const bytes = r === 0 ? mutate(rng, encodeArgs([rng.pick(['/p', 1, null]), rng.bytes(rng.size(32)), { a: [1, 'x'] }])) : r === 1 ? deep(rng, rng.pick([500, 2000, 10_000])) : argsPayload(rng, true);
      return { decoder: rng.chance(0.7) ? 'args' : 'value', bytes };
    },
  },
  'codec structured': {
    target: 'codec',
    weight: 4,
    make: (rng) => {
      let bytes: Uint8Array;
      try {
        bytes = encodeStructured(structuredValue(rng), hostRealm, { maxDepth: 500, maxBytes: 1 << 20 });
      } catch {
        bytes = badStructured(rng);
      }
      if (rng.chance(0.6)) bytes = rng.chance(0.5) ? mutate(rng, bytes) : badStructured(rng);
      return { decoder: rng.chance(0.8) ? 'structured' : 'outcome', bytes };
    },
  },
  'codec legacy': {
    target: 'codec',
    weight: 4,
    make: (rng) => (rng.chance(0.5) ? { decoder: 'legacy', bytes: encodeValue([legacyValue(rng)]) } : { decoder: 'base64', bytes: new TextEncoder().encode(base64Text(rng)) }),
  },
};

/** A request the channel must refuse from its first chunk: it declares more than the limit. */
function oversize(rng: Rng, ctx: GenContext, window: number): Step[] {
  const declared = rng.pick([ctx.limits.maxRequestBytes + 1, 0x7fffffff, 0xffffffff - 4, 0xfffffffb]);
  const frame = validCall(rng, ctx).slice(0, window);
  new DataView(frame.buffer).setUint32(0, Math.min(declared - 4, 0xffffffff));
  return [{ do: 'post', kind: rng.pick([Kind.Chunk, Kind.Last]), bytes: frame }];
}

/** A random sequence of messages: wrong kinds, lengths past the window, chunks that overrun or stop short. */
function hostileSteps(rng: Rng, ctx: GenContext, window: number): Step[] {
  const steps: Step[] = [];
  const n = rng.int(1, 5);
  for (let i = 0; i < n; i++) {
    const frame = validCall(rng, ctx);
    const bytes = rng.chance(0.5) ? frame.slice(0, window) : rng.bytes(rng.size(Math.min(window, 256)));
    const kind = rng.chance(0.6) ? rng.pick([Kind.Chunk, Kind.Last]) : rng.pick([0, Kind.Next, Kind.Ack, Kind.Reply, Kind.ReplyLast, Kind.ReplyBulk, 8, -1, 0x7fffffff]);
    const length = rng.chance(0.5) ? undefined : rng.pick([0, 1, 3, 4, window, window + 1, -1, 0x7fffffff, bytes.length + 1]);
    steps.push({ do: 'post', kind, bytes, length });
  }
  return steps;
}

/** A message whose window or length word is rewritten after it is posted, before the host reads it. */
function interleaved(rng: Rng, ctx: GenContext, window: number): Step[] {
  const frame = validCall(rng, ctx);
  const bytes = frame.slice(0, window);
  const at = rng.below(Math.min(bytes.length, 64));
  const kind = frame.length <= window ? Kind.Last : Kind.Chunk;
  return [{ do: 'post', kind, bytes, then: { at, bytes: rng.chance(0.5) ? rng.bytes(rng.int(1, 8)) : Uint8Array.of(0xff, 0xff, 0xff, 0xff) } }];
}

function withWindow(rng: Rng, ctx: GenContext, steps: (rng: Rng, ctx: GenContext, window: number) => Step[]): { window: number; steps: Step[] } {
  const window = rng.pick(ctx.limits.windows);
  return { window, steps: steps(rng, ctx, window) };
}

const channelCategories: Record<string, Category> = {
  'channel call': {
    target: 'channel',
    weight: 2,
    make: (rng, ctx) => {
      const frame = rng.chance(0.2) ? callFrame(SESSION, id(rng), Method.readFile, encodeArgs([rng.pick(ctx.world.paths)])) : validCall(rng, ctx);
      return { window: rng.pick(ctx.limits.windows), steps: [{ do: 'call', frame: rng.chance(0.3) ? fixLength(mutate(rng, frame, 16)) : frame }] };
    },
  },
  'channel big': {
    target: 'channel',
    weight: 1,
    make: (rng, ctx) => {
      // Requests of several windows, and replies moved whole (the bulk port) or in chunks.
      const data = rng.bytes(rng.size(200_000));
      const write = callFrame(SESSION, id(rng), Method.writeFile, encodeArgs([`/n${rng.below(3)}`, data]));
      const read = callFrame(SESSION, id(rng), Method.readFile, encodeArgs([rng.pick(['/big', '/n0', '/n1', '/n2'])]));
      return { window: rng.pick(ctx.limits.windows), steps: rng.chance(0.5) ? [{ do: 'call', frame: write }, { do: 'call', frame: read }] : [{ do: 'call', frame: read }] };
    },
  },
  'channel oversize': { target: 'channel', weight: 1, make: (rng, ctx) => withWindow(rng, ctx, oversize) },
  'channel hostile': { target: 'channel', weight: 2, make: (rng, ctx) => withWindow(rng, ctx, hostileSteps) },
  'channel interleave': { target: 'channel', weight: 1, make: (rng, ctx) => withWindow(rng, ctx, interleaved) },
  'channel reply-abuse': {
    target: 'channel',
    weight: 1,
    make: (rng, ctx) => {
      // A reply of several chunks (or one moved whole) read by a guest that posts the wrong message in between.
      const frame = callFrame(SESSION, id(rng), Method.readFile, encodeArgs(['/big']));
      return { window: rng.pick(ctx.limits.windows), steps: [{ do: 'bad-reply-read', frame, at: rng.int(0, 3), kind: rng.pick([Kind.Chunk, Kind.Last, Kind.Ack, Kind.Reply, 0, 99]) }] };
    },
  },
};

/** Every category, by name. `mountScale` weighs the mount's categories against the memory file system's. */
export function categories(mountScale = 0.5): Record<string, Category> {
  return { ...codecCategories, ...dispatchCategories('memfs', 1), ...dispatchCategories('mount', mountScale), ...channelCategories };
}

/** Makes one case of category `name`. */
export function makeCase(rng: Rng, name: string, all: Record<string, Category>, ctx: GenContext): Case {
  const c = all[name];
  if (c === undefined) throw new RangeError(`unknown category ${name}`);
  return { ...c.make(rng, ctx), category: name, target: c.target } as Case;
}
