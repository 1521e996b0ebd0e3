// Modules the sandbox does not allow load, with Node's export names and plain data; their functions
// are checked here only by type and name (calling them differs by design: see denied-calls tests).
const names = ['child_process', 'cluster', 'dgram', 'dns', 'http', 'https', 'http2', 'net', 'tls', 'worker_threads', 'inspector', 'inspector/promises', 'repl', 'trace_events', 'dns/promises'];
for (const name of names) {
  const m = require(name);
  const fns = Object.keys(m).filter((k) => typeof m[k] === 'function').sort();
  console.log(name, require(`node:${name}`) === m, fns.join(','));
}
console.log(require('http').METHODS.length, require('http').STATUS_CODES[404], require('http').maxHeaderSize);
console.log(typeof require('child_process').spawn, require('child_process').spawn.name, require('child_process').execSync.length);
console.log(require('worker_threads').isMainThread, require('worker_threads').parentPort, require('cluster').isPrimary);
console.log(require('dns').NOTFOUND, require('tls').DEFAULT_MIN_VERSION);
