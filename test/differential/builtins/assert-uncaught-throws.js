// @stderr
// An uncaught assert.throws failure with a validation object: Node's site and the key-by-key diff.
const assert = require('assert');
console.log('before');
assert.throws(() => { throw new RangeError('out of range'); }, { name: 'TypeError', message: /range/ });
