// @stderr
// An uncaught assert(false): the report names Node's internal throw site and quotes the failed call.
const assert = require('assert');
const value = 0;
console.log('before');
assert(value === 1);
