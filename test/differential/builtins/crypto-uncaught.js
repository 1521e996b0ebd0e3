// @stderr
// A crypto callback that throws: the error is uncaught (the process ends with Node's report of it),
// after the callbacks before it ran.
const crypto = require('crypto');
crypto.randomBytes(4, (err, buf) => console.log('first callback', err, buf.length));
crypto.pbkdf2('pw', 'salt', 1, 8, 'sha1', (err, key) => {
  console.log('second callback', err, key.toString('hex'));
  throw new RangeError('thrown from a crypto callback');
});
