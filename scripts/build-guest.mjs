// Bundles the guest bridge (guest-assets/ plus bridge/, buffer, path, cbor-x) into one script that
// the Worker evaluates inside the guest's vm context. The bundle defines `__v8fsBridge`.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { BUILTIN_NAMES } from '../dist/guest-assets/scope.js';

await build({
  entryPoints: ['guest-assets/index.ts'],
  outfile: 'dist/guest-assets/bridge.js',
  bundle: true,
  format: 'iife',
  globalName: '__v8fsBridge',
  platform: 'neutral',
  mainFields: ['browser', 'module', 'main'],
  // readable-stream: its nextTick comes from the guest (not the `process` polyfill's setTimeout),
  // and abort-controller's browser entry expects a window; its plain build needs none.
  alias: {
    process: './guest-assets/fs/streams-process.ts',
    'abort-controller': 'abort-controller/dist/abort-controller.js',
    // The lexer's plain JavaScript build: synchronous, no WebAssembly to instantiate first.
    'cjs-module-lexer': './node_modules/cjs-module-lexer/lexer.js',
  },
  target: 'es2022',
  legalComments: 'none',
  // Classes keep their names (`Buffer`, not a renamed copy): Node's error messages name them.
  keepNames: true,
  // Strict mode everywhere: no `fn.caller` reaches bridge internals from guest callbacks.
  // Built-ins become locals, captured before guest code runs: fast (no global interceptor) and
  // immune to the guest replacing them (see guest-assets/scope.ts).
  banner: { js: `'use strict';\nconst { ${BUILTIN_NAMES.filter((n) => !['undefined', 'NaN', 'Infinity'].includes(n)).join(', ')} } = globalThis;` },
  logLevel: 'warning',
});
chmodSync('dist/host/cli.js', 0o755);
