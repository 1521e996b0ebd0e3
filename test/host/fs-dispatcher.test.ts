import { readFileSync } from 'node:fs';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame, type ResponseFrame } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import { createFsDispatcher, createMountVfs, type FsDispatcher } from '../../host/index.js';
import { tempDir } from '../e2e/helpers.js';

/** Calls through the dispatcher's public frame API, as an embedder's transport does. */
function caller(d: FsDispatcher, session: string) {
  let id = 1;
  return async (method: string, args: unknown[]): Promise<ResponseFrame> => {
    const payload = encodeArgs(args);
    return decodeResponse(await d.handle(joinFrame(encodeCallHeader(session, id++, method, payload.length), payload)));
  };
}

describe('createFsDispatcher: the fs of one session for an embedder', () => {
  it('serves reads (status 2 raw), writes, descriptors and directories over a memory volume', async () => {
    const vol = Volume.fromJSON({ '/a.txt': 'hello' });
    const d = createFsDispatcher('emb', { vfs: vol });
    const call = caller(d, 'emb');
    const read = await call(Method.readFile, ['/a.txt', null, 'r']);
    expect(read.status).toBe(Status.Raw);
    expect(Buffer.from(read.payload).toString()).toBe('hello');
    expect((await call(Method.writeFile, ['/b.bin', new Uint8Array([0, 1, 2]), 'w', 0o666])).status).toBe(Status.Ok);
    expect([...(vol.readFileSync('/b.bin') as Buffer)]).toEqual([0, 1, 2]);
    const opened = await call(Method.open, ['/a.txt', 'r', 0o666]);
    expect(opened.status).toBe(Status.Ok);
    expect(decodeValue(opened.payload)).toBe(3);
    expect(d.descriptors.openCount).toBe(1);
    const missing = await call(Method.readFile, ['/nope', null, 'r']);
    expect(decodeErrorRecord(missing.payload)).toMatchObject({ code: 'ENOENT', syscall: 'open', path: '/nope' });
    d.close();
    expect(d.descriptors.openCount).toBe(0);
  });

  it('serves a mount, confined to it', async () => {
    const dir = tempDir();
    const d = createFsDispatcher('m', { vfs: createMountVfs(dir) });
    const call = caller(d, 'm');
    expect((await call(Method.writeFile, ['/x.txt', new Uint8Array([0x78]), 'w', 0o666])).status).toBe(Status.Ok);
    expect(readFileSync(`${dir}/x.txt`, 'utf8')).toBe('x');
    const escape = await call(Method.readFile, ['/../../etc/passwd', null, 'r']);
    expect(escape.status).toBe(Status.Error);
    d.close();
  });

  it('keeps the limits a Sandbox run has: file size, filesystem budget, descriptors, output', async () => {
    const out: Buffer[] = [];
    const told: number[] = [];
    const d = createFsDispatcher('l', {
      limits: { maxFileBytes: 1024, maxFsBytes: 4096, maxOutputBytes: 10 },
      stdout: (b) => void out.push(Buffer.from(b)),
      onOutputLimit: (max) => void told.push(max),
    });
    const call = caller(d, 'l');
    expect(decodeErrorRecord((await call(Method.writeFile, ['/big', new Uint8Array(2048), 'w', 0o666])).payload).code).toMatch(/^E/);
    for (let i = 0; i < 4; i++) await call(Method.writeFile, [`/f${i}`, new Uint8Array(1000), 'w', 0o666]);
    expect(decodeErrorRecord((await call(Method.writeFile, ['/f5', new Uint8Array(1000), 'w', 0o666])).payload).code).toBe('ENOSPC');
    expect((await call(Method.write, [1, new Uint8Array(Buffer.from('0123456789'))])).status).toBe(Status.Ok);
    expect(decodeErrorRecord((await call(Method.write, [1, new Uint8Array([0x21])])).payload).code).toBe('ENOSPC');
    expect(Buffer.concat(out).toString()).toBe('0123456789');
    expect(told).toEqual([10]);
    const fds: ResponseFrame[] = [];
    for (let i = 0; i < 1030; i++) fds.push(await call(Method.open, ['/f0', 'r', 0o666]));
    expect(decodeErrorRecord(fds[fds.length - 1]!.payload).code).toBe('EMFILE');
    d.close();
    expect(d.descriptors.openCount).toBe(0);
  });

  it('answers legacy when asked (bytes objects, never status 2), and refuses a frame of another session', async () => {
    const d = createFsDispatcher('old', { vfs: Volume.fromJSON({ '/a': 'AB' }), protocol: 'legacy' });
    const read = await caller(d, 'old')(Method.readFile, ['/a', null, 'r']);
    expect(read.status).toBe(Status.Ok);
    expect(decodeValue(read.payload)).toEqual({ __agentOsType: 'bytes', base64: 'QUI=' });
    const other = await caller(d, 'intruder')(Method.readFile, ['/a', null, 'r']);
    expect(other.status).toBe(Status.Error);
  });

  it('refuses a bad session name', () => {
    expect(() => createFsDispatcher('')).toThrow(TypeError);
    expect(() => createFsDispatcher('x'.repeat(256))).toThrow(TypeError);
    expect(() => createFsDispatcher(5 as unknown as string)).toThrow(TypeError);
  });
});
