// @stderr
// What a program sees of module failures it catches: each error's name, message and the head of
// its stack (everything before the first frame): a missing export (from an ES module and from a
// CommonJS one, with Node's longer hint), a syntax error in an ES module, the same import again (a
// failed module stays failed), and a syntax error in a CommonJS module imported by one. Node 20
// also reports that last error as uncaught after the program's catch has run; so does the sandbox.
const head = (stack) => stack.split('\n').filter((l) => !l.startsWith('    at ')).join('\n');
for (const spec of [
  './lib/esm/missing-export.mjs',
  './lib/esm/missing-cjs-export.mjs',
  './lib/esm/bad-syntax.mjs',
  './lib/esm/bad-syntax.mjs',
  './lib/esm/imports-bad-cjs.mjs',
]) {
  try {
    await import(spec);
    console.log(spec, 'loaded');
  } catch (e) {
    console.log(spec, e.name, e.code);
    console.log(head(e.stack));
  }
}
