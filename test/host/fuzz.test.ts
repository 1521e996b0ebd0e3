// The fuzzer first: its allocation watch goes in before the host modules load (fuzz/oracles/alloc.ts).
import { replay, runFuzz, type FuzzOptions } from '../../fuzz/index.js';
import { describe, expect, it } from 'vitest';
import { encodeResponseHeader } from '../../bridge/wire/frame.js';
import { Method } from '../../bridge/wire/protocol.js';
import type { Dispatcher } from '../../host/dispatcher/index.js';
import { callFrame, responseFrame } from '../../fuzz/generators/frames.js';
import { boundsFinding } from '../../fuzz/oracles/errors.js';
import { checkReply } from '../../fuzz/oracles/reply.js';
import type { Finding } from '../../fuzz/types.js';
import { encodeArgs, encodeValue } from '../../bridge/wire/values.js';
import { Status } from '../../bridge/wire/protocol.js';

/**
 * The host-side fuzzer (fuzz/): a short fixed-seed run finds nothing, and each oracle fails when a bug
 * is planted in the dispatcher (so the run above is a check that can fail). `npm run fuzz` is the long run.
 */

describe('fuzzing the host side', () => {
  it('20,000 frames (seed 1) over every target: no crash, and a real Sandbox works after', async () => {
    const r = await runFuzz({ seed: 1, count: 20_000, shrink: false });
    expect(r.crashes.map((c) => `[${c.oracle}] ${c.message} (${c.category}, case ${c.index})`)).toEqual([]);
    expect(r.frames).toBeGreaterThanOrEqual(20_000);
    expect(r.sandbox).toBe('works');
    for (const category of ['codec frame', 'codec values', 'codec structured', 'codec legacy', 'memfs call.mutated', 'memfs call.deep', 'mount call.valid', 'mount call.header', 'channel hostile', 'channel interleave', 'channel race']) {
      expect(r.categories[category]?.frames ?? 0, category).toBeGreaterThan(0);
    }
  }, 300_000);
});

/** A short run over the memory volume with `tamper` applied to every dispatcher it makes. */
async function planted(tamper: (d: Dispatcher) => void, more: Partial<FuzzOptions> = {}) {
  return runFuzz({ seed: 5, count: 800, mount: false, race: false, shrink: false, sandbox: false, tamper, ...more });
}

const oracles = (r: Awaited<ReturnType<typeof planted>>) => [...new Set(r.crashes.map((c) => c.oracle))];

describe('the oracles fail on planted bugs', () => {
  it('throw: the dispatcher throws instead of answering', async () => {
    const r = await planted((d) => {
      const reply = d.reply.bind(d);
      d.reply = async (frame) => {
        if (frame.length % 5 === 0) throw new Error('planted');
        return reply(frame);
      };
    });
    expect(oracles(r)).toContain('throw');
    // The report names the seed and case; a replay of that case alone fails the same way.
    const crash = r.crashes.find((c) => c.oracle === 'throw')!;
    expect(crash.seed).toBe(5);
    const again = await replay({ seed: 5, count: 0, index: crash.index, mode: crash.mode, tamper: (d) => {
      const reply = d.reply.bind(d);
      d.reply = async (frame) => {
        if (frame.length % 5 === 0) throw new Error('planted');
        return reply(frame);
      };
    } });
    expect(again.findings.map((f) => f.oracle)).toContain('throw');
  }, 60_000);

  it('reply: an answer to the wrong call id', async () => {
    const r = await planted((d) => {
      const reply = d.reply.bind(d);
      d.reply = async (frame) => {
        const a = await reply(frame);
        return a.method === Method.stat ? { ...a, header: encodeResponseHeader(d.session, a.id + 1, a.status, a.responseBytes) } : a;
      };
    });
    expect(oracles(r)).toContain('reply');
  }, 60_000);

  it('alloc: a handler allocates far more than any frame may make it', async () => {
    const r = await planted((d) => d.register(Method.read, () => Buffer.alloc(8 << 20).length));
    expect(oracles(r)).toContain('alloc');
  }, 60_000);

  it('oob: a handler reads past the end of a DataView', async () => {
    const r = await planted((d) => d.register(Method.lstat, () => new DataView(new ArrayBuffer(2)).getUint32(0)));
    expect(oracles(r)).toContain('oob');
  }, 60_000);

  it('hang: a handler that never answers', async () => {
    const r = await planted((d) => d.register(Method.fsync, () => new Promise(() => undefined)), { hangMs: 100 });
    expect(oracles(r)).toContain('hang');
  }, 60_000);

  it('recovery: a session that no longer reads its files', async () => {
    const r = await planted((d) => d.register(Method.readFile, () => new Uint8Array([1, 2, 3])));
    expect(oracles(r)).toContain('recovery');
  }, 60_000);

  it('the reply and bounds oracles read what they are given', () => {
    const request = callFrame('fz', 7, Method.stat, encodeArgs(['/a']));
    const check = (reply: Uint8Array) => {
      const out: Finding[] = [];
      checkReply(request, reply, 'fz', out);
      return out.map((f) => f.oracle);
    };
    expect(check(responseFrame('fz', 7, Status.Ok, encodeValue(1)))).toEqual([]);
    expect(check(responseFrame('other', 7, Status.Ok, encodeValue(1)))).toEqual(['reply']);
    expect(check(responseFrame('fz', 8, Status.Raw, new Uint8Array(1)))).toEqual(['reply']);
    expect(check(responseFrame('fz', 7, Status.Error, encodeValue({ name: 'x' })))).toEqual(['reply']);
    expect(check(responseFrame('fz', 7, Status.Ok, Uint8Array.of(0xbb)))).toEqual(['reply']);
    expect(check(Uint8Array.of(0, 0, 0, 9, 1))).toEqual(['reply']);
    expect(boundsFinding(new RangeError('Offset is outside the bounds of the DataView'), 'x')?.oracle).toBe('oob');
    expect(boundsFinding(new RangeError('Maximum call stack size exceeded'), 'x')).toBeUndefined();
  });
});
