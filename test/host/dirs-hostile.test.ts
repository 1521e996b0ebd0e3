import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame, type ResponseFrame } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import { Dispatcher } from '../../host/index.js';
import { fsHandlers } from '../../host/fs/index.js';

/**
 * The directory methods answer a hostile guest (wrong types, NUL bytes, huge arrays, out-of-range
 * numbers, symlink loops) with error records, and the next call on the same dispatcher works.
 */
const LIMIT = 1024 * 1024;

function setup(limit = LIMIT) {
  const vol = new Volume();
  vol.mkdirSync('/d/sub', { recursive: true });
  vol.writeFileSync('/d/f', 'fine');
  vol.writeFileSync('/keep', 'fine');
  vol.symlinkSync('/d', '/l');
  const d = new Dispatcher('s1', fsHandlers(vol, { maxFileBytes: limit }));
  let nextId = 1;
  async function call(method: string, args: unknown[]): Promise<ResponseFrame> {
    const payload = encodeArgs(args);
    return decodeResponse(await d.handle(joinFrame(encodeCallHeader('s1', nextId++, method, payload.length), payload)));
  }
  return { vol, call };
}

const huge = Array.from({ length: 100_000 }, (_, i) => i);
const nested: unknown = JSON.parse('['.repeat(200) + ']'.repeat(200));
const BAD_PATHS: unknown[] = [42, null, true, huge, { path: '/d' }, '/d\u0000x', new Uint8Array([0x2f, 0x64, 0x00]), new Uint16Array([0x2f, 0x64]), nested, -1.5];

/** Each method with a valid argument list; the hostile cases replace one argument at a time. */
const METHODS: Array<[method: string, args: unknown[]]> = [
  [Method.access, ['/d', 0]],
  [Method.readdir, ['/d', 'utf8', false, 0]],
  [Method.rmdir, ['/d/sub']],
  [Method.rm, ['/d/f', false, false, 'rmSync']],
  [Method.unlink, ['/d/f']],
  [Method.rename, ['/d/f', '/d/g']],
  [Method.copyFile, ['/d/f', '/d/g', 0]],
  [Method.realpath, ['/l', 'utf8', false]],
  [Method.symlink, ['/d', '/l2']],
  [Method.readlink, ['/l', 'utf8']],
  [Method.link, ['/d/f', '/d/h']],
  [Method.utimes, ['/d/f', 1, 2]],
  [Method.lutimes, ['/l', 1, 2]],
  [Method.chmod, ['/d/f', 0o600]],
  [Method.chown, ['/d/f', -1, -1]],
  [Method.lchown, ['/l', -1, -1]],
  [Method.mkdtemp, ['/d/t-', 'utf8', false]],
  [Method.mkdir, ['/d/new', false, 0o777, false]],
];

/** Wrong values for each non-path argument position. */
const BAD_OTHERS: unknown[] = ['nope', -7, 2 ** 53, Number.NaN, huge, { a: 1 }, nested, 'x'.repeat(100_000)];

async function expectRecovered(call: (m: string, a: unknown[]) => Promise<ResponseFrame>): Promise<void> {
  const next = await call(Method.readFile, ['/keep']);
  expect(next.status).toBe(Status.Raw);
  expect(Buffer.from(next.payload).toString()).toBe('fine');
}

describe('hostile arguments to the directory methods', () => {
  it.each(METHODS)('%s: a bad path in any position is an error answer, and the next call works', async (method, args) => {
    const { call } = setup();
    const pathPositions = method === Method.rename || method === Method.copyFile || method === Method.symlink || method === Method.link ? [0, 1] : [0];
    for (const position of pathPositions) {
      for (const bad of BAD_PATHS) {
        const hostile = [...args];
        hostile[position] = bad;
        const r = await call(method, hostile);
        expect(r.status, `${method} ${position} ${JSON.stringify(bad)?.slice(0, 40)}`).toBe(Status.Error);
        expect(decodeErrorRecord(r.payload).code).toBe('ERR_INVALID_ARG_TYPE');
        await expectRecovered(call);
      }
    }
  });

  it.each(METHODS.filter(([m]) => m !== Method.readdir && m !== Method.realpath && m !== Method.readlink && m !== Method.mkdtemp))(
    '%s: bad values in the other positions never crash the host',
    async (method, args) => {
      for (let position = 1; position < args.length; position++) {
        for (const bad of BAD_OTHERS) {
          // A fresh tree each time: an ignored flag makes this a normal call (rm, rename change the tree).
          const { call } = setup();
          const hostile = [...args];
          hostile[position] = bad;
          const r = await call(method, hostile);
          // Either a clean error record, or (for ignored flags) a normal answer.
          if (r.status === Status.Error) expect(decodeErrorRecord(r.payload).code).toMatch(/^(E[A-Z]+|ERR_[A-Z_]+)$/);
          await expectRecovered(call);
        }
      }
    },
  );

  it('unknown encodings and walk orders are argument errors', async () => {
    const { call } = setup();
    for (const [method, args] of [
      [Method.readdir, ['/d', 'klingon', false, 0]],
      [Method.readdir, ['/d', 'utf8', false, 9]],
      [Method.readdir, ['/d', 'utf8', false, -1]],
      [Method.realpath, ['/l', 42, false]],
      [Method.readlink, ['/l', { enc: 1 }]],
      [Method.mkdtemp, ['/d/t-', huge, false]],
      [Method.rm, ['/d/f', true, true, 'rmrf']],
      [Method.access, ['/d', 8]],
      [Method.copyFile, ['/d/f', '/d/g', 99]],
      [Method.chown, ['/d/f', 2 ** 32, 0]],
    ] as Array<[string, unknown[]]>) {
      const r = await call(method, args);
      expect(r.status, method).toBe(Status.Error);
      expect(decodeErrorRecord(r.payload).code).toMatch(/^ERR_(INVALID_ARG_VALUE|OUT_OF_RANGE)$/);
      await expectRecovered(call);
    }
  });

  it('symlink loops end in ELOOP, and a listing that grows through links is cut at the size limit', async () => {
    const { vol, call } = setup();
    vol.symlinkSync('/loop2', '/loop1');
    vol.symlinkSync('/loop1', '/loop2');
    for (const [method, args, syscall] of [
      [Method.readdir, ['/loop1', 'utf8', false, 0], 'scandir'],
      [Method.access, ['/loop1/x', 0], 'access'],
      [Method.realpath, ['/loop1', 'utf8', true], 'realpath'],
      [Method.realpath, ['/loop1', 'utf8', false], 'stat'],
      [Method.mkdir, ['/loop1/x', true, 0o777, false], 'mkdir'],
    ] as Array<[string, unknown[], string]>) {
      const rec = decodeErrorRecord((await call(method, args)).payload);
      expect(rec, method).toMatchObject({ code: 'ELOOP', syscall });
      await expectRecovered(call);
    }
    // Two links to their own directory: every level doubles the names until ELOOP (2^40 of them).
    vol.mkdirSync('/grow');
    vol.symlinkSync('.', '/grow/a');
    vol.symlinkSync('.', '/grow/b');
    const r = await call(Method.readdir, ['/grow', 'utf8', false, 1]);
    expect(decodeErrorRecord(r.payload)).toMatchObject({ code: 'ERR_FS_FILE_TOO_LARGE', name: 'RangeError' });
    await expectRecovered(call);
    // With a large byte limit, the cap on entries reached through symlinks ends it (in well under a few seconds).
    const big = setup(256 * 1024 * 1024);
    big.vol.mkdirSync('/grow');
    big.vol.symlinkSync('.', '/grow/a');
    big.vol.symlinkSync('.', '/grow/b');
    const started = Date.now();
    const capped = await big.call(Method.readdir, ['/grow', 'utf8', false, 2]);
    expect(decodeErrorRecord(capped.payload).message).toContain('through symlinks');
    expect(Date.now() - started).toBeLessThan(15_000);
    await expectRecovered(big.call);
  });

  it('valid calls still answer as before after all of that', async () => {
    const { call } = setup();
    const list = await call(Method.readdir, ['/d', 'buffer', true, 0]);
    expect(list.status).toBe(Status.Ok);
    const rows = decodeValue(list.payload) as Array<[Uint8Array, number, string | null]>;
    expect(rows.map(([n, t, p]) => [Buffer.from(n).toString(), t, p])).toEqual([
      ['f', 1, null],
      ['sub', 2, null],
    ]);
    expect((await call(Method.realpath, ['/l/sub', 'buffer', true])).status).toBe(Status.Raw);
    expect(decodeValue((await call(Method.exists, [huge])).payload)).toBe(false);
    expect(decodeValue((await call(Method.exists, ['/l/f'])).payload)).toBe(true);
  });
});
