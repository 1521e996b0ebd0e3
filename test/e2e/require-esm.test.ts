import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';

/**
 * require() of ES modules links, instantiates and evaluates V8's module records synchronously. Each
 * native step is only legal in some states (V8 aborts the whole process otherwise), so these runs
 * walk the awkward orders a guest can produce: cycles through require, a graph whose instantiation
 * failed required again and then imported, require while an import() of the same module is linking,
 * top-level await, a module that throws. The host must live through all of them, every error must be
 * of the guest's realm, and a sandbox started afterwards must work.
 */
function tree(): Volume {
  const vol = new Volume();
  vol.mkdirSync('/app');
  const files: Record<string, string> = {
    'a.mjs': "import b from './b.cjs';\nexport const fromA = 'a';\nconsole.log('a sees', b);",
    'b.cjs': "let r; try { r = require('./a.mjs'); } catch (e) { r = e.code + ' ' + e.message; }\nmodule.exports = 'b got: ' + String(r && r.fromA !== undefined ? 'ns' : r);",
    'bad.mjs': "import { nope } from './ok.mjs';",
    'ok.mjs': 'export const yes = 1;',
    'late.mjs': "export const v = 'late';",
    'tla.mjs': 'await 1; export const t = 1;',
    'throws.mjs': "throw new RangeError('evaluation failed');",
    'default.mjs': 'export default 5; export const n = 1;',
    'as-cjs.mjs': "const value = { replaced: true }; export { value as 'module.exports' };",
  };
  for (const [name, text] of Object.entries(files)) vol.writeFileSync(`/app/${name}`, text);
  return vol;
}

const GUEST = `
const realm = (e) => { try { return e.constructor.constructor('return typeof process.reallyExit')(); } catch { return 'threw'; } };
const attempt = (label, f) => { try { const v = f(); console.log(label, 'ok', typeof v === 'object' ? JSON.stringify(Object.keys(v)) : v); } catch (e) { console.log(label, 'threw', e.code, realm(e)); } };
import('./a.mjs').then(() => {
  attempt('bad 1', () => require('./bad.mjs'));
  attempt('bad 2', () => require('./bad.mjs'));
  return import('./bad.mjs').catch((e) => console.log('import bad', e.name, realm(e)));
}).then(() => {
  const pending = import('./late.mjs');
  attempt('late while linking', () => require('./late.mjs'));
  attempt('tla', () => require('./tla.mjs'));
  attempt('throws 1', () => require('./throws.mjs'));
  attempt('throws 2', () => require('./throws.mjs'));
  attempt('default', () => require('./default.mjs'));
  attempt('module.exports', () => require('./as-cjs.mjs'));
  attempt('same namespace', () => require('./ok.mjs') === require('./ok.mjs'));
  return pending.then((ns) => console.log('late', ns.v));
});`;

describe('require() of ES modules', () => {
  it('survives cycles, failed graphs, races and top-level await, with guest-realm errors', async () => {
    const r = await runGuest(GUEST, { vol: tree(), filename: '/app/main.js' });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'a sees b got: ERR_REQUIRE_CYCLE_MODULE Cannot require() ES Module /app/a.mjs in a cycle. (from /app/b.cjs) A cycle involving require(esm) is not allowed to maintain invariants mandated by the ECMAScript specification. Try making at least part of the dependency in the graph lazily loaded.',
    );
    // Both requires of the graph whose instantiation failed throw; so does the import. None from the Worker's realm.
    expect(lines.slice(1, 4)).toEqual([expect.stringMatching(/^bad 1 threw .* undefined$/), expect.stringMatching(/^bad 2 threw .* undefined$/), 'import bad SyntaxError undefined']);
    expect(lines.slice(4)).toEqual([
      expect.stringMatching(/^late while linking (ok \["v"\]|threw ERR_REQUIRE_CYCLE_MODULE undefined)$/),
      'tla threw ERR_REQUIRE_ASYNC_MODULE undefined',
      'throws 1 threw undefined undefined',
      'throws 2 threw undefined undefined',
      'default ok ["__esModule","default","n"]',
      'module.exports ok ["replaced"]',
      'same namespace ok true',
      'late late',
      '',
    ]);
    const after = await runGuest("console.log(require('./ok.mjs').yes)", { vol: tree(), filename: '/app/main.js' });
    expect(after.stdout).toBe('1\n');
  });
});
