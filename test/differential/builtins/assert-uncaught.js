// @stderr
// An uncaught assertion failure: Node's report names its own throw statement (node:assert), then
// the AssertionError with its diff; the exit status is 1.
const assert = require('assert');
console.log('before');
assert.deepStrictEqual({ a: [1, 2, 3], b: 'x' }, { a: [1, 2, 4], b: 'x' });
