// Bundles the guest bridge (guest-assets/ plus bridge/, buffer, path, cbor-x) into one script that
// the Worker evaluates inside the guest's vm context. The bundle defines `__v8fsBridge`.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BUILTIN_NAMES } from '../dist/guest-assets/scope.js';

/**
 * The `events` package prints its too-many-listeners warning with console.warn; Node emits it as a
 * process warning in other words. Its warning function is pointed at the guest's own.
 */
const listenerWarning = {
  name: 'events-listener-warning',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]events[\\/]events\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const original = 'function ProcessEmitWarning(warning) {\n  if (console && console.warn) console.warn(warning);\n}';
      if (!source.includes(original)) throw new Error('events/events.js changed: its ProcessEmitWarning was not found');
      const hook = JSON.stringify(resolve('guest-assets/builtins/events/listener-warning.ts'));
      return { contents: source.replace(original, `var ProcessEmitWarning = require(${hook}).emitListenerWarning;`), loader: 'js' };
    });
  },
};

/**
 * web-streams-polyfill reads TypeError, RangeError, structuredClone, queueMicrotask,
 * AbortController and the global object's DOMException from its surroundings. Its module is given
 * the sandbox's own under those names (guest-assets/builtins/webstreams/scope.ts): Node's errors,
 * and nothing a guest could replace on its global object.
 */
const webStreamsScope = {
  name: 'web-streams-scope',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]web-streams-polyfill[\\/]dist[\\/]ponyfill\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('new TypeError(') || source.includes('instanceof TypeError')) throw new Error('web-streams-polyfill changed: check how it makes its errors');
      const hook = JSON.stringify(resolve('guest-assets/builtins/webstreams/scope.ts'));
      const names = 'TypeError, RangeError, structuredClone, queueMicrotask, AbortController, globalThis';
      return { contents: `var { ${names} } = require(${hook}).polyfillScope;\n${source}`, loader: 'js' };
    });
  },
};

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
    process: './guest-assets/fs/streams/process.ts',
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
  plugins: [listenerWarning, webStreamsScope],
});
chmodSync('dist/host/cli.js', 0o755);
