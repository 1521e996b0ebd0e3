// Runs the host-side fuzzer (fuzz/cli.ts) from source: esbuild transpiles the fuzzer, bridge/, host/ and the
// test helpers it shares file by file (no bundling: Node evaluates the modules in their import order, so the
// allocation watch in fuzz/oracles/alloc.ts is installed before any host module loads) into
// node_modules/.cache, where bare imports resolve to the package's dependencies. The Sandbox started at the
// end of a run uses the built Worker and guest bundle (`npm run fuzz` builds first).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'node_modules', '.cache', 'v8-fs-bridge-fuzz');
const HELPERS = ['test/e2e/helpers.ts', 'test/bytes.ts', 'test/host/fake-guest.ts', 'test/host/mount-jail.ts'];

function sources(dir) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: [...sources('fuzz'), ...sources('bridge'), ...sources('host'), ...HELPERS],
  outdir: out,
  outbase: root,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
await import(pathToFileURL(join(out, 'fuzz', 'cli.js')).href);
