/**
 * Module bench case: @babel/parser (one ~0.5 MB file) and @babel/generator with its tree (@babel/types,
 * jsesc, @jridgewell/*: about 115 files), then one parse and print as the check.
 */
const { parse } = require('@babel/parser');
const generate = require('@babel/generator').default;
const ast = parse('const x = 1 + 2; export default x;', { sourceType: 'module' });
console.log(JSON.stringify(generate(ast).code), Object.keys(require.cache).length);
