/**
 * node probe-node.cjs CASE_FILE OUT_JSON
 *
 * Runs one module bench case under plain node with Module._load hooked, and writes to OUT_JSON which
 * built-in modules the case's require graph asked for, which of their properties it read (each
 * built-in is handed out behind a Proxy that records reads, with the kind of value read: typeof, or
 * 'null'), which module asked first, and how many files were compiled. Only the probe runs hooked; the timed runs never do.
 */
'use strict';
const Module = require('module');
const fs = require('fs');
const path = require('path');

const [caseFile, outFile] = process.argv.slice(2);
const builtins = new Map();
let compiled = 0;

const load = Module._load;
Module._load = function (request, parent) {
  const exports = load.apply(this, arguments);
  if (!Module.isBuiltin(request)) return exports;
  const name = request.replace(/^node:/, '');
  let seen = builtins.get(name);
  if (!seen) {
    seen = { props: new Map(), firstFrom: parent && parent.filename ? path.relative(process.cwd(), parent.filename) : null };
    builtins.set(name, seen);
  }
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return exports;
  return new Proxy(exports, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof prop === 'string') seen.props.set(prop, value === null ? 'null' : typeof value);
      return value;
    },
  });
};
const compile = Module.prototype._compile;
Module.prototype._compile = function () {
  compiled++;
  return compile.apply(this, arguments);
};

process.on('exit', () => {
  const out = { compiled, builtins: {} };
  for (const [name, seen] of builtins) out.builtins[name] = { props: Object.fromEntries([...seen.props].sort()), firstFrom: seen.firstFrom };
  fs.writeFileSync(outFile, JSON.stringify(out));
});
require(path.resolve(caseFile));
