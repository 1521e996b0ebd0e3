// @stderr
// A syntax error in an ES module imported with a top-level await: the report names the module's
// file URL and line, shows the offending source line and caret, then the SyntaxError; exit status 1.
console.log('before the import');
await import('./lib/esm/bad-syntax.mjs');
console.log('never printed');
