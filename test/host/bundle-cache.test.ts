import { describe, expect, it } from 'vitest';
import { bundleCache, keepBundleCache } from '../../host/sandbox/bundle-cache.js';
import { runGuest } from '../e2e/helpers.js';

/** The guest bundle's code cache, made by the first Worker of a process and used by the next ones. */
describe('bundle code cache', () => {
  it('is made by a first sandbox and used by the next, with the same results', async () => {
    const first = await runGuest('console.log(typeof require("fs").readFileSync, 6 * 7)');
    expect(first.stdout).toBe('function 42\n');
    const made = bundleCache();
    expect(made).toBeInstanceOf(SharedArrayBuffer);
    expect(made!.byteLength).toBeGreaterThan(10_000);
    const second = await runGuest('console.log(typeof require("fs").readFileSync, 6 * 7)');
    expect(second.stdout).toBe('function 42\n');
    // Accepted: the second Worker made none of its own.
    expect(bundleCache()).toBe(made);
  });

  it('a cache V8 refuses (not made from this bundle) is replaced, and the sandbox runs', async () => {
    keepBundleCache(new Uint8Array(4096).fill(7));
    const bogus = bundleCache();
    const r = await runGuest('console.log("still runs")');
    expect(r.stdout).toBe('still runs\n');
    expect(bundleCache()).not.toBe(bogus);
  });

  it('keeps nothing that is not bytes, or is empty', () => {
    const before = bundleCache();
    keepBundleCache('not bytes');
    keepBundleCache(new Uint8Array(0));
    expect(bundleCache()).toBe(before);
  });
});
