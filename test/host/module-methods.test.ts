import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame, type ResponseFrame } from '../../bridge/wire/frame.js';
import { Method, ModuleBatch, ModuleSource, Status } from '../../bridge/wire/protocol.js';
import { decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import { Dispatcher } from '../../host/index.js';
import { fsHandlers } from '../../host/fs/index.js';

/** The module loader's lookups (module.stat, module.read) through the dispatcher, without a Worker. */
function setup(limit = 1024) {
  const vol = new Volume();
  vol.mkdirSync('/pkg/lib', { recursive: true });
  vol.writeFileSync('/pkg/index.js', 'module.exports = 1;\n');
  vol.writeFileSync('/pkg/big.js', Buffer.alloc(limit + 1, 0x20));
  vol.symlinkSync('/pkg/index.js', '/pkg/link.js');
  vol.symlinkSync('/nowhere', '/pkg/dangling.js');
  const d = new Dispatcher('s1', fsHandlers(vol, { maxFileBytes: limit }));
  let id = 1;
  async function call(method: string, args: unknown[]): Promise<ResponseFrame> {
    const payload = encodeArgs(args);
    return decodeResponse(await d.handle(joinFrame(encodeCallHeader('s1', id++, method, payload.length), payload)));
  }
  return { call };
}

describe('module.stat', () => {
  it.each([
    ['/pkg/index.js', 0],
    ['/pkg/link.js', 0],
    ['/pkg/lib', 1],
    ['/pkg', 1],
    ['/pkg/missing.js', -2],
    ['/pkg/dangling.js', -2],
    ['/pkg/index.js/x', -2],
    ['pkg/index.js', 0],
  ])('%s is %i', async (path, expected) => {
    const r = await setup().call(Method.moduleStat, [path]);
    expect(r.status).toBe(Status.Ok);
    expect(decodeValue(r.payload)).toBe(expected);
  });
});

describe('module.stat with real paths', () => {
  it.each([
    ['/pkg/index.js', '/pkg/index.js'],
    ['/pkg/link.js', '/pkg/index.js'],
    ['/pkg/../pkg/./index.js', '/pkg/index.js'],
    ['/pkg/lib', 1],
    ['/pkg/dangling.js', -2],
  ])('%s answers %s', async (path, expected) => {
    const r = await setup().call(Method.moduleStat, [path, true]);
    expect(decodeValue(r.payload)).toBe(expected);
  });

  it('gives the real path only when asked with exactly true', async () => {
    const { call } = setup();
    for (const flag of [1, 'yes', {}, false]) expect(decodeValue((await call(Method.moduleStat, ['/pkg/link.js', flag])).payload)).toBe(0);
  });
});

describe('module.stat with the source', () => {
  it('answers a file with status 2: its real path, then exactly its bytes', async () => {
    const r = await setup().call(Method.moduleStat, ['/pkg/link.js', true, true]);
    expect(r.status).toBe(Status.Raw);
    const bytes = Buffer.from(r.payload);
    const n = bytes.readUInt32BE(ModuleSource.realpathLength);
    expect(bytes.subarray(ModuleSource.realpath, ModuleSource.realpath + n).toString()).toBe('/pkg/index.js');
    expect(bytes.subarray(ModuleSource.realpath + n).toString()).toBe('module.exports = 1;\n');
  });

  it('answers directories, missing paths and files over ModuleSource.maxBytes as without it', async () => {
    const { call } = setup(ModuleSource.maxBytes + 16);
    expect(decodeValue((await call(Method.moduleStat, ['/pkg/lib', true, true])).payload)).toBe(1);
    expect(decodeValue((await call(Method.moduleStat, ['/pkg/missing.js', true, true])).payload)).toBe(-2);
    const big = await call(Method.moduleStat, ['/pkg/big.js', true, true]);
    expect(big.status).toBe(Status.Ok);
    expect(decodeValue(big.payload)).toBe('/pkg/big.js');
  });
});

describe('module.read', () => {
  it('answers a file with status 2 and exactly its bytes, following symlinks', async () => {
    const { call } = setup();
    for (const p of ['/pkg/index.js', '/pkg/link.js']) {
      const r = await call(Method.moduleRead, [p]);
      expect(r.status).toBe(Status.Raw);
      expect(Buffer.from(r.payload).toString()).toBe('module.exports = 1;\n');
    }
  });

  it('answers undefined (status 0, empty) for anything that is not a readable file, and the next call still works', async () => {
    const { call } = setup();
    for (const p of ['/pkg/missing.js', '/pkg/lib', '/pkg/dangling.js', '/pkg/big.js']) {
      const r = await call(Method.moduleRead, [p]);
      expect(r.status).toBe(Status.Ok);
      expect(r.payload.length).toBe(0);
    }
    expect((await call(Method.moduleRead, ['/pkg/index.js'])).status).toBe(Status.Raw);
  });

  it.each([
    ['a number', [5]],
    ['no argument', []],
    ['a path with a NUL byte', ['/pkg/index.js\u0000x']],
    ['bytes', [new Uint8Array([47, 112])]],
  ])('rejects %s as the path with ERR_INVALID_ARG_TYPE', async (_name, args) => {
    const { call } = setup();
    for (const method of [Method.moduleRead, Method.moduleStat]) {
      const r = await call(method, args);
      expect(r.status).toBe(Status.Error);
      expect(decodeErrorRecord(r.payload).code).toBe('ERR_INVALID_ARG_TYPE');
    }
    expect(decodeValue((await call(Method.moduleStat, ['/pkg'])).payload)).toBe(1);
  });
});

/** A module.statMany answer, decoded by the layout in bridge/wire/protocol.ts (written here independently). */
function readBatch(bytes: Uint8Array): (string | number | [string, string | null])[] {
  const b = Buffer.from(bytes);
  const out: (string | number | [string, string | null])[] = [];
  let at = 4;
  for (let i = 0; i < b.readUInt32BE(0); i++) {
    const kind = b[at++];
    if (kind === ModuleBatch.dir) out.push('dir');
    else if (kind === ModuleBatch.missing) out.push('missing');
    else {
      const n = b.readUInt32BE(at);
      const real = b.subarray(at + 4, at + 4 + n).toString();
      at += 4 + n;
      const len = b.readUInt32BE(at);
      at += 4;
      if (len === ModuleBatch.noSource) out.push([real, null]);
      else {
        out.push([real, b.subarray(at, at + len).toString()]);
        at += len;
      }
    }
  }
  expect(at).toBe(b.length);
  return out;
}

describe('module.statMany', () => {
  it('answers each path as module.stat would, with real paths and the sources asked for', async () => {
    const { call } = setup();
    const r = await call(Method.moduleStatMany, [
      ['/pkg/index.js', '/pkg/link.js', '/pkg/lib', '/pkg/missing.js', '/pkg/dangling.js', '/pkg/big.js', '/pkg/index.js'],
      [true, false, true, true, true, true, false],
    ]);
    expect(r.status).toBe(Status.Raw);
    expect(readBatch(r.payload)).toEqual([
      ['/pkg/index.js', 'module.exports = 1;\n'],
      ['/pkg/index.js', null],
      'dir',
      'missing',
      'missing',
      // Over the fs limit of this setup: module.stat sends no bytes for it either; module.read does.
      ['/pkg/big.js', ' '.repeat(1025)],
      ['/pkg/index.js', null],
    ]);
  });

  it.each([
    ['not a list', ['/pkg/index.js', [true]]],
    ['flags not a list', [['/pkg/index.js'], 'yes']],
    ['a path that is not a string', [['/pkg/index.js', 5], [true, true]]],
    ['too many paths', [Array.from({ length: ModuleBatch.maxPaths + 1 }, () => '/pkg/index.js'), []]],
  ])('refuses %s with an error record, and the next call works', async (_name, args) => {
    const { call } = setup();
    const r = await call(Method.moduleStatMany, args as unknown[]);
    expect(r.status).toBe(Status.Error);
    expect(decodeErrorRecord(r.payload).code).toMatch(/^ERR_/);
    const next = await call(Method.moduleStatMany, [['/pkg/index.js'], [false]]);
    expect(readBatch(next.payload)).toEqual([['/pkg/index.js', null]]);
  });
});
