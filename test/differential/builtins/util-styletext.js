// util.styleText as Node 20.20 has it: no colors for a stream that is not a terminal (the harness
// pipes both), colors anyway without stream validation or for a list of formats, the stream check,
// the list of valid formats in the error, and the checks' order.
const util = require('util');
const show = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
show('red', () => util.styleText('red', 'x'));
show('list', () => util.styleText(['bold', 'underline', 'red'], 'x'));
show('empty list', () => util.styleText([], 'x'));
show('stderr', () => util.styleText('green', 'x', { stream: process.stderr }));
show('no validation', () => util.styleText('bgBlueBright', 'x', { validateStream: false }));
show('alias', () => util.styleText('grey', 'x', { validateStream: false }));
show('added color', () => { util.inspect.colors.mine = [1, 2]; return util.styleText('mine', 'x', { validateStream: false }); });
show('bad format', () => util.styleText('nope', 'x'));
show('bad format in list', () => util.styleText(['red', 'nope'], 'x'));
show('bad format, no validation', () => util.styleText(5, 'x', { validateStream: false }));
show('text not string', () => util.styleText('red', 5));
show('both bad', () => util.styleText('nope', 5));
show('validateStream not boolean', () => util.styleText('red', 'x', { validateStream: 'yes' }));
show('bad stream', () => util.styleText('red', 'x', { stream: {} }));
show('stream-like', () => util.styleText('red', 'x', { stream: { write() {}, on() {} } }));
show('tty-like', () => util.styleText('red', 'x', { stream: { write() {}, on() {}, isTTY: true } }));
show('tty-like depth 1', () => util.styleText('red', 'x', { stream: { write() {}, on() {}, isTTY: true, getColorDepth: () => 1 } }));
show('null options', () => util.styleText('red', 'x', null));
