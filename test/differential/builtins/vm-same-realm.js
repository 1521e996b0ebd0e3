// vm as packages use it: code compiled in this realm (runInThisContext, Script, compileFunction),
// and code run with a context object as its scope (createContext, runInContext, runInNewContext):
// names read and written on the object, built-ins available, results, errors and argument checks.
// (The sandbox's contexts are not separate realms: nothing here compares constructors across them.)
const vm = require('vm');
globalThis.shared = 'from the global';
console.log(vm.runInThisContext('1 + 2'), vm.runInThisContext('typeof shared'), vm.runInThisContext('shared', 'file.js'));
const script = new vm.Script('n * 2', { filename: 'double.js' });
const ctx = vm.createContext({ n: 21 });
console.log(vm.isContext(ctx), vm.isContext({}), script.runInContext(ctx), script.runInNewContext({ n: 5 }));
console.log(vm.runInContext('n = n + 1; n', ctx), ctx.n);
console.log(JSON.stringify(vm.runInNewContext('(function(){return {webpackChunkName: "chunk", webpackPrefetch: true};})()', vm.createContext())));
console.log(vm.runInNewContext('Math.max(a, b) + JSON.stringify([1])', { a: 3, b: 9 }));
console.log(vm.runInNewContext('typeof Array.isArray'));
for (const [label, f] of [
  ['missing name', () => vm.runInNewContext('nope + 1', {})],
  ['syntax', () => vm.runInThisContext('let = ;')],
  ['thrown', () => vm.runInNewContext('throw new TypeError("inside")', {})],
  ['not a context', () => vm.runInContext('1', {})],
  ['code not a string', () => vm.runInThisContext(5)],
  ['bad context object', () => vm.createContext(5)],
]) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
}
const fn = vm.compileFunction('return a + b', ['a', 'b']);
console.log(fn(2, 3), fn.length);
console.log(typeof vm.Script, typeof vm.createScript, typeof vm.constants, Object.keys(vm.constants).join(','));
