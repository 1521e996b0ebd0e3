// Bundles the guest bridge (guest-assets/ plus bridge/, buffer, path, cbor-x) into one script that
// the Worker evaluates inside the guest's vm context. The bundle defines `__v8fsBridge`.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
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
  // Every character outside ASCII is escaped, so the host reads the bundle as latin1: a plain copy,
  // where decoding 1.7 MB of UTF-8 costs each Worker about a millisecond of its start.
  charset: 'ascii',
  logLevel: 'warning',
  plugins: [listenerWarning, webStreamsScope],
});
const built = await readFile('dist/guest-assets/bridge.js');
if (built.some((byte) => byte > 0x7f)) throw new Error('the guest bundle must be ASCII (it is read as latin1)');
await writeFile('dist/guest-assets/bridge.js', withoutRedundantNames(built.toString('latin1')), 'latin1');

/**
 * keepNames gives every function a `__name(fn, "name")` call, run each time its scope starts: a
 * statement `__name(f, "f");` after a function declaration `f` renames nothing (a declared
 * function's name is its identifier), so those go. Renamed ones (`__name(Buffer27, "Buffer")`),
 * classes' and expressions' stay. Each statement removed must name a function declared by that
 * identifier in the bundle.
 */
function withoutRedundantNames(source) {
  const declared = new Set();
  for (const m of source.matchAll(/\bfunction\*?\s+([A-Za-z_$][\w$]*)\s*\(/g)) declared.add(m[1]);
  let removed = 0;
  const out = source.replace(/^[ \t]*__name\(([A-Za-z_$][\w$]*), "([A-Za-z_$][\w$]*)"\);\n/gm, (line, ident, name) => {
    if (ident !== name || !declared.has(ident)) return line;
    removed++;
    return '';
  });
  if (removed === 0) throw new Error('no redundant __name statements found: check the keepNames output');
  return out;
}
chmodSync('dist/host/cli.js', 0o755);
