// Cycles: b requires a while a is still loading and sees a's partial exports; module.exports
// replaced inside a cycle; what each side sees once both are done.
const { show } = require('./show.cjs');

const a = require('./lib/cycle-a.js');
show('a after the cycle', () => a);
show('b as a finished module', () => require('./lib/cycle-b.js'));
show('swap: a replaced module.exports after b took the partial object', () => require('./lib/cycle-swap-a.js'));
show('swap: b now', () => require('./lib/cycle-swap-b.js').saw);
exports.early = 'set before';
show('main required by a child gets the partial main', () => require('./lib/back.js'));
module.exports.late = 'set after';
