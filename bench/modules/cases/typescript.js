/** Module bench case: require('typescript'), one ~9 MB file (needs fs, path, os; perf_hooks and crypto optionally). */
const ts = require('typescript');
console.log(typeof ts.createSourceFile, ts.version, Object.keys(ts).length, Object.keys(require.cache).length);
