import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differential, tempDir } from './helpers.js';

/**
 * Hostile arguments to the watch functions: Proxies and getters as options and paths, throwing
 * traps, odd listeners. Each script runs under plain node and in the sandbox; what the guest sees
 * (which properties are read, in which order, and what is thrown) must be Node's, and the sandbox
 * must keep working after each refusal.
 */
function fixture(): string {
  const dir = tempDir('v8fsb-watch-hostile-');
  mkdirSync(join(dir, 'd'));
  writeFileSync(join(dir, 'd', 'a.txt'), 'a');
  return dir;
}

const LOGGING = `
const fs = require('fs');
const log = [];
const spy = (target, name) => new Proxy(target, {
  get(t, k, r) { if (typeof k === 'string') log.push(name + '.get ' + k); return Reflect.get(t, k, r); },
  has(t, k) { log.push(name + '.has ' + String(k)); return Reflect.has(t, k); },
  ownKeys(t) { log.push(name + '.ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push(name + '.gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
});
const attempt = (label, f) => {
  log.length = 0;
  let out;
  try { const r = f(); out = 'ok ' + (r && r.constructor && r.constructor.name); if (r && r.close) r.close(); if (r && r.stop) fs.unwatchFile('d/a.txt'); }
  catch (e) { out = 'threw ' + (e instanceof Error) + ' ' + e.name + ' ' + e.code + ' ' + e.message; }
  console.log(label, out, '|', log.join(', '));
};
`;

describe('hostile arguments to fs.watch and friends', () => {
  it('reads options as Node does (Proxies, getters, prototypes) and throws what the guest throws', async () => {
    const source = `${LOGGING}
attempt('watch proxy options', () => fs.watch('d', spy({ persistent: false, encoding: 'utf8' }, 'o')));
attempt('watch recursive proxy', () => fs.watch('d', spy({ persistent: false, recursive: true }, 'o')));
attempt('watch signal', () => fs.watch('d', spy({ persistent: false, signal: new AbortController().signal }, 'o')));
attempt('watch inherited options', () => fs.watch('d', Object.create({ persistent: false, encoding: 'nope' })));
attempt('watch throwing getter', () => fs.watch('d', { get encoding() { throw new RangeError('from getter'); } }));
attempt('watch throwing trap', () => fs.watch('d', new Proxy({}, { get() { throw new TypeError('from trap'); } })));
attempt('watch getter changes', () => { let n = 0; return fs.watch('d', { get persistent() { log.push('persistent ' + n); return n++ > 0 ? false : 'x'; } }); });
attempt('watch path toPrimitive', () => fs.watch({ [Symbol.toPrimitive]() { log.push('toPrimitive'); return 'd'; } }));
attempt('watch path toString', () => fs.watch({ toString() { log.push('toString'); return 'd'; } }));
attempt('watch path url-like', () => fs.watch({ href: 'file:///nope', protocol: 'file:', hostname: '', pathname: '/nope' }));
attempt('watch listener proxy', () => fs.watch('d', { persistent: false }, new Proxy(() => {}, {})));
attempt('watchFile proxy options', () => fs.watchFile('d/a.txt', spy({ interval: 100000, persistent: false, bigint: false }, 'o'), () => {}));
attempt('watchFile throwing getter', () => fs.watchFile('d/a.txt', { get interval() { throw new Error('interval getter'); } }, () => {}));
attempt('watchFile interval object', () => fs.watchFile('d/a.txt', { interval: { valueOf() { return 5; } } }, () => {}));
attempt('unwatchFile listener proxy', () => fs.unwatchFile('d/a.txt', new Proxy(() => {}, {})));
attempt('after all that', () => fs.watch('d', { persistent: false }));
(async () => {
  for (const [label, options] of [
    ['promises proxy', spy({}, 'o')],
    ['promises recursive proxy', spy({ recursive: true }, 'o')],
    ['promises throwing getter', { get recursive() { throw new Error('recursive getter'); } }],
    ['promises throwing encoding', { get encoding() { throw new Error('encoding getter'); } }],
  ]) {
    log.length = 0;
    const it = fs.promises.watch('d', options);
    const p = it.next();
    fs.appendFileSync('d/a.txt', '+');
    try { console.log(label, JSON.stringify(await p), '|', log.join(', ')); } catch (e) { console.log(label, 'threw', e instanceof Error, e.message, '|', log.join(', ')); }
    await it.return();
    await new Promise((r) => setTimeout(r, 30));
  }
})();
`;
    const { node, guest } = await differential(source, fixture());
    expect(guest.stderr).toBe('');
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.code);
    expect(node.stdout.split('\n').length).toBeGreaterThan(18);
  });

  it('a listener that throws is an uncaught exception, as in Node', async () => {
    const source = `
const fs = require('fs');
process.on('exit', (c) => console.log('exit', c));
const w = fs.watch('d', () => { throw new Error('listener threw'); });
setTimeout(() => fs.writeFileSync('d/b.txt', 'b'), 20);
`;
    const { node, guest } = await differential(source, fixture());
    expect(guest.stdout).toBe(node.stdout);
    expect(guest.exitCode).toBe(node.code);
    expect(guest.stderr).toContain('Error: listener threw');
  });
});
