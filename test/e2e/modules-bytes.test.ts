import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { runGuest } from './helpers.js';

/**
 * How module sources cross the bridge: raw (status 2), each file once. A module imported by many
 * others is looked up from each of them, but its bytes must not travel again.
 */
describe('module sources on the wire', () => {
  it('cross raw and once each, however many modules import them', async () => {
    const vol = new Volume();
    vol.writeFileSync('/shared.mjs', `export const big = "${'x'.repeat(100_000)}";`);
    let main = '';
    for (let i = 0; i < 20; i++) {
      vol.writeFileSync(`/m${i}.mjs`, `import { big } from './shared.mjs'; export const n${i} = big.length;`);
      vol.writeFileSync(`/c${i}.cjs`, `module.exports = require('./shared.cjs').length + ${i};`);
      main += `import { n${i} } from './m${i}.mjs'; import c${i} from './c${i}.cjs';\n`;
    }
    vol.writeFileSync('/shared.cjs', `module.exports = "${'y'.repeat(100_000)}";`);
    vol.writeFileSync('/main.mjs', `${main}console.log(n0 + n19, c0 + c19);`);
    const r = await runGuest("import('./main.mjs')", { vol, filename: '/entry.js' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('200000 200019\n');
    const loader = r.trace.filter((t) => t.method === Method.moduleStat || t.method === Method.moduleRead || t.method === Method.moduleStatMany);
    const sources = loader.filter((t) => t.responseBytes > 100);
    expect(sources.every((t) => t.status === Status.Raw)).toBe(true);
    // Both 100 KB files once, plus the small modules: far below a second copy of either.
    const total = sources.reduce((n, t) => n + t.responseBytes, 0);
    expect(total).toBeGreaterThan(200_000);
    expect(total).toBeLessThan(210_000);
    // Lookups are batched (module.statMany): main's 40 imports in one call, shared.mjs once, each
    // CommonJS resolution's probes (the name with every extension) in one: 26 calls for 42 modules.
    expect(loader.every((t) => t.method === Method.moduleStatMany || t.method === Method.moduleRead || t.method === Method.moduleStat)).toBe(true);
    expect(loader.length).toBeLessThanOrEqual(26);
  });
});
