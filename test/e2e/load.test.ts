import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench (no types); it runs the built package in dist/.
import { runLoad } from '../../bench/load/index.mjs';

interface Footprint {
  rssMiB: number;
  handles: number;
  handleKinds: string;
  fds: number;
  fdTargets: string;
}
interface LoadResult {
  phase1: { ops: number; mismatches: number; failures: string[]; wrong: string[] };
  phase2: { runs: number; failed: number; wrong: string[] };
  footprint: { before: Footprint; afterLoad: Footprint; after: Footprint };
}

/**
 * A short run of the load bench (`npm run load` is the full one): sandboxes at once on memory and
 * on a mount, mixed sync and async operations with every answer checked against a model, then a
 * churn of short runs. Nothing may be lost or mismatched, and no handle or descriptor may be left.
 */
describe('load', () => {
  it('loses and mixes up no answer, and leaves no handle or descriptor behind', async () => {
    const r = (await runLoad({ sandboxes: 4, ops: 400, maxBytes: 2 * 1024 * 1024, runs: 96, wave: 32 })) as LoadResult;
    expect(r.phase1.failures).toEqual([]);
    expect(r.phase1.wrong).toEqual([]);
    expect(r.phase1.mismatches).toBe(0);
    expect(r.phase1.ops).toBe(1600);
    expect(r.phase2.wrong).toEqual([]);
    expect(r.phase2.failed).toBe(0);
    expect(r.footprint.after.handleKinds, r.footprint.before.handleKinds).toBe(r.footprint.before.handleKinds);
    expect(r.footprint.after.handles).toBeLessThanOrEqual(r.footprint.before.handles);
    expect(r.footprint.after.fds, `${r.footprint.before.fdTargets}\n${r.footprint.after.fdTargets}`).toBeLessThanOrEqual(r.footprint.before.fds);
  }, 180_000);

  it('notices a wrong answer (the check can fail)', async () => {
    const r = (await runLoad({ sandboxes: 1, ops: 300, maxBytes: 65536, runs: 0, corrupt: true })) as LoadResult;
    expect(r.phase1.mismatches).toBeGreaterThan(0);
    expect(r.phase1.wrong.some((w) => w.includes('host.echo'))).toBe(true);
  }, 60_000);
});
