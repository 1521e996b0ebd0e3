import { execFile } from 'node:child_process';
import { createHistogram } from 'node:perf_hooks';
import { promisify } from 'node:util';
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { countsLength, histogramCaps, MAX_HISTOGRAM_BYTES, MAX_HISTOGRAMS } from '../../host/worker/caps/histograms.js';
import { Realm } from '../../host/worker/realm.js';
import type { GuestApi } from '../../guest-assets/caps.js';
import { HISTOGRAM_READINGS } from '../../guest-assets/builtins/perf/caps.js';

/**
 * The Worker's histogram capabilities without a Worker: every range HdrHistogram cannot build (where
 * node's native check aborts the process) is refused first, and only those; readings are node's own;
 * ids that were never given out, or were closed, reach nothing; live histograms follow the sandbox's
 * bounds, and closing frees them.
 */
const run = promisify(execFile);
const context = vm.createContext();
const realm = new Realm(vm.runInContext('Object.prototype', context) as object, () => ({}) as GuestApi);
const lastError = () => realm.lastError.split('\u0000');
const MAX = Number.MAX_SAFE_INTEGER;

/** Ranges node's createHistogram lets through to HdrHistogram, which cannot build them. */
const ABORTING: [number | bigint, number | bigint, number][] = [
  [0n, 2n, 3],
  [-5n, 2n, 3],
  [2 ** 45, MAX, 5],
  [2 ** 50, MAX, 5],
  [2n ** 52n, 2n ** 60n, 3],
  [2n ** 61n, 2n ** 63n - 1n, 3],
  [1n, 2n ** 63n, 3],
  [1n, 2n ** 64n - 1n, 3],
  [2n ** 64n + 1n, 2n ** 66n, 3],
];
/** Ranges at the edge of what it can build. */
const BUILDING: [number | bigint, number | bigint, number][] = [
  [2 ** 44, MAX, 5],
  [2 ** 51, MAX, 3],
  [2n ** 51n, 2n ** 60n, 3],
  [2n ** 44n, 2n ** 63n - 1n, 5],
  [1n, 2n, 3],
  [1, 2, 1],
  [2n ** 64n + 1n, 2n ** 65n + 2n, 3],
];
const literal = (v: number | bigint) => (typeof v === 'bigint' ? `${v}n` : String(v));
const options = ([lowest, highest, figures]: [number | bigint, number | bigint, number]) => `{ lowest: ${literal(lowest)}, highest: ${literal(highest)}, figures: ${figures} }`;

describe('histogram capabilities', () => {
  it('sizes counts as HdrHistogram does (a default histogram: 44 buckets of 1024)', () => {
    expect(countsLength(1n, BigInt(MAX), 3)).toBe(45056);
    expect(countsLength(1n, BigInt(MAX), 5)).toBe(37 * 131072);
    expect(countsLength(1n, 2n ** 63n - 1n, 3)).toBe(54 * 1024);
    expect(countsLength(0n, 2n, 3)).toBeUndefined();
    expect(countsLength(1n, 2n, 6)).toBeUndefined();
  });

  it('refuses exactly the ranges that abort node, with a RangeError of node shape', async () => {
    const caps = histogramCaps(realm);
    for (const range of ABORTING) {
      expect(caps.histogramCreate(...range), options(range)).toBe(-1);
      expect(lastError()[0], options(range)).toBe('ERR_INVALID_ARG_VALUE');
      expect(lastError()[1]).toBe('RangeError');
    }
    for (const range of BUILDING) expect(caps.histogramCreate(...range), options(range)).toBeGreaterThan(0);
    expect(lastError()[2]).toMatch(/^The property 'options\.(lowest|highest)' is invalid\. Received -?\d+n?$/);
    // Node itself: each refused range aborts a process of its own; the built ones all work in one.
    for (const range of ABORTING.slice(0, 5)) {
      const r = await run(process.execPath, ['-e', `require('perf_hooks').createHistogram(${options(range)})`]).then(
        () => 'exited',
        (e: { signal?: string; code?: number }) => e.signal ?? `code ${e.code}`,
      );
      expect(r, options(range)).toBe('SIGABRT');
    }
    const ok = await run(process.execPath, ['-e', BUILDING.map((range) => `require('perf_hooks').createHistogram(${options(range)}).record(3);`).join('')]);
    expect(ok.stderr).toBe('');
  }, 20_000);

  it("reads node's own numbers and percentiles", () => {
    const caps = histogramCaps(realm);
    const id = caps.histogramCreate(1, MAX, 3);
    const node = createHistogram();
    for (const v of [1, 7, 7, 300, 12345, 2 ** 40]) {
      expect(caps.histogramRecord(id, v)).toBe(0);
      node.record(v);
    }
    expect(caps.histogramRecord(id, 9n)).toBe(0);
    node.record(9n);
    HISTOGRAM_READINGS.forEach((name, index) => expect(caps.histogramRead(id, index), name).toStrictEqual(node[name]));
    expect(caps.histogramPercentile(id, 99, false)).toBe(node.percentile(99));
    expect(caps.histogramPercentile(id, 50, true)).toBe(node.percentileBigInt(50));
    expect(caps.histogramPercentiles(id, false)).toBe([...node.percentiles].map(([k, v]) => `${k} ${v}`).join(','));
    expect(caps.histogramPercentiles(id, true)).toBe([...node.percentilesBigInt].map(([k, v]) => `${k} ${v}`).join(','));
    expect(caps.histogramRecord(id, 0n)).toBe(-1);
    expect(lastError()).toEqual(['ERR_OUT_OF_RANGE', 'RangeError', 'value is out of range']);
    const other = caps.histogramCreate(1n, 1000n, 2);
    caps.histogramRecord(other, 5);
    expect(caps.histogramAdd(id, other)).toBe(0);
    expect(caps.histogramRead(id, HISTOGRAM_READINGS.indexOf('count'))).toBe(8);
    caps.histogramReset(id);
    expect(caps.histogramRead(id, HISTOGRAM_READINGS.indexOf('count'))).toBe(0);
  });

  it('reaches nothing through an unknown, closed or wrong-kind id, or wrong-typed arguments', () => {
    const caps = histogramCaps(realm);
    const id = caps.histogramCreate(1, MAX, 3);
    const eld = caps.histogramMonitor(10);
    for (const bad of [0, -1, 1e9, 1.5, NaN, '1', {}, null, undefined]) {
      expect(caps.histogramRead(bad as number, 0)).toBeUndefined();
      expect(caps.histogramPercentile(bad as number, 50, false)).toBeUndefined();
      expect(caps.histogramPercentiles(bad as number, false)).toBe('');
      expect(caps.histogramRecord(bad as number, 5)).toBe(-1);
      expect(caps.histogramRecordDelta(bad as number)).toBe(-1);
      expect(caps.histogramAdd(id, bad as number)).toBe(-1);
      expect(caps.histogramAdd(bad as number, id)).toBe(-1);
      expect(() => caps.histogramReset(bad as number)).not.toThrow();
      expect(() => caps.histogramClose(bad as number)).not.toThrow();
    }
    for (const reading of [-1, 10, 1.5, 'count', {}, undefined]) expect(caps.histogramRead(id, reading as number)).toBeUndefined();
    // The event loop histogram records nothing itself and cannot be added.
    expect(caps.histogramRecord(eld, 5)).toBe(-1);
    expect(caps.histogramAdd(id, eld)).toBe(-1);
    expect(caps.histogramAdd(eld, id)).toBe(-1);
    for (const value of ['5', {}, null, undefined, Symbol('x')]) expect(caps.histogramRecord(id, value as number)).toBe(-1);
    expect(caps.histogramPercentile(id, '50' as unknown as number, false)).toBeUndefined();
    expect(caps.histogramCreate(1, 10n, 3)).toBe(-1);
    expect(caps.histogramCreate({} as number, MAX, 3)).toBe(-1);
    expect(caps.histogramMonitor('10' as unknown as number)).toBe(-1);
    caps.histogramSample(eld, true);
    caps.histogramClose(eld);
    caps.histogramClose(id);
    expect(caps.histogramRead(id, 0)).toBeUndefined();
    expect(caps.histogramRecord(id, 5)).toBe(-1);
  });

  it('bounds live histograms by count and by the memory of their counts; closing frees them', () => {
    const caps = histogramCaps(realm);
    const ids: number[] = [];
    for (let i = 0; i < MAX_HISTOGRAMS; i++) ids.push(caps.histogramCreate(1, 1000, 1));
    expect(ids.every((id) => id > 0)).toBe(true);
    expect(caps.histogramCreate(1, 1000, 1)).toBe(-1);
    expect(lastError()).toEqual(['ERR_HISTOGRAM_SANDBOX_LIMIT', 'RangeError', `Live histograms are more than the sandbox limit of ${MAX_HISTOGRAMS} (each is released when it is collected)`]);
    expect(caps.histogramMonitor(10)).toBe(-1);
    caps.histogramClose(ids.pop()!);
    const again = caps.histogramCreate(1, 1000, 1);
    expect(again).toBeGreaterThan(0);
    for (const id of [...ids, again]) caps.histogramClose(id);

    const large: number[] = [];
    let id: number;
    while ((id = caps.histogramCreate(1, MAX, 5)) > 0) large.push(id);
    expect(large.length).toBe(Math.floor(MAX_HISTOGRAM_BYTES / (37 * 131072 * 8 + 16 * 1024)));
    expect(lastError()[0]).toBe('ERR_HISTOGRAM_SANDBOX_LIMIT');
    expect(lastError()[2]).toContain(`more than the sandbox limit of ${MAX_HISTOGRAM_BYTES}`);
    // Smaller ones still fit beside them.
    const small = caps.histogramCreate(1, 1000, 1);
    expect(small).toBeGreaterThan(0);
    caps.histogramClose(large.pop()!);
    expect(caps.histogramCreate(1, MAX, 5)).toBeGreaterThan(0);
  });
});
