import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { encodeArgs } from '../../bridge/wire/values.js';
import { createSandbox, Dispatcher, type Vfs } from '../../host/index.js';
import { FdTable, fsHandlers } from '../../host/fs/index.js';
import { runGuest } from './helpers.js';

/**
 * The descriptor table: per run, closed when the run ends however it ends, and no way to reach
 * another sandbox's descriptors or the Vfs's own numbers.
 */

/** A Vfs that counts the descriptors it has open (a Proxy over a memfs Volume). */
function countingVfs(vol: Volume): { vfs: Vfs; open: () => number; opened: () => number } {
  const live = new Set<number>();
  let opened = 0;
  const vfs = new Proxy(vol, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === 'openSync') {
        return (...args: unknown[]) => {
          const fd = Reflect.apply(value as Function, target, args) as number;
          live.add(fd);
          opened++;
          return fd;
        };
      }
      if (key === 'closeSync') {
        return (fd: number) => {
          Reflect.apply(value as Function, target, [fd]);
          live.delete(fd);
        };
      }
      return typeof value === 'function' ? (value as Function).bind(target) : value;
    },
  }) as unknown as Vfs;
  return { vfs, open: () => live.size, opened: () => opened };
}

/** Runs `source` in a sandbox over a counting Vfs holding /a.txt. */
async function run(source: string, limits = {}) {
  const vol = new Volume();
  vol.writeFileSync('/a.txt', 'hello');
  const counted = countingVfs(vol);
  const out: Buffer[] = [];
  const sandbox = createSandbox({ vfs: counted.vfs, limits, stdout: (b) => void out.push(Buffer.from(b)), stderr: () => {} });
  const result = await sandbox.run(source);
  return { ...result, stdout: Buffer.concat(out).toString(), ...counted };
}

const LEAK = `const fs = require('fs');
for (let i = 0; i < 20; i++) fs.openSync('/a.txt', i % 2 ? 'r' : 'a');
fs.promises.open('/a.txt');
fs.createReadStream('/a.txt', { highWaterMark: 1 }).once('data', () => {});
`;

describe('descriptor table', () => {
  it('closes every descriptor a run leaves open when it ends normally', async () => {
    const r = await run(`${LEAK}setTimeout(() => console.log('done'), 50);`);
    expect(r.stdout).toBe('done\n');
    expect(r.opened()).toBeGreaterThanOrEqual(22);
    expect(r.open()).toBe(0);
  });

  it('closes them when the guest calls process.exit, throws, or times out', async () => {
    for (const [tail, limits] of [
      ['setTimeout(() => process.exit(3), 50);', {}],
      ["setTimeout(() => { throw new Error('boom'); }, 50);", {}],
      ['setTimeout(() => { for (;;); }, 50);', { timeoutMs: 1000 }],
    ] as const) {
      const r = await run(`${LEAK}${tail}`, limits);
      expect(r.opened()).toBeGreaterThanOrEqual(21);
      expect(r.open()).toBe(0);
    }
  }, 30_000);

  it('closes a descriptor the guest closed while a reply was still reading it only once', async () => {
    const r = await run(`const fs = require('fs');
const fd = fs.openSync('/a.txt');
fs.read(fd, Buffer.alloc(5), 0, 5, 0, (e, n, b) => console.log(e, n, b.toString()));
fs.close(fd, (e) => console.log('closed', e));`);
    expect(r.stdout).toBe('null 5 hello\nclosed null\n');
    expect(r.open()).toBe(0);
  });

  it('numbers descriptors per run: another sandbox and the Vfs numbers are out of reach', async () => {
    const vol = new Volume();
    vol.writeFileSync('/a.txt', 'secret');
    const counted = countingVfs(vol);
    const outA: Buffer[] = [];
    const a = createSandbox({ vfs: counted.vfs, stdout: (b) => void outA.push(Buffer.from(b)) });
    // A holds descriptors open while B probes every small number and the Vfs's own (memfs counts down from 2^31-1).
    const runA = a.run(`const fs = require('fs');
const fds = [fs.openSync('/a.txt'), fs.openSync('/a.txt'), fs.openSync('/a.txt', 'a')];
console.log(JSON.stringify(fds));
setTimeout(() => fds.forEach((fd) => fs.closeSync(fd)), 1500);`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const b = await runGuest(`const fs = require('fs');
const results = new Set();
const probe = (fd) => { try { fs.readSync(fd, Buffer.alloc(6), 0, 6, 0); results.add('read ' + fd); } catch (e) { results.add(e.code); }
  try { fs.writeSync(fd, 'x'); results.add('write ' + fd); } catch (e) { results.add(e.code); }
  try { fs.fstatSync(fd); results.add('fstat ' + fd); } catch (e) { results.add(e.code); } };
for (let fd = 3; fd < 64; fd++) probe(fd);
for (let fd = 2147483647; fd > 2147483647 - 64; fd--) probe(fd);
console.log([...results].join(','));`, { vol });
    expect(b.stdout).toBe('EBADF\n');
    await runA;
    expect(JSON.parse(Buffer.concat(outA).toString())).toEqual([3, 4, 5]);
    expect(counted.open()).toBe(0);
    expect(Buffer.from(vol.readFileSync('/a.txt') as Buffer).toString()).toBe('secret');
  }, 30_000);

  it('answers EMFILE past the per-run limit, and a closed descriptor is reused', async () => {
    const r = await run(`const fs = require('fs');
const fds = [];
let err;
try { for (;;) fds.push(fs.openSync('/a.txt')); } catch (e) { err = e; }
console.log(fds.length, err.code, err.errno, err.syscall, err.path, err.message);
fs.closeSync(fds[10]);
console.log(fs.openSync('/a.txt') === fds[10], fs.readFileSync(fds[0], 'utf8'));`);
    expect(r.stdout).toBe("1024 EMFILE -24 open /a.txt EMFILE: too many open files, open '/a.txt'\ntrue hello\n");
    expect(r.open()).toBe(0);
  });

  it('stdio descriptors: 1 and 2 write to the sandbox output, 0 reads as empty', async () => {
    const vol = new Volume();
    const r = await runGuest(`const fs = require('fs');
console.log('a');
fs.writeSync(1, 'b\\n');
fs.writeSync(2, 'err\\n');
console.log(fs.readSync(0, Buffer.alloc(4)), JSON.stringify(fs.readFileSync(0, 'utf8')), fs.fstatSync(1).isFIFO());
fs.write(1, Buffer.from('c\\n'), () => fs.writeFileSync(1, 'd\\n'));`, { vol });
    expect(r.stdout).toBe('a\nb\n0 "" true\nc\nd\n');
    expect(r.stderr).toBe('err\n');
  });

  it('answers hostile arguments with error records and keeps working', async () => {
    const vol = new Volume();
    vol.writeFileSync('/a.txt', 'hello');
    const fds = new FdTable(vol);
    const d = new Dispatcher('h', fsHandlers(vol, { maxFileBytes: 1024 }, fds));
    let id = 0;
    const call = async (method: string, args: unknown[]) => {
      const payload = encodeArgs(args);
      const reply = decodeResponse(await d.handle(joinFrame(encodeCallHeader('h', ++id, method, payload.length), payload)));
      return reply.status === Status.Error ? decodeErrorRecord(reply.payload).code : reply.status;
    };
    const fd = await call(Method.open, ['/a.txt', 'r+', 0o644]);
    expect(fd).toBe(Status.Ok);
    const bad: [string, unknown[]][] = [
      [Method.open, [5]], [Method.open, ['/a.txt', 'rw']], [Method.open, ['/a.txt', 1.5]], [Method.open, ['/a.txt', 'r', -1]], [Method.open, ['/a\0']],
      [Method.close, ['3']], [Method.close, [-1]], [Method.close, [2 ** 31]], [Method.close, [99]],
      [Method.read, [3, -1, null]], [Method.read, [3, 2 ** 60, null]], [Method.read, [3, 'x', 0]], [Method.read, [3, 1, 'x']], [Method.read, [3, 1, 0.5]], [Method.read, [{}, 1, 0]],
      [Method.fdWrite, [3, 'not bytes', null]], [Method.fdWrite, [3, new Uint8Array(1), {}]], [Method.fdWrite, [77, new Uint8Array(1), null]],
      [Method.ftruncate, [3, -5]], [Method.ftruncate, [3, 'x']], [Method.fsync, [null]], [Method.fdatasync, [1.5]],
      [Method.fstat, ['x']], [Method.stat, [5]], [Method.lstat, [null]], [Method.stat, ['/nope']],
      [Method.readFile, [77, null, 'r']], [Method.readFile, [-3, null]], [Method.writeFile, [3, 5, 'w']], [Method.writeFile, [3, new Uint8Array(2048), 'w']],
    ];
    const codes = [];
    for (const [method, args] of bad) codes.push(`${method} ${String(await call(method, args))}`);
    expect(codes.every((c) => /(ERR_[A-Z_]+|EBADF|ENOENT)$/.test(c))).toBe(true);
    expect(codes.filter((c) => c.endsWith('EBADF'))).toHaveLength(3);
    // The table still works, and nothing leaked.
    expect(await call(Method.read, [3, 5, 0])).toBe(Status.Raw);
    expect(await call(Method.close, [3])).toBe(Status.Ok);
    expect(fds.openCount).toBe(0);
  });
});
