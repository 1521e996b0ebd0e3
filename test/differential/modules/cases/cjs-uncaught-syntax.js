// @stderr
// A syntax error in a required module: the report on stderr names the module's file and line,
// shows the offending source line and caret, then SyntaxError and its message; exit status 1.
console.log('before the require');
require('./lib/syntax-error.js');
console.log('never printed');
