import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/helpers.js';
import { guestCase, nodeCase, removeCopies, stderrHead } from './modules/run.js';

/**
 * Node's built-in modules, plain node against the sandbox: every case in builtins/ runs as
 * `node app/<case>` (cwd app/) and as `runFile('/app/<case>')` in a memory filesystem holding the
 * same tree (builtins/data/ is at app/data/). Output and exit status must be identical; a case marked
 * `// @stderr` ends with an uncaught error, and the head of its report must be identical too.
 * Cases are named `<module>-<topic>.js` (or .mjs for ES module imports).
 */
const CASES = join(import.meta.dirname, 'builtins');
const cases = readdirSync(CASES)
  .filter((f) => /\.(c|m)?js$/.test(f))
  .sort()
  .map((name) => ({ name, stderr: /^\/\/ @stderr\b/m.test(readFileSync(join(CASES, name), 'utf8')) }));

let fixture: string;
beforeAll(() => {
  fixture = realpathSync(tempDir('v8fsb-builtins-'));
  mkdirSync(join(fixture, 'app'));
  if (existsSync(join(CASES, 'data'))) cpSync(join(CASES, 'data'), join(fixture, 'app/data'), { recursive: true });
  for (const c of cases) copyFileSync(join(CASES, c.name), join(fixture, 'app', c.name));
});
afterAll(() => removeCopies(fixture));

describe.each(cases)('builtins differential: $name', (c) => {
  it('prints and exits exactly as plain node', async () => {
    const node = await nodeCase(fixture, `app/${c.name}`);
    expect(node.stdout.length).toBeGreaterThan(0);
    expect(node.stdout).not.toContain(tmpdir());
    expect(node.exitCode).toBe(c.stderr ? 1 : 0);
    const guest = await guestCase(fixture, `app/${c.name}`, 'memory');
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.exitCode);
    // Warnings name the process id: the sandbox's is 1 (README), node's is its own.
    const pid = (text: string) => text.replace(/^\(node:\d+\) /gm, '(node:PID) ');
    if (c.stderr) expect(pid(stderrHead(guest.stderr))).toBe(pid(stderrHead(node.stderr)));
    else expect(pid(guest.stderr)).toBe(pid(node.stderr));
  });
});
