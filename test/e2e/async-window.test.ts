import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { MAX_POSTED_CALLS } from '../../guest-assets/rpc.js';
import { runGuest } from './helpers.js';

/**
 * A guest may start any number of async calls at once; at most MAX_POSTED_CALLS of them are with
 * the host at a time (the rest wait in the guest's memory), and every one gets its own answer.
 */
describe('async calls in flight', () => {
  it('are bounded at the host, and all of them are answered, each with its own result', async () => {
    let inFlight = 0;
    let most = 0;
    const vol = new Volume();
    for (let i = 0; i < 50; i++) vol.writeFileSync(`/f${i}`, String(i));
    const r = await runGuest(
      `
      const host = require('host/promises');
      const fs = require('fs');
      const calls = [];
      for (let i = 0; i < 5000; i++) calls.push(host.slowEcho(i));
      for (let i = 0; i < 3000; i++) calls.push(fs.promises.readFile('/f' + (i % 50), 'utf8'));
      Promise.all(calls).then((values) => {
        const wrong = values.filter((v, i) => (i < 5000 ? v !== i : v !== String((i - 5000) % 50))).length;
        console.log(values.length, wrong);
      });
      `,
      {
        vol,
        hostFunctions: {
          slowEcho: async (v: number) => {
            most = Math.max(most, ++inFlight);
            await new Promise((resolve) => setTimeout(resolve, 1));
            inFlight--;
            return v;
          },
        },
      },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('8000 0\n');
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(MAX_POSTED_CALLS);
  });
});
