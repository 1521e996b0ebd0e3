import { Volume } from 'memfs';
import { expect, it } from 'vitest';
import { runGuest } from './helpers.js';

it('FileHandle.getAsyncId gives each handle its own stable positive integer, kept after close', async () => {
  const vol = Volume.fromJSON({ '/f': 'x' });
  const run = await runGuest(
    `(async () => {
      const fs = require('fs');
      const a = await fs.promises.open('/f');
      const b = await fs.promises.open('/f');
      const ids = [a.getAsyncId(), a.getAsyncId(), b.getAsyncId()];
      await a.close();
      ids.push(a.getAsyncId());
      await b.close();
      console.log(JSON.stringify(ids), ids.every(Number.isSafeInteger), a.getAsyncId.length);
    })();`,
    { vol },
  );
  const [json, integers, arity] = run.stdout.trim().split(' ');
  const [a1, a2, b1, a3] = JSON.parse(json!) as number[];
  expect(integers).toBe('true');
  expect(arity).toBe('0');
  expect(a1).toBeGreaterThan(0);
  expect(a2).toBe(a1);
  expect(a3).toBe(a1);
  expect(b1).not.toBe(a1);
});
