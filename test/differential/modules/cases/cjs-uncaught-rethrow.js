// @stderr
// A required module catches an error from the module it requires, changes its message and throws it
// again: the report names the rethrowing line (not where the error was made); exit status 1.
console.log('before the require');
require('./lib/rethrow-inside.js');
console.log('never printed');
