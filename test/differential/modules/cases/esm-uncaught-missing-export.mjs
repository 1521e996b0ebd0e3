// @stderr
// An ES module imports a name its dependency does not export: the report shows the importing line
// with carets under the name (no blank line before the SyntaxError, as Node prints it); exit status 1.
console.log('before the import');
await import('./lib/esm/missing-export.mjs');
console.log('never printed');
