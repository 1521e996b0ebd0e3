import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * The realm invariant for util and assert: the modules, util.types' results, everything promisify
 * and callbackify hand back (promises, values, errors, callback arguments), deprecate's wrapper and
 * warnings, debuglog's logger, parseArgs' results and errors, the system error map, parseEnv, the
 * inspect tables, and assert's AssertionErrors (from every function, their actual/expected
 * comparison objects, rejects' promises), CallTracker's records, and every validation error.
 */
const SOURCE = `${PROBE}
const util = require('util');
const assert = require('assert');
const roots = { util, types: require('util/types'), assert, strict: require('assert/strict') };
const caught = (name, f) => { try { f(); roots[name] = 'no throw'; } catch (e) { roots[name] = e; } };
const warnings = [];
process.on('warning', (w) => warnings.push(w));
roots.warnings = warnings;
process.stderr.write = () => true;
const t = util.types;
roots.typeResults = [t.isProxy(new Proxy({}, {})), t.isDate(new Date()), t.isPromise(Promise.resolve()), t.isKeyObject({})];
roots.promisified = util.promisify((a, cb) => cb(null, { got: a }));
roots.promise = roots.promisified(1);
roots.rejected = util.promisify((cb) => cb(new Error('no')))().catch((e) => e);
roots.syncThrow = util.promisify(() => { throw new TypeError('sync'); })().catch((e) => e);
roots.callbackified = util.callbackify(async (x) => ({ x }));
roots.callbackArgs = new Promise((resolve) => roots.callbackified(1, (...args) => resolve(args)));
roots.falsy = new Promise((resolve) => util.callbackify(() => Promise.reject(null))((...args) => resolve(args)));
roots.deprecated = util.deprecate(function old() { return { old: true }; }, 'old', 'DEP_REALM');
roots.deprecatedResult = roots.deprecated();
roots.logger = util.debuglog('realm');
roots.parsed = util.parseArgs({ args: ['-f', '--name=x', 'p'], options: { f: { type: 'boolean' }, name: { type: 'string', multiple: true } }, allowPositionals: true, tokens: true });
caught('parseError', () => util.parseArgs({ args: ['--nope'] }));
caught('parseConfigError', () => util.parseArgs({ options: { a: { type: 'x' } } }));
roots.errorMap = util.getSystemErrorMap();
caught('errorNameError', () => util.getSystemErrorName(1));
caught('errorNameType', () => util.getSystemErrorName('x'));
roots.env = util.parseEnv('A=1\\nB=2');
roots.errno = util._errnoException(-2, 'open');
roots.hostPort = util._exceptionWithHostPort(-111, 'connect', 'h', 1);
roots.colors = util.inspect.colors;
roots.defaults = util.inspect.defaultOptions;
caught('styleError', () => util.styleText('nope', 'x'));
caught('inheritsError', () => util.inherits(null, null));
caught('promisifyError', () => util.promisify(1));
caught('callbackifyError', () => util.callbackify(1));
caught('lastArgError', () => roots.callbackified(1));
caught('deprecateError', () => util.deprecate(() => {}, 'x', 1));
caught('stripError', () => util.stripVTControlCharacters(1));
caught('formatError', () => util.formatWithOptions(1));
caught('defaultsError', () => { util.inspect.defaultOptions = 1; });
roots.aborted = util.aborted({ aborted: true }, {});
roots.abortedError = util.aborted(1, {}).catch((e) => e);
caught('ok', () => assert(false));
caught('okNoArgs', () => assert.ok());
caught('equal', () => assert.equal(1, 2));
caught('deepStrict', () => assert.deepStrictEqual({ a: [1] }, { a: [2] }));
caught('deepLoose', () => assert.deepEqual({ a: 1 }, { a: 2 }));
caught('notDeep', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
caught('strictEq', () => assert.strictEqual('a', 'b', 'custom'));
caught('missing', () => assert.strictEqual(1));
caught('fail', () => assert.fail('f'));
caught('throwsMissing', () => assert.throws(() => {}));
caught('throwsObject', () => assert.throws(() => { throw new Error('x'); }, { message: 'y', code: 1 }));
caught('throwsClass', () => assert.throws(() => { throw new Error('x'); }, TypeError));
caught('throwsValidator', () => assert.throws(() => { throw new Error('x'); }, () => false));
caught('throwsAmbiguous', () => assert.throws(() => { throw new Error('x'); }, 'x'));
caught('throwsBadArg', () => assert.throws(5));
caught('doesNotThrow', () => assert.doesNotThrow(() => { throw new Error('x'); }));
caught('match', () => assert.match('a', /b/));
caught('ifError', () => assert.ifError(new Error('e')));
caught('ctorError', () => new assert.AssertionError(5));
roots.made = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
roots.inspected = util.inspect(roots.made);
roots.rejects = assert.rejects(Promise.resolve(1)).catch((e) => e);
roots.rejectsOk = assert.rejects(Promise.reject(new Error('r')));
roots.doesNotReject = assert.doesNotReject(Promise.reject(new Error('r'))).catch((e) => e);
roots.rejectsBad = assert.rejects(5).catch((e) => e);
const tracker = new assert.CallTracker();
const tracked = tracker.calls(() => ({}), 2);
tracked({ arg: 1 });
roots.calls = tracker.getCalls(tracked);
roots.report = tracker.report();
caught('verify', () => tracker.verify());
const pending = Object.entries(roots).filter(([, v]) => v instanceof Promise);
Promise.all(pending.map(([, p]) => p)).then((values) => {
  pending.forEach(([k], i) => { roots[k + 'Value'] = values[i]; });
  setTimeout(() => {
    const out = probe(roots);
    out.warnings = warnings.map((w) => w.code).join(',');
    out.checks = [roots.okNoArgs.code, roots.throwsObject.actual.message, roots.falsyValue[0].code, roots.rejectsValue.code].join(',');
    console.log(JSON.stringify(out));
  }, 5);
});
`;

describe('realm isolation of util and assert', () => {
  it('every object util and assert return or throw is the guest realm own', async () => {
    const r = await runGuest(SOURCE, { vol: new Volume(), filename: '/main.js' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[]; warnings: string; checks: string };
    expect(out.warnings).toBe('DEP_REALM,DEP0173');
    expect(out.checks).toBe('ERR_ASSERTION,x,ERR_FALSY_VALUE_REJECTION,ERR_ASSERTION');
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(500);
  });
});
