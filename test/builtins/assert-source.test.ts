import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { findCall } from '../../guest-assets/builtins/assert/source-expression.js';
import { runGuest } from '../e2e/helpers.js';

/**
 * How assert.ok finds the text of the failed call: from the source and V8's position of the call
 * (the callee's last name, or the arguments' `(` when the callee is an expression), and what the
 * message is when the file cannot be read.
 */
describe('findCall', () => {
  const at = (code: string, marker: string) => findCall(code.replace('|', ''), code.indexOf('|') === -1 ? code.indexOf(marker) : code.indexOf('|'));
  it('finds plain, member, optional and parenthesised calls from V8 positions', () => {
    expect(at('assert(false);', 'assert')).toEqual([0, 'assert(false)']);
    expect(at('  x = assert.|ok(a, b);', '')).toEqual([6, 'assert.ok(a, b)']);
    expect(at('a.b.c().|ok (1)', '')).toEqual([0, 'a.b.c().ok (1)']);
    expect(at('(0, assert.ok)|(false)', '')).toEqual([0, '(0, assert.ok)(false)']);
    expect(at('o.f?.|(1)', '')).toEqual([0, 'o.f?.(1)']);
    expect(at("o['f']|(1)", '')).toEqual([0, "o['f'](1)"]);
    expect(at('return (0, f)|(1)', '')).toEqual([7, '(0, f)(1)']);
    expect(at('if (x) assert(y)', 'assert')).toEqual([7, 'assert(y)']);
    expect(at('typeof |f(1)', '')).toEqual([7, 'f(1)']);
  });

  it('skips strings, templates, comments and regular expressions holding brackets', () => {
    expect(at('ok(")" + \')\' + `)${")"}` /* ) */ // )\n)', 'ok')).toEqual([0, 'ok(")" + \')\' + `)${")"}` /* ) */ // )\n)']);
    expect(at('ok(/\\)[)]/.test(s), a / b)', 'ok')).toEqual([0, 'ok(/\\)[)]/.test(s), a / b)']);
  });

  it('gives up on what is not a call', () => {
    expect(at('assert', 'assert')).toBeUndefined();
    expect(at('assert(unclosed', 'assert')).toBeUndefined();
    expect(at('x + 1', 'x')).toBeUndefined();
  });
});

describe('assert.ok messages from the guest filesystem', () => {
  it('quotes the call from the caller file, and falls back to the values when there is no file', async () => {
    const vol = new Volume();
    vol.mkdirSync('/app', { recursive: true });
    vol.writeFileSync('/app/lib.js', "exports.check = (v) => {\n  require('assert').ok(v ===\n      1);\n};\n");
    const r = await runGuest(
      `const assert = require('assert');
const msg = (f) => { try { f(); } catch (e) { return e.message; } };
console.log(JSON.stringify([msg(() => require('./lib.js').check(2)), msg(() => assert(false)), msg(() => eval('assert(0)'))]));`,
      { vol, filename: '/app/main.js' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      "The expression evaluated to a falsy value:\n\n  require('assert').ok(v ===\n      1)\n",
      // The entry's source came from the embedder, not the guest filesystem: nothing to read.
      'false == true',
      '0 == true',
    ]);
  });
});
