'use strict';
// Output helpers of the module cases (copied to app/show.cjs). Every line a case prints goes
// through here, so both sides format values and errors the same way. Paths are printed as they
// are; the harness strips the host copy's prefix from node's output.
const ROOT = __dirname.slice(0, __dirname.lastIndexOf('/'));

/** A value as one line: strings quoted, module namespaces and plain objects by their sorted keys. */
function fmt(v) {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return `[function ${v.name}]`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(fmt).join(', ')}]`;
  const tag = Object.prototype.toString.call(v) === '[object Module]' ? 'Module ' : '';
  return `${tag}{ ${Object.keys(v).sort().map((k) => `${k}: ${fmt(v[k])}`).join(', ')} }`;
}

/** An error: its class, code, message and (for the CommonJS loader's errors) requireStack. */
function err(e) {
  if (!(e instanceof Error)) return `THROW non-error ${fmt(e)}`;
  const stack = e.requireStack === undefined ? '' : ` requireStack=${fmt(e.requireStack)}`;
  const extra = ['path', 'requestPath', 'url'].filter((k) => e[k] !== undefined).map((k) => ` ${k}=${fmt(e[k])}`).join('');
  return `THROW ${e.constructor.name} ${e.code} | ${e.message}${stack}${extra}`;
}

/** Prints `label => value` or `label => THROW ...`. */
function show(label, f) {
  try {
    console.log(label, '=>', fmt(f()));
  } catch (e) {
    console.log(label, '=>', err(e));
  }
}

/** The same for a promise (dynamic import, import.meta.resolve under await). */
async function showAsync(label, f) {
  try {
    console.log(label, '=>', fmt(await f()));
  } catch (e) {
    console.log(label, '=>', err(e));
  }
}

/** The entries of a module search path list that lie inside the tree (node also lists /tmp/..., ~/.node_modules). */
function inTree(paths) {
  return paths === null ? null : paths.filter((p) => p.startsWith(`${ROOT}/`) && p.endsWith('/node_modules'));
}

module.exports = { fmt, err, show, showAsync, inTree, ROOT };
