// assert.ok / assert() / strict(): the generated message quotes the failed call from the source
// file (Node reads it): member and plain calls, optional and parenthesised callees, calls spread
// over lines (indentation normalised), strings, templates, comments and regexps holding brackets,
// control characters escaped; eval'd code has no file (`false == true`), and the other messages.
const assert = require('assert');
const { strict } = assert;
const show = (f) => {
  try {
    f();
    console.log('passed');
  } catch (e) {
    console.log(JSON.stringify(e.message), e.generatedMessage, e.operator, e.actual, e.expected);
  }
};
show(() => assert(false));
show(() => assert.ok(0));
show(() => assert.ok (''));
show(() => assert['ok'](null));
show(() => assert
  .ok(false));
show(() => strict(false));
show(() => assert.strict.ok(undefined));
show(() => assert.strict(NaN, undefined));
show(() => assert.ok(typeof 123 === 'string'));
show(() => { const x = [1]; assert.ok(x.map((v) => v * 2).includes(")") /* ) */); });
show(() => assert.ok(`a${"b"}c` === 'x'));
show(() => assert(/\)/.test('x')));
show(() => assert.ok(null,
  undefined));
show(() => assert.ok(null
  ,
    undefined));
	show(() => assert(false	));
show(() => (0, assert.ok)(false));
show(() => assert.ok?.(false));
const { ok } = assert; show(() => ok(0));
show(() => assert.ok('\u0001' === '\x01' && false));
show(() => assert.ok(function () {
    return false;
  }()));
show(() => assert.ok([1, 2, 3].indexOf(4) !== -1, undefined));
show(() => { if (true) assert(0); });
show(() => { const result = assert.ok(0); return result; });
show(() => [1].map(() => assert.ok(false, null)));
const check = (v) => assert.ok(v);
show(() => check(0));
show(() => assert(false, null));
show(() => assert.ok(0, 'given message'));
show(() => assert.ok(0, 0));
show(() => assert.ok());
show(() => assert(''));
show(() => eval('assert(false)'));
show(() => new Function('assert', 'assert(false)')(assert));
show(() => [0].forEach(assert));
show(() => assert.ok(1));
show(() => { const o = { check: assert }; o.check(false); });
show(() => { const o = { check: assert }; o['check'](false); });
show(() => { const é = assert; é(false); });
show(() => assert.ok(0 // trailing comment )
));
show(() => assert.ok(/* a ) comment */ 0));
show(() => assert.ok('a' + "b" + `c` === 'abc' && [].length));
