import { describe, expect, it } from 'vitest';
import { differential, runGuest, tempDir } from './helpers.js';

describe('the guest runtime behaves like node', () => {
  it('console, timers, microtasks and nextTick run in the same order as node', async () => {
    const script = `
console.log('start', 1, 'two', { a: [1, 2] }, null, undefined, -0, 10n);
setTimeout(() => console.log('timeout 100'), 100);
setTimeout(() => console.log('timeout 0'), 0);
const iv = setInterval(() => { console.log('interval'); if (++n === 3) clearInterval(iv); }, 1); let n = 0;
setTimeout(() => { setImmediate(() => console.log('immediate')); Promise.resolve().then(() => console.log('microtask in timer')); }, 150);
const t = setTimeout(() => console.log('never'), 5); clearTimeout(t);
Promise.resolve().then(() => console.log('microtask'));
queueMicrotask(() => console.log('queueMicrotask'));
console.log('%s is %d years and %i%%', 'x', 42.5, 7.9, 'extra');
console.log(typeof setTimeout(() => {}, 1).ref, typeof process.nextTick, process.platform, typeof process.env);
console.log(new TextDecoder().decode(new TextEncoder().encode('héllo €')), Buffer.from('aGk=', 'base64').toString());
console.log(require('path').join('/a/b', '../c', 'd.txt'), require('path').relative(process.cwd(), require('path').resolve('x')));
console.log('end');
`;
    const d = await differential(script, tempDir());
    expect(d.guest.stderr).toBe('');
    expect(d.guest.stdout).toBe(d.node.stdout);
    expect(d.guest.stdout).toContain('immediate');
  });

  it('stdout and stderr arrive in the order written', async () => {
    const r = await runGuest(`for (let i = 0; i < 5; i++) { console.log('out', i); console.error('err', i); process.stdout.write('w' + i + '\\n'); }`);
    expect(r.stdout).toBe([0, 1, 2, 3, 4].map((i) => `out ${i}\nw${i}\n`).join(''));
    expect(r.stderr).toBe([0, 1, 2, 3, 4].map((i) => `err ${i}\n`).join(''));
  });

  it('process.exit(n) ends the run with n, and exit listeners run', async () => {
    const r = await runGuest(`process.on('exit', (c) => console.log('exiting', c)); console.log('a'); process.exit(7); console.log('b');`);
    expect(r).toMatchObject({ exitCode: 7, stdout: 'a\nexiting 7\n' });
    expect((await runGuest('process.exitCode = 3;')).exitCode).toBe(3);
    expect((await runGuest('setTimeout(() => process.exit(), 5); process.exitCode = 4;')).exitCode).toBe(4);
  });

  it('the run ends when the event loop is empty, not before', async () => {
    const r = await runGuest(`
const fs = require('fs'); fs.writeFileSync('/f', 'x');
setTimeout(() => fs.promises.readFile('/f', 'utf8').then((s) => setTimeout(() => console.log('late', s), 30)), 30);
const u = setTimeout(() => console.log('unref never'), 5000); u.unref();`);
    expect(r).toMatchObject({ exitCode: 0, stdout: 'late x\n' });
  });

  it('an uncaught exception prints the stack like node and exits 1', async () => {
    const r = await runGuest(`console.log('before');\nfunction boom() { throw new TypeError('bad thing'); }\nboom();`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toMatch(/^\/main\.js:2\nfunction boom\(\) \{ throw new TypeError\('bad thing'\); \}\n {18}\^\n\nTypeError: bad thing\n {4}at boom \(\/main\.js:2:25\)/);
    expect(r.stderr).toMatch(/\n\nNode\.js v\d+\.\d+\.\d+\n$/);
  });

  it('an exception in a timer or an unhandled rejection also exits 1', async () => {
    const t = await runGuest(`setTimeout(() => { throw new Error('in timer'); }, 1); setTimeout(() => console.log('not reached'), 50);`);
    expect(t.exitCode).toBe(1);
    expect(t.stderr).toContain('Error: in timer');
    expect(t.stdout).toBe('');
    const p = await runGuest(`Promise.reject(new RangeError('rejected')); setTimeout(() => console.log('not reached'), 50);`);
    expect(p.exitCode).toBe(1);
    expect(p.stderr).toContain('RangeError: rejected');
    const s = await runGuest(`Promise.reject('just a string');`);
    expect(s.exitCode).toBe(1);
    expect(s.stderr).toContain('The promise rejected with the reason "\'just a string\'"');
  });

  it('a syntax error is reported and exits 1', async () => {
    const r = await runGuest('let x = ;');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('SyntaxError');
  });

  it('require gives built-ins with and without node:, and names a Node built-in the sandbox lacks', async () => {
    const r = await runGuest(`
console.log(require('node:fs') === require('fs'), require('fs').promises === require('fs/promises'), require('buffer').Buffer === Buffer);
try { require('domain'); } catch (e) { console.log(e.code, e.message.split('\\n')[0]); }
try { require('node:nope'); } catch (e) { console.log(e.code, e.message); }`);
    expect(r.stdout).toBe(
      "true true true\nERR_UNKNOWN_BUILTIN_MODULE The built-in module 'domain' is not available in this sandbox\nERR_UNKNOWN_BUILTIN_MODULE No such built-in module: node:nope\n",
    );
  });

  it('the working directory is / of the guest filesystem', async () => {
    const r = await runGuest("console.log(process.cwd(), require('path').resolve('x/y'))");
    expect(r.stdout).toBe('/ /x/y\n');
  });

  it('guest code may declare names the sandbox binds for speed, and sees the real globals', async () => {
    const r = await runGuest(`const Buffer = require('buffer').Buffer; let process = 1; var Math = { max: () => 'mine' };
console.log(typeof Buffer.alloc, process, Math.max(), globalThis.Math.max(1, 2), typeof setTimeout, global === globalThis);
function line() { return new Error('x').stack.split('\\n')[1]; }
console.log(line());`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('function 1 mine 2 function true\n    at line (/main.js:3:26)\n');
  });

  it('argv and env are what the host gave', async () => {
    const r = await runGuest('console.log(JSON.stringify([process.argv.slice(1), process.env]))', { args: ['--x', 'y'], env: { A: '1' } });
    expect(JSON.parse(r.stdout)).toEqual([['/main.js', '--x', 'y'], { A: '1' }]);
    expect(JSON.parse((await runGuest('console.log(JSON.stringify(process.env))')).stdout)).toEqual({});
  });
});

describe('limits are enforced and the host survives', () => {
  it('a guest over its time limit is stopped with status 124', async () => {
    const r = await runGuest('for (;;) {}', { limits: { timeoutMs: 300 } });
    expect(r).toMatchObject({ exitCode: 124, terminated: 'timeout' });
    expect(r.stderr).toContain('timed out after 300 ms');
  });

  it('a guest blocked waiting in a timer loop is stopped too', async () => {
    const r = await runGuest('setInterval(() => {}, 10);', { limits: { timeoutMs: 200 } });
    expect(r.exitCode).toBe(124);
  });

  it('a guest over its heap limit is stopped with status 134', async () => {
    const r = await runGuest('const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: 1 }));', { limits: { heapMb: 32 } });
    expect(r).toMatchObject({ exitCode: 134, terminated: 'oom' });
    expect(r.stderr).toContain('out of memory');
    expect((await runGuest('console.log("next run fine")')).stdout).toBe('next run fine\n');
  });
});
