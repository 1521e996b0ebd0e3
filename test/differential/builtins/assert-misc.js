// assert's shape (names and lengths of its functions), CallTracker (deprecated: its warning is
// captured) with calls, getCalls, report, verify and reset, and the inspection of an AssertionError
// (long strings in actual/expected cut, nested values shown one level deep).
const assert = require('assert');
const util = require('util');
const realWrite = process.stderr.write;
const captured = [];
process.stderr.write = (chunk) => { captured.push(String(chunk).replace(/\(node:\d+\)/g, '(node:<pid>)')); return true; };
const show = (label, f) => {
  try {
    console.log(label, util.inspect(f(), { depth: 4 }));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
};
console.log(Object.keys(assert).map((k) => `${k}:${assert[k].name}/${assert[k].length}`).join(' '));
console.log(assert.name, assert.length, assert.strict.name, typeof assert.CallTracker);

const tracker = new assert.CallTracker();
function target(a, b) { return a + b; }
const tracked = tracker.calls(target, 2);
const anyFn = tracker.calls();
const counted = tracker.calls(3);
console.log(tracked(1, 2), tracked.name, tracked.length, typeof anyFn(), counted());
show('getCalls', () => tracker.getCalls(tracked));
show('report', () => tracker.report().map((r) => ({ ...r, stack: typeof r.stack })));
try { tracker.verify(); } catch (e) { console.log('verify', JSON.stringify(e.message), e.code, Object.keys(e).join(','), e['message 0'], e['actual 0'], e['operator 0']); }
tracked(2, 3);
tracker.reset(anyFn);
show('getCalls after reset', () => tracker.getCalls(anyFn));
show('getCalls untracked', () => tracker.getCalls(target));
show('calls bad count', () => tracker.calls(target, 0));
show('calls non-integer', () => tracker.calls(target, 1.5));
show('calls string count', () => tracker.calls(target, '2'));
const single = new assert.CallTracker();
single.calls(function once() {});
try { single.verify(); } catch (e) { console.log('verify one', JSON.stringify(e.message), e.generatedMessage); }
tracker.reset();
show('report after reset', () => tracker.report().length);

const err = new assert.AssertionError({ actual: `${'x'.repeat(600)}`, expected: 'line\n'.repeat(15), operator: 'strictEqual', message: 'custom' });
console.log(util.inspect(err).split('\n').filter((l) => !l.startsWith('    at ')).join('\n'));
const nested = new assert.AssertionError({ actual: { a: { b: { c: 1 } } }, expected: [[1, [2]]], operator: 'deepStrictEqual' });
console.log(util.inspect(nested).split('\n').filter((l) => !l.startsWith('    at ')).join('\n'));
console.log(err.actual.length, err.expected.length);
setTimeout(() => {
  process.stderr.write = realWrite;
  console.log(JSON.stringify(captured));
});
