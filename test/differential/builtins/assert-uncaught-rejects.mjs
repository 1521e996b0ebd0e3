// @stderr
// An unhandled assert.rejects failure: reported at Node's rejection handler, with the error.
import assert from 'node:assert';
console.log('before');
assert.rejects(Promise.resolve('fine'), TypeError);
