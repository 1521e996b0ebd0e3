// @stderr
// An uncaught error thrown inside a required module (not the main file): the report on stderr
// names the throwing line of that module, shows its source and caret, then the error; exit status 1.
console.log('before the require');
require('./lib/throw-inside.js');
console.log('never printed');
