// @stderr
// util.deprecate with process.throwDeprecation: the call itself returns, and the warning is thrown
// on a later tick as an uncaught DeprecationWarning (code kept).
const util = require('util');
process.throwDeprecation = true;
const thrower = util.deprecate(() => 'ran', 'thrown later', 'DEP_TEST4');
console.log('call returns', thrower());
