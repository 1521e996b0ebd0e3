// util.debuglog / util.debug without NODE_DEBUG (the harness runs both sides with none; Node reads
// it once at startup, so setting it later changes nothing): `enabled`, the callback on first use,
// nothing printed. test/builtins/util-debuglog.test.ts covers sections that are enabled.
const util = require('util');
process.env.NODE_DEBUG = 'late';
const late = util.debuglog('late');
console.log(late.enabled, typeof late, late.name, late.length, Object.keys(late).join(','));
late('not printed %s', 'x');
let given;
const withCb = util.debuglog('cbsection', (fn) => { given = fn; });
console.log('before first call', given);
withCb('first call');
console.log('callback got', typeof given, given === withCb, given.name);
withCb('second call');
console.log(util.debug('other').enabled, util.debuglog('http').enabled);
const d = Object.getOwnPropertyDescriptor(late, 'enabled');
console.log(typeof d.get, d.enumerable, d.configurable);
