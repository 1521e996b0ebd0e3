import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../host/index.js';
import { runGuest } from './helpers.js';

/** Files whose content names them, so an answer meant for another call shows at once. */
function volume(n: number): Volume {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`/f${i}`] = `content of ${i}`;
  return Volume.fromJSON(files);
}

describe('every call gets its own answer, after refusals, failures and a run that timed out', () => {
  it('interleaves refused, failing, slow and ordinary calls, sync and async, and checks each answer', async () => {
    const run = await runGuest(
      `
      const fs = require('fs');
      const host = require('host'); const hp = require('host/promises');
      const wrong = [];
      const expectFile = (i, got) => { if (got !== 'content of ' + i) wrong.push(i + ':' + got); };
      (async () => {
        const pending = [];
        for (let i = 0; i < 200; i++) {
          // A write over maxFileBytes is refused before it reaches the host.
          if (i % 7 === 0) { try { fs.writeFileSync('/big', Buffer.alloc(2048)); wrong.push('big accepted'); } catch (e) { if (e.code !== 'ERR_FS_FILE_TOO_LARGE') wrong.push('big ' + e.code); } }
          if (i % 5 === 0) { try { fs.readFileSync('/missing' + i); wrong.push('missing read'); } catch (e) { if (e.code !== 'ENOENT' || !e.message.includes('/missing' + i)) wrong.push('missing ' + e.message); } }
          if (i % 11 === 0) { try { host.fails(i); wrong.push('fails returned'); } catch (e) { if (e.message !== 'fail ' + i) wrong.push('fails ' + e.message); } }
          if (i % 3 === 0) pending.push(hp.slow(i).then((v) => { if (v !== i * 2) wrong.push('slow ' + i + ':' + v); }));
          if (i % 4 === 0) pending.push(fs.promises.readFile('/f' + (i % 50), 'utf8').then((t) => expectFile(i % 50, t), (e) => wrong.push('async ' + e.code)));
          pending.push(hp.slowFail(i).then(() => wrong.push('slowFail resolved'), (e) => { if (e.message !== 'late ' + i) wrong.push('slowFail ' + e.message); }));
          expectFile(i % 50, fs.readFileSync('/f' + (i % 50), 'utf8'));
          if (host.echo(i) !== i) wrong.push('echo ' + i);
        }
        await Promise.all(pending);
        console.log(JSON.stringify(wrong));
      })();
      `,
      {
        vol: volume(50),
        limits: { maxFileBytes: 1024 },
        hostFunctions: {
          echo: (x: unknown) => x,
          fails: (i: unknown) => {
            throw new Error(`fail ${String(i)}`);
          },
          slow: (i: unknown) => new Promise((r) => setTimeout(() => r((i as number) * 2), (i as number) % 13)),
          slowFail: (i: unknown) => new Promise((_, reject) => setTimeout(() => reject(new Error(`late ${String(i)}`)), (i as number) % 7)),
        },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('[]\n');
  });

  it('a run ended by its time limit in the middle of calls leaves the next run of the sandbox its own answers', async () => {
    const out: Buffer[] = [];
    const sandbox = createSandbox({
      vfs: volume(10),
      limits: { timeoutMs: 300 },
      stdout: (b) => void out.push(Buffer.from(b)),
      stderr: () => {},
      hostFunctions: { never: () => new Promise(() => {}), echo: (x: unknown) => x },
    });
    const first = await sandbox.run(`
      const fs = require('fs'); const hp = require('host/promises');
      for (let i = 0; i < 100; i++) { hp.never(); fs.promises.readFile('/f' + (i % 10)); }
      for (;;) fs.readFileSync('/f1');
    `);
    expect(first.terminated).toBe('timeout');
    out.length = 0;
    const second = await sandbox.run(`
      const fs = require('fs'); const host = require('host');
      const bad = [];
      (async () => {
        for (let i = 0; i < 10; i++) {
          if (fs.readFileSync('/f' + i, 'utf8') !== 'content of ' + i) bad.push(i);
          if ((await fs.promises.readFile('/f' + i, 'utf8')) !== 'content of ' + i) bad.push('a' + i);
          if (host.echo('e' + i) !== 'e' + i) bad.push('e' + i);
        }
        console.log(JSON.stringify(bad));
      })();
    `);
    expect(second.exitCode).toBe(0);
    expect(Buffer.concat(out).toString()).toBe('[]\n');
  });
});
