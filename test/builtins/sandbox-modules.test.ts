import { describe, expect, it } from 'vitest';
import { runGuest } from '../e2e/helpers.js';
import { PROBE } from '../e2e/realm-probe.js';

/**
 * The built-ins whose values are the sandbox's own (os, process identity, denied modules, v8), as
 * documented in the README; the rest of their behaviour is compared with node in
 * test/differential/builtins.
 */
describe('built-ins with sandbox values', () => {
  it('os describes the sandbox, not the host', async () => {
    const r = await runGuest(`const os = require('os');
console.log(JSON.stringify({ hostname: os.hostname(), type: os.type(), release: os.release(), cpus: os.cpus().length, par: os.availableParallelism(),
  user: os.userInfo(), home: os.homedir(), tmp: os.tmpdir(), net: os.networkInterfaces(), load: os.loadavg(),
  memOk: os.totalmem() > 64e6 && os.freemem() > 0 && os.freemem() <= os.totalmem(), pid: process.pid, uid: process.getuid() }));`);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      hostname: 'sandbox', type: 'Linux', release: '6.0.0-sandbox', cpus: 1, par: 1,
      user: { uid: 1000, gid: 1000, username: 'sandbox', homedir: '/home/sandbox', shell: '/bin/sh' },
      home: '/home/sandbox', tmp: '/tmp', net: {}, load: [0, 0, 0], memOk: true, pid: 1, uid: 1000,
    });
  });

  it('os.homedir and tmpdir follow the guest environment as node does', async () => {
    const r = await runGuest(`const os = require('os'); console.log(os.homedir(), os.tmpdir(), os.userInfo({ encoding: 'buffer' }).username instanceof Buffer);`, { env: { HOME: '/work', TMPDIR: '/scratch/' } });
    expect(r.stdout).toBe('/work /scratch true\n');
  });

  it('a denied module loads, and each of its functions and classes refuses with ERR_ACCESS_DENIED', async () => {
    const r = await runGuest(`
const out = [];
const tryIt = (label, f) => { try { f(); out.push(label + ' ran'); } catch (e) { out.push([label, e.name, e.code, e.permission, e.message].join(' | ')); } };
tryIt('spawn', () => require('child_process').spawn('ls'));
tryIt('execSync', () => require('child_process').execSync('ls'));
tryIt('server', () => new (require('http').Server)());
tryIt('worker', () => new (require('worker_threads').Worker)('x.js'));
tryIt('measureMemory', () => require('vm').measureMemory());
tryIt('lookup', () => require('dns').lookup('example.com', () => {}));
class MyAgent extends require('https').Agent {}
tryIt('subclass', () => new MyAgent());
tryIt('tty', () => new (require('tty').WriteStream)(1));
tryIt('heap snapshot', () => require('v8').writeHeapSnapshot());
tryIt('binding', () => process.binding('fs'));
tryIt('kill', () => process.kill(1));
console.log(out.join('\\n'));
console.log(typeof require('v8').getHeapStatistics().heap_size_limit, typeof require('v8').cachedDataVersionTag());`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        "spawn | Error | ERR_ACCESS_DENIED | child_process | child_process.spawn() is not allowed in the sandbox (module 'child_process')",
        "execSync | Error | ERR_ACCESS_DENIED | child_process | child_process.execSync() is not allowed in the sandbox (module 'child_process')",
        "server | Error | ERR_ACCESS_DENIED | http | new http.Server() is not allowed in the sandbox (module 'http')",
        "worker | Error | ERR_ACCESS_DENIED | worker_threads | new worker_threads.Worker() is not allowed in the sandbox (module 'worker_threads')",
        "measureMemory | Error | ERR_ACCESS_DENIED | vm | vm.measureMemory() is not allowed in the sandbox (module 'vm')",
        "lookup | Error | ERR_ACCESS_DENIED | dns | dns.lookup() is not allowed in the sandbox (module 'dns')",
        "subclass | Error | ERR_ACCESS_DENIED | https | new https.Agent() is not allowed in the sandbox (module 'https')",
        "tty | Error | ERR_ACCESS_DENIED | tty | new tty.WriteStream() is not allowed in the sandbox (module 'tty')",
        "heap snapshot | Error | ERR_ACCESS_DENIED | v8 | v8.writeHeapSnapshot() is not allowed in the sandbox (module 'v8')",
        "binding | Error | ERR_ACCESS_DENIED |  | process.binding('fs') is not allowed in the sandbox",
        'kill | Error | ERR_ACCESS_DENIED |  | process.kill() is not allowed in the sandbox',
        'number number',
        '',
      ].join('\n'),
    );
  });

  it('ES module imports of the new built-ins give their named exports', async () => {
    const r = await runGuest(`import os, { EOL, hostname } from 'node:os';
import { win32 } from 'path';
import { spawn } from 'child_process';
import { StringDecoder } from 'string_decoder';
import { channel } from 'diagnostics_channel';
console.log(os.EOL === EOL, hostname(), win32.join('a', 'b'), typeof spawn, typeof StringDecoder, typeof channel);`, { filename: '/main.mjs' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true sandbox a\\b function function function\n');
  });

  it('everything these modules return is the guest realm own', async () => {
    const r = await runGuest(`${PROBE}
const { PassThrough } = require('stream');
const rl = require('readline').createInterface({ input: new PassThrough() });
const dc = require('diagnostics_channel');
const roots = { os: require('os'), cpus: require('os').cpus(), user: require('os').userInfo({ encoding: 'buffer' }), constants: require('constants'),
  path: require('path'), win32: require('path').win32, parsed: require('path').win32.parse('C:\\\\a\\\\b.txt'),
  denied: require('child_process'), http: require('http'), vm: require('vm'), vmResult: require('vm').runInNewContext('({ a: [1], f() {} })', { x: 1 }), worker: require('worker_threads'),
  rl, rlp: require('readline/promises'), iterator: rl[Symbol.asyncIterator](), dc, ch: dc.channel('x'), tc: dc.tracingChannel('y'),
  v8: require('v8'), heap: require('v8').getHeapStatistics(), decoder: new (require('string_decoder').StringDecoder)('utf8'),
  stdout: process.stdout, stdin: process.stdin, memory: process.memoryUsage() };
try { require('child_process').spawn('x'); } catch (e) { roots.deniedError = e; }
try { process.chdir('/nope'); } catch (e) { roots.chdirError = e; }
try { require('path').win32.join(1); } catch (e) { roots.win32Error = e; }
console.log(JSON.stringify(probe(roots)));
rl.close();`);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: number; foreign: string[] };
    expect(out.foreign).toEqual([]);
    expect(out.seen).toBeGreaterThan(200);
  });
});
