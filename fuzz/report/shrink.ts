import type { Case, Step } from '../types.js';

/**
 * Shrinking: the smallest case found (within a budget of replays) that still makes the same oracle
 * fail the same way. Frames lose chunks of bytes, halving the chunk size down to one byte (delta
 * debugging); a frame whose length field was true keeps it true, so that the shrunken frame still
 * reaches the decoder that failed. Several frames, or channel steps, are first dropped one by one.
 */

/** Whether a candidate still fails as the original did. */
export type StillFails = (c: Case) => Promise<boolean>;

/** A budget of replays, shared by one shrink. */
class Budget {
  constructor(public left: number) {}
  take(): boolean {
    return this.left-- > 0;
  }
}

function lengthIsTrue(frame: Uint8Array): boolean {
  return frame.length >= 4 && new DataView(frame.buffer, frame.byteOffset, 4).getUint32(0) === frame.length - 4;
}

function withTrueLength(frame: Uint8Array): Uint8Array {
  if (frame.length >= 4) new DataView(frame.buffer, frame.byteOffset, 4).setUint32(0, frame.length - 4);
  return frame;
}

/** Shrinks one byte string; `rebuild` puts a candidate back into a case. */
async function shrinkBytes(bytes: Uint8Array, rebuild: (b: Uint8Array) => Case, fails: StillFails, budget: Budget, keepLength: boolean): Promise<Uint8Array> {
  let best = bytes;
  for (let chunk = Math.max(1, best.length >> 1); chunk >= 1; chunk >>= 1) {
    for (let at = 0; at < best.length; ) {
      if (!budget.take()) return best;
      const candidate = new Uint8Array(best.length - Math.min(chunk, best.length - at));
      candidate.set(best.subarray(0, at), 0);
      candidate.set(best.subarray(at + chunk), at);
      if (keepLength) withTrueLength(candidate);
      if (candidate.length < best.length && (await fails(rebuild(candidate)))) best = candidate;
      else at += chunk;
    }
  }
  return best;
}

/** Drops items of a list one at a time while the case still fails. */
async function dropItems<T>(items: readonly T[], rebuild: (list: T[]) => Case, fails: StillFails, budget: Budget): Promise<T[]> {
  let list = [...items];
  for (let i = 0; i < list.length && list.length > 1; ) {
    if (!budget.take()) break;
    const candidate = list.filter((_, j) => j !== i);
    if (await fails(rebuild(candidate))) list = candidate;
    else i++;
  }
  return list;
}

function stepBytes(step: Step): Uint8Array {
  return step.do === 'post' ? step.bytes : step.frame;
}

function withBytes(step: Step, bytes: Uint8Array): Step {
  return step.do === 'post' ? { ...step, bytes } : { ...step, frame: bytes };
}

/** The smallest case within `replays` replays that still fails. */
export async function shrink(c: Case, fails: StillFails, replays = 300): Promise<Case> {
  const budget = new Budget(replays);
  switch (c.target) {
    case 'codec': {
      const bytes = await shrinkBytes(c.bytes, (b) => ({ ...c, bytes: b }), fails, budget, false);
      return { ...c, bytes };
    }
    case 'memfs':
    case 'mount': {
      let frames = await dropItems(c.frames, (list) => ({ ...c, frames: list }), fails, budget);
      for (let i = 0; i < frames.length; i++) {
        const others = frames;
        const shrunk = await shrinkBytes(frames[i]!, (b) => ({ ...c, frames: others.map((f, j) => (j === i ? b : f)) }), fails, budget, lengthIsTrue(frames[i]!));
        frames = frames.map((f, j) => (j === i ? shrunk : f));
      }
      return { ...c, frames };
    }
    case 'channel': {
      let steps = await dropItems(c.steps, (list) => ({ ...c, steps: list }), fails, budget);
      for (let i = 0; i < steps.length; i++) {
        const others = steps;
        const bytes = stepBytes(steps[i]!);
        const shrunk = await shrinkBytes(bytes, (b) => ({ ...c, steps: others.map((s, j) => (j === i ? withBytes(s, b) : s)) }), fails, budget, lengthIsTrue(bytes));
        steps = steps.map((s, j) => (j === i ? withBytes(s, shrunk) : s));
      }
      return { ...c, steps };
    }
    default: {
      const never: never = c;
      throw new TypeError(`unknown target ${JSON.stringify(never)}`);
    }
  }
}

/** The bytes a case sends, in total. */
export function caseBytes(c: Case): number {
  switch (c.target) {
    case 'codec':
      return c.bytes.length;
    case 'memfs':
    case 'mount':
      return c.frames.reduce((n, f) => n + f.length, 0);
    default:
      return c.steps.reduce((n, s) => n + stepBytes(s).length, 0);
  }
}
