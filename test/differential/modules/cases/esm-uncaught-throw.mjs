// @stderr
// An uncaught error thrown while an imported ES module evaluates (after a sibling import that
// printed): the report on stderr names the module's file URL and line, shows the source line and
// caret, then the error; exit status 1.
import './lib/esm/before.mjs';
import './lib/esm/throws.mjs';
console.log('never printed');
