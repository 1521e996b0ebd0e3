import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../bridge/channel/host.js';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame, type ResponseFrame } from '../../bridge/wire/frame.js';
import { base64Length, toLegacyBytes } from '../../bridge/legacy.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import { createSandbox, Dispatcher } from '../../host/index.js';
import { fsHandlers } from '../../host/fs/index.js';
import type { DispatcherProtocol } from '../../host/dispatcher/legacy.js';

const obj = (base64: string) => ({ __agentOsType: 'bytes', base64 });

function setup(protocol?: DispatcherProtocol) {
  const vol = new Volume();
  const d = new Dispatcher('s1', fsHandlers(vol, { maxFileBytes: 1 << 20 }), protocol === undefined ? {} : { protocol });
  let nextId = 1;
  async function call(method: string, args: unknown[]): Promise<ResponseFrame & { value: () => unknown }> {
    const payload = encodeArgs(args);
    const r = decodeResponse(await d.handle(joinFrame(encodeCallHeader('s1', nextId++, method, payload.length), payload)));
    return { ...r, value: () => decodeValue(r.payload) };
  }
  return { vol, d, call };
}

const errorCode = (r: ResponseFrame) => (r.status === Status.Error ? decodeErrorRecord(r.payload).code : `status ${r.status}`);

describe('legacy mode: an old host, faithfully', () => {
  it('answers binary reads with a status-0 bytes object, ~4/3 the file size, never status 2', async () => {
    const { vol, call } = setup('legacy');
    const data = Uint8Array.from({ length: 30_000 }, (_, i) => i & 0xff);
    vol.writeFileSync('/f', data);
    vol.writeFileSync('/empty', '');
    const r = await call(Method.readFile, ['/f']);
    expect(r.status).toBe(Status.Ok);
    expect(r.value()).toEqual(toLegacyBytes(data));
    expect(r.payload.length).toBeGreaterThanOrEqual(base64Length(data.length));
    expect(r.payload.length).toBeLessThan(base64Length(data.length) + 40);
    expect((await call(Method.readFile, ['/empty'])).value()).toEqual(obj(''));
    expect((await call(Method.readFile, ['/f', 'hex'])).value()).toBe(Buffer.from(data).toString('hex'));
  });

  it('does not know bridge.hello, like a host from before the raw protocol', async () => {
    const { call } = setup('legacy');
    expect(errorCode(await call(Method.hello, [2]))).toBe('ERR_BRIDGE_UNKNOWN_METHOD');
  });

  it('turns embedder results into bytes objects: raw, ByteSource and nested; leaves built bytes objects unchanged', async () => {
    const { d, call } = setup('legacy');
    let closed = 0;
    const source: ByteSource = { size: 3, read: (t) => void t.set([7, 8, 9]), close: () => void closed++ };
    const built = { list: [{ payload: obj('AAEC') }], note: { __agentOsType: 'other', base64: 'x' } };
    d.register('app.raw', () => Uint8Array.from([1, 2]));
    d.register('app.source', () => source);
    d.register('app.nested', () => ({ a: [{ b: Buffer.from('hi') }], n: 1 }));
    d.register('app.built', () => built);
    const answers = await Promise.all(['app.raw', 'app.source', 'app.nested', 'app.built'].map((m) => call(m, [])));
    expect(answers.map((a) => a.status)).toEqual([Status.Ok, Status.Ok, Status.Ok, Status.Ok]);
    expect(answers[0]!.value()).toEqual(obj('AQI='));
    expect(answers[1]!.value()).toEqual(obj('BwgJ'));
    expect(closed).toBe(1);
    expect(answers[2]!.value()).toEqual({ a: [{ b: obj('aGk=') }], n: 1 });
    expect(answers[3]!.value()).toEqual(built);
  });
});

describe('negotiate mode: raw only for guests that announce it', () => {
  it('answers legacy before the hello, raw after a hello announcing version 2', async () => {
    const { vol, call } = setup('negotiate');
    vol.writeFileSync('/f', Uint8Array.from([0xa1, 0x00]));
    expect((await call(Method.readFile, ['/f'])).value()).toEqual(obj('oQA='));
    const hello = await call(Method.hello, [2]);
    expect(hello.value()).toEqual({ protocol: 'raw', version: 2 });
    const raw = await call(Method.readFile, ['/f']);
    expect(raw.status).toBe(Status.Raw);
    expect([...raw.payload]).toEqual([0xa1, 0x00]);
    // The first hello settles the session; a later one cannot flip it.
    expect((await call(Method.hello, [1])).value()).toEqual({ protocol: 'raw', version: 2 });
    expect((await call(Method.readFile, ['/f'])).status).toBe(Status.Raw);
  });

  it.each([[[1]], [['2']], [[]], [[null]]])('hello %j keeps the session legacy', async (args) => {
    const { vol, call } = setup('negotiate');
    vol.writeFileSync('/f', 'x');
    expect((await call(Method.hello, args)).value()).toEqual({ protocol: 'legacy', version: 1 });
    expect((await call(Method.readFile, ['/f'])).value()).toEqual(obj('eA=='));
  });

  it('a standalone Dispatcher defaults to raw and says so', async () => {
    const { call } = setup();
    expect((await call(Method.hello, [1])).value()).toEqual({ protocol: 'raw', version: 2 });
  });

  it('rejects an unknown mode', () => {
    expect(() => setup('base64' as DispatcherProtocol)).toThrow("unknown dispatcher protocol 'base64'");
  });
});

describe.each(['raw', 'negotiate', 'legacy'] as const)('bytes objects in arguments (%s)', (protocol) => {
  it('are written as their bytes by both write methods', async () => {
    const { vol, call } = setup(protocol);
    expect((await call(Method.writeFileBinary, ['/a', obj('AAEC/w==')])).status).toBe(Status.Ok);
    expect([...(vol.readFileSync('/a') as Buffer)]).toEqual([0, 1, 2, 0xff]);
    await call(Method.writeFile, ['/b', obj('')]);
    expect((vol.readFileSync('/b') as Buffer).length).toBe(0);
  });

  it('reach embedder methods as Buffers at any depth; other objects pass unchanged', async () => {
    const { d, call } = setup(protocol);
    let seen: unknown;
    d.register('app.take', (args) => void (seen = args));
    await call('app.take', [{ list: [obj('AQ=='), { __agentOsType: 'text', base64: '!' }] }]);
    const [arg] = seen as [{ list: [Buffer, unknown] }];
    expect(Buffer.isBuffer(arg.list[0])).toBe(true);
    expect([...arg.list[0]]).toEqual([1]);
    expect(arg.list[1]).toEqual({ __agentOsType: 'text', base64: '!' });
  });

  it.each([
    ['bad base64', obj('AAE'), 'arguments[1].base64: 3 characters is not a multiple of 4'],
    ['non-canonical', obj('AB=='), 'non-canonical base64'],
    ['an extra key', { ...obj('AA=='), mode: 1 }, 'arguments[1]: unexpected key "mode"'],
    ['base64 not a string', { __agentOsType: 'bytes', base64: [1] }, 'base64 must be a string, got object'],
  ])('malformed (%s) get a clear error, nothing is written, and the next call works', async (_name, data, message) => {
    const { vol, call } = setup(protocol);
    const r = await call(Method.writeFile, ['/w', data]);
    expect(errorCode(r)).toBe('ERR_BRIDGE_INVALID_BYTES');
    const record = decodeErrorRecord(r.payload);
    expect(record.name).toBe('TypeError');
    expect(record.message).toContain(message);
    expect(vol.existsSync('/w')).toBe(false);
    expect((await call(Method.writeFile, ['/w', obj('AA==')])).status).toBe(Status.Ok);
  });
});

describe('sandbox protocol options', () => {
  it('reject unknown values early', () => {
    expect(() => createSandbox({ protocol: 'base64' as 'raw' })).toThrow("protocol must be 'raw' or 'legacy', got \"base64\"");
    expect(() => createSandbox({ guestProtocol: 'old' as 'legacy' })).toThrow("guestProtocol must be 'negotiate' or 'legacy', got \"old\"");
    expect(() => createSandbox({ protocol: 'legacy', guestProtocol: 'legacy' })).not.toThrow();
  });
});
