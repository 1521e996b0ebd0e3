import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame, type ResponseFrame } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { decodeValue, encodeArgs, encodeValue } from '../../bridge/wire/values.js';
import { BridgeCallError, Dispatcher } from '../../host/index.js';
import { fsHandlers } from '../../host/fs/index.js';

const LIMIT = 1024 * 1024;

function setup() {
  const vol = new Volume();
  vol.mkdirSync('/dir');
  const d = new Dispatcher('s1', fsHandlers(vol, { maxFileBytes: LIMIT }));
  let nextId = 1;
  async function call(method: string, args: unknown[] | Uint8Array, session = 's1', id = nextId++): Promise<ResponseFrame> {
    const payload = args instanceof Uint8Array ? args : encodeArgs(args);
    return decodeResponse(await d.handle(joinFrame(encodeCallHeader(session, id, method, payload.length), payload)));
  }
  return { vol, d, call };
}

const error = (r: ResponseFrame) => {
  expect(r.status).toBe(Status.Error);
  return decodeErrorRecord(r.payload);
};

describe('binary readFileSync answers status 2 with exactly the bytes', () => {
  it.each([
    ['starts with 0x00 (CBOR 0)', [0x00, 0x01, 0x02]],
    ["starts with 'a' (CBOR text)", [0x61, 0x62, 0x63]],
    ['starts with 0x41 (CBOR 1-byte string)', [0x41, 0x42]],
    ["starts with 'H'", [0x48, 0x69]],
    ['PNG signature', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['0xFF (CBOR break)', [0xff, 0xfe]],
    ['a legacy bytes object in JSON', [...Buffer.from('{"__agentOsType":"bytes","base64":"AAE="}')]],
    ['empty file', []],
  ])('%s', async (_name, bytes) => {
    const { vol, call } = setup();
    vol.writeFileSync('/f', Uint8Array.from(bytes));
    const r = await call(Method.readFile, ['/f']);
    expect(r.status).toBe(Status.Raw);
    expect([...r.payload]).toEqual(bytes);
  });

  it('with an encoding answers status 0 with the decoded string', async () => {
    const { vol, call } = setup();
    vol.writeFileSync('/t', Buffer.from([0x68, 0xc3, 0xa9, 0xff]));
    const utf8 = await call(Method.readFile, ['/t', 'utf8']);
    expect(utf8.status).toBe(Status.Ok);
    expect(decodeValue(utf8.payload)).toBe(Buffer.from([0x68, 0xc3, 0xa9, 0xff]).toString('utf8'));
    expect(decodeValue((await call(Method.readFile, ['t', 'hex'])).payload)).toBe('68c3a9ff');
  });
});

describe('writeFileSync receives raw bytes', () => {
  it('writes a byte string argument unchanged, and strings as UTF-8', async () => {
    const { vol, call } = setup();
    const data = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff);
    expect((await call(Method.writeFile, ['/w', data])).status).toBe(Status.Ok);
    expect(new Uint8Array(vol.readFileSync('/w') as Buffer)).toEqual(data);
    await call(Method.writeFileBinary, ['rel', data.subarray(5, 10)]);
    expect([...(vol.readFileSync('/rel') as Buffer)]).toEqual([...data.subarray(5, 10)]);
    await call(Method.writeFile, ['/s', 'héllo']);
    expect(vol.readFileSync('/s', 'utf8')).toBe('héllo');
  });

  it('honours the flag', async () => {
    const { vol, call } = setup();
    vol.writeFileSync('/a', 'x');
    expect(error(await call(Method.writeFile, ['/a', new Uint8Array(1), 'wx']))).toEqual({ code: 'EEXIST', syscall: 'open', path: '/a' });
    await call(Method.writeFile, ['/a', Buffer.from('yz'), 'a']);
    expect(vol.readFileSync('/a', 'utf8')).toBe('xyz');
  });
});

describe('errors are Node-shaped records', () => {
  it('reports the path as the guest gave it', async () => {
    const { call } = setup();
    expect(error(await call(Method.readFile, ['nope.txt']))).toEqual({ code: 'ENOENT', syscall: 'open', path: 'nope.txt' });
    expect(error(await call(Method.readFile, ['/dir']))).toEqual({ code: 'EISDIR', syscall: 'read' });
    expect(error(await call(Method.writeFile, ['/no/such', new Uint8Array(1)]))).toEqual({ code: 'ENOENT', syscall: 'open', path: '/no/such' });
  });

  it('refuses files over the limit with ERR_FS_FILE_TOO_LARGE', async () => {
    const { vol, call } = setup();
    vol.writeFileSync('/big', Buffer.alloc(LIMIT + 1));
    const rec = error(await call(Method.readFile, ['/big']));
    expect(rec).toMatchObject({ code: 'ERR_FS_FILE_TOO_LARGE', name: 'RangeError' });
    expect(rec.message).toContain(`File size (${LIMIT + 1})`);
    expect(error(await call(Method.writeFile, ['/big2', new Uint8Array(LIMIT + 1)])).code).toBe('ERR_FS_FILE_TOO_LARGE');
    expect(vol.existsSync('/big2')).toBe(false);
  });
});

describe('a hostile caller gets errors, and the next call works', () => {
  it.each([
    ['unknown method', Method.readFile.replace('read', 'rm'), ['/x'], 'ERR_BRIDGE_UNKNOWN_METHOD'],
    ['inherited name', 'constructor', [], 'ERR_BRIDGE_UNKNOWN_METHOD'],
    ['path of the wrong type', Method.readFile, [true], 'ERR_INVALID_ARG_TYPE'],
    ['path with a NUL byte', Method.readFile, ['/a\u0000b'], 'ERR_INVALID_ARG_TYPE'],
    ['bad encoding', Method.readFile, ['/f', 'klingon'], 'ERR_INVALID_ARG_VALUE'],
    ['bad flag', Method.readFile, ['/f', null, { x: 1 }], 'ERR_INVALID_ARG_VALUE'],
    ['data of the wrong type', Method.writeFile, ['/f', { length: 3 }], 'ERR_INVALID_ARG_TYPE'],
    ['arguments that are not an array', Method.readFile, encodeValue({ 0: '/f' }), 'ERR_BRIDGE_MALFORMED_FRAME'],
    ['arguments that are not CBOR', Method.readFile, Uint8Array.from([0x1c, 0xff]), 'ERR_BRIDGE_MALFORMED_FRAME'],
    ['arguments with trailing bytes', Method.readFile, Uint8Array.from([0x80, 0x00]), 'ERR_BRIDGE_MALFORMED_FRAME'],
    // Found by the fuzzer: cbor-x read these through a DataView past the end, or recursed until the stack ran out.
    ['arguments whose head is cut short', Method.readFile, Uint8Array.from([0xbb]), 'ERR_BRIDGE_MALFORMED_FRAME'],
    ['a float cut short', Method.readFile, Uint8Array.from([0x82, 0xf9, 0x92, 0x7f, 0x19]), 'ERR_BRIDGE_MALFORMED_FRAME'],
    ['a string that declares 2^32-1 bytes', Method.readFile, Uint8Array.from([0x81, 0x7a, 0xff, 0xff, 0xff, 0xff, 0x61]), 'ERR_BRIDGE_MALFORMED_FRAME'],
    ['an array that declares 2^64-1 items', Method.readFile, Uint8Array.from([0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), 'ERR_BRIDGE_MALFORMED_FRAME'],
    ['arguments nested 50,000 deep', Method.readFile, Uint8Array.from([0x82, 0x61, 0x2f, ...new Array<number>(50_000).fill(0x81), 0x01]), 'ERR_BRIDGE_MALFORMED_FRAME'],
  ] as const)('%s', async (_name, method, args, code) => {
    const { vol, call } = setup();
    vol.writeFileSync('/f', 'fine');
    const r = await call(method, args as unknown[] | Uint8Array, 's1', 77);
    expect(r.id).toBe(77);
    expect(error(r).code).toBe(code);
    const next = await call(Method.readFile, ['/f']);
    expect(next.status).toBe(Status.Raw);
    expect(Buffer.from(next.payload).toString()).toBe('fine');
  });

  it('a malformed frame gets an error reply for call 0', async () => {
    const { d } = setup();
    const r = decodeResponse(await d.handle(Uint8Array.from([0, 0, 0, 1, 0x81])));
    expect(r.id).toBe(0);
    expect(decodeErrorRecord(r.payload).code).toBe('ERR_BRIDGE_MALFORMED_FRAME');
  });

  it('a frame for another session is refused', async () => {
    const { call } = setup();
    const rec = error(await call(Method.readFile, ['/f'], 's2'));
    expect(rec.code).toBe('ERR_BRIDGE_MALFORMED_FRAME');
    expect(rec.message).toContain("unknown session 's2'");
  });

  it('an over-limit request is refused with the id from its head', () => {
    const { d } = setup();
    const head = encodeCallHeader('s1', 12, Method.writeFile, LIMIT * 2);
    const reply = d.refuse(head, LIMIT * 2 + head.length, LIMIT);
    expect(reply.id).toBe(12);
    expect(reply.status).toBe(Status.Error);
  });
});

describe('embedder methods', () => {
  it('structured, raw, async and failing handlers each get their status', async () => {
    const { d, call } = setup();
    d.register('demo.sum', (args) => (args as number[]).reduce((a, b) => a + b, 0));
    d.register('demo.bytes', async () => Uint8Array.from([0, 1, 2]));
    d.register('demo.sys', () => {
      throw Object.assign(new Error('whatever'), { code: 'EACCES', syscall: 'open', path: '/secret' });
    });
    d.register('demo.fail', () => {
      throw new BridgeCallError({ code: 'ERR_DEMO', name: 'TypeError', message: 'nope' });
    });
    expect(decodeValue((await call('demo.sum', [1, 2, 3])).payload)).toBe(6);
    const raw = await call('demo.bytes', []);
    expect(raw.status).toBe(Status.Raw);
    expect([...raw.payload]).toEqual([0, 1, 2]);
    expect(error(await call('demo.sys', []))).toEqual({ code: 'EACCES', syscall: 'open', path: '/secret' });
    expect(error(await call('demo.fail', []))).toEqual({ code: 'ERR_DEMO', name: 'TypeError', message: 'nope' });
  });

  it('text that looks like an error code never becomes one', async () => {
    const { d, call } = setup();
    d.register('demo.echo', (args) => {
      throw new Error(String(args[0]));
    });
    const rec = error(await call('demo.echo', ['ENOENT: no such file or directory']));
    expect(rec.code).toBe('ERR_BRIDGE_HOST_FAILURE');
    expect(rec.message).toBe('ENOENT: no such file or directory');
  });
});
