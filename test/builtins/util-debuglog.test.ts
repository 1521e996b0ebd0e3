import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runGuest, tempDir } from '../e2e/helpers.js';

const run = promisify(execFile);

/**
 * util.debuglog with sections enabled: NODE_DEBUG is read once at startup, so this runs plain node
 * with it in the environment and the sandbox with it in `env`, and compares stderr with the pid
 * masked (the sandbox's pid is its own).
 */
const SOURCE = `
const util = require('util');
const a = util.debuglog('alpha');
const b = util.debug('beta');
const c = util.debuglog('gamma');
const w = util.debuglog('widget');
const h = util.debuglog('http');
console.log(a.enabled, b.enabled, c.enabled, w.enabled, h.enabled);
a('hello %s %d', 'world', 42, { o: [1] });
b('no args after');
b();
c('not printed');
w('wildcard match');
let given;
util.debuglog('alpha', (fn) => { given = fn; })('via callback');
console.log(typeof given, given.name);
h('http section');
process.on('warning', (w) => console.log('warning', w.name, w.message.slice(0, 40)));
`;

const mask = (text: string) => text.replace(/ \d+: /g, ' <pid>: ').replace(/\(node:\d+\)/g, '(node:<pid>)');

describe('util.debuglog with NODE_DEBUG', () => {
  it('prints the enabled sections as plain node does', async () => {
    const env = { NODE_DEBUG: 'ALPHA,beta,wid*,http' };
    const file = join(tempDir('v8fsb-debuglog-'), 'main.js');
    writeFileSync(file, SOURCE);
    const node = await run(process.execPath, [file], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    const guest = await runGuest(SOURCE, { env });
    expect(node.stderr).toContain('ALPHA');
    expect(guest.stdout).toBe(node.stdout);
    expect(mask(guest.stderr)).toBe(mask(node.stderr));
    expect(guest.stderr).toMatch(/^ALPHA 1: hello world 42 \{ o: \[ 1 \] \}$/m);
  });
});
