import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { reviveLegacy, toLegacyBytes } from '../../bridge/legacy.js';
import { buildError, decodeErrorRecord, encodeErrorText, errorFromText, errorText } from '../../bridge/wire/errors.js';
import { decodeCall, decodeResponse, encodeCallHeader, encodeResponseHeader, joinFrame } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { decodeArgs, encodeArgs, encodeValue } from '../../bridge/wire/values.js';
import { createFsDispatcher } from '../../host/index.js';

/** The hand-written frames of test/fixtures/wire/frames.hex, by name. */
function fixtures(): Map<string, Buffer> {
  const frames = new Map<string, string>();
  let name: string | undefined;
  for (const raw of readFileSync(join(import.meta.dirname, '../fixtures/wire/frames.hex'), 'utf8').split('\n')) {
    const line = raw.split('#')[0]!.trim();
    if (line.startsWith('=')) frames.set((name = line.slice(1).trim()), '');
    else if (name !== undefined && line !== '') frames.set(name, frames.get(name)! + line.replace(/\s+/g, ''));
  }
  return new Map([...frames].map(([k, v]) => [k, Buffer.from(v, 'hex')]));
}
const F = fixtures();
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const frame = (name: string): Buffer => {
  const f = F.get(name);
  if (f === undefined) throw new Error(`no fixture ${name}`);
  return f;
};

describe('frames byte for byte against the reference layout', () => {
  it('has every fixture', () => {
    expect([...F.keys()].length).toBe(9);
  });

  it('writes calls exactly as the fixtures', () => {
    const args = encodeArgs(['/a.txt']);
    expect(hex(joinFrame(encodeCallHeader('s1', 1, Method.readFile, args.length), args))).toBe(hex(frame('call readFileSync')));
    expect(hex(encodeCallHeader('s1', 7, Method.hello, 0))).toBe(hex(frame('call empty payload')));
    const nul = encodeValue(null);
    expect(hex(joinFrame(encodeCallHeader('s1', 2 ** 53 - 1, 'x', nul.length), nul))).toBe(hex(frame('call large id')));
  });

  it('reads calls from the fixtures', () => {
    const call = decodeCall(frame('call readFileSync'));
    expect(call).toMatchObject({ session: 's1', id: 1, method: 'fs.readFileSync' });
    expect(decodeArgs(call.args)).toEqual(['/a.txt']);
    expect(decodeCall(frame('call empty payload')).args.length).toBe(0);
    expect(decodeCall(frame('call large id')).id).toBe(2 ** 53 - 1);
  });

  it('writes and reads responses of every status', () => {
    const cases: Array<[string, number, number, Uint8Array]> = [
      ['response ok empty', 1, Status.Ok, new Uint8Array(0)],
      ['response ok value', 2, Status.Ok, encodeValue(42)],
      ['response raw bytes', 3, Status.Raw, Uint8Array.of(0x00, 0xff)],
      ['response raw empty', 4, Status.Raw, new Uint8Array(0)],
      ['response error text', 5, Status.Error, encodeErrorText({ code: 'ENOENT', syscall: 'open', path: '/nope' })],
      ['response bytes object', 6, Status.Ok, encodeValue(toLegacyBytes(Uint8Array.of(0, 1)))],
    ];
    for (const [name, id, status, payload] of cases) {
      expect(hex(joinFrame(encodeResponseHeader('s1', id, status as never, payload.length), payload)), name).toBe(hex(frame(name)));
      const read = decodeResponse(frame(name));
      expect(read, name).toMatchObject({ session: 's1', id, status });
      expect(hex(read.payload), name).toBe(hex(payload));
    }
    expect(decodeErrorRecord(decodeResponse(frame('response error text')).payload)).toEqual({ code: 'ENOENT', syscall: 'open', path: '/nope' });
    const revived = reviveLegacy(decodeArgs(Buffer.concat([Buffer.of(0x81), decodeResponse(frame('response bytes object')).payload]))[0]);
    expect([...(revived as Uint8Array)]).toEqual([0, 1]);
  });

  it('takes session ids of 255 bytes and method names of 65,535 bytes', () => {
    const session = 'a'.repeat(255);
    const method = 'm'.repeat(65535);
    // length = 1 type + 1 + 255 + 8 id + 2 + 65535 = 65802 = 0x0001010a
    const expected = `0001010a81ff${'61'.repeat(255)}0000000000000009ffff${'6d'.repeat(65535)}`;
    expect(hex(encodeCallHeader(session, 9, method, 0))).toBe(expected);
    expect(decodeCall(Buffer.from(expected, 'hex'))).toMatchObject({ session, id: 9, method });
    expect(() => encodeCallHeader('a'.repeat(256), 1, 'x', 0)).toThrow();
    expect(() => encodeCallHeader('s', 1, 'm'.repeat(65536), 0)).toThrow();
  });

  it('a legacy dispatcher answers as the fixtures: a text error, a bytes object; a raw one answers status 2', async () => {
    const vol = Volume.fromJSON({});
    vol.writeFileSync('/two', Buffer.of(0, 1));
    vol.writeFileSync('/ff', Buffer.of(0x00, 0xff));
    vol.writeFileSync('/empty', '');
    const call = (path: string, id: number) => {
      const args = encodeArgs([path, null, 'r']);
      return joinFrame(encodeCallHeader('s1', id, Method.readFile, args.length), args);
    };
    const legacy = createFsDispatcher('s1', { vfs: vol, protocol: 'legacy' });
    expect(hex(await legacy.handle(call('/nope', 5)))).toBe(hex(frame('response error text')));
    expect(hex(await legacy.handle(call('/two', 6)))).toBe(hex(frame('response bytes object')));
    const raw = createFsDispatcher('s1', { vfs: vol });
    expect(hex(await raw.handle(call('/ff', 3)))).toBe(hex(frame('response raw bytes')));
    expect(hex(await raw.handle(call('/empty', 4)))).toBe(hex(frame('response raw empty')));
  });
});

describe('text errors: codes only where the reference rule trusts them', () => {
  const ctors = { Error, TypeError, RangeError };
  it('reads Node system messages back into their fields', () => {
    expect(errorFromText("ENOENT: no such file or directory, open '/a b'")).toEqual({ code: 'ENOENT', syscall: 'open', path: '/a b' });
    expect(errorFromText("EXDEV: cross-device link not permitted, rename '/a' -> '/b'")).toEqual({ code: 'EXDEV', syscall: 'rename', path: '/a', dest: '/b' });
    expect(errorFromText('EBADF: bad file descriptor, close')).toEqual({ code: 'EBADF', syscall: 'close' });
    const err = buildError(errorFromText("EACCES: permission denied, open '/x'"), ctors) as Error & Record<string, unknown>;
    expect([err.message, err.code, err.errno, err.syscall, err.path]).toEqual(["EACCES: permission denied, open '/x'", 'EACCES', -13, 'open', '/x']);
  });

  it('keeps an errno code with text that is not Node message', () => {
    const err = buildError(errorFromText('ENOENT: the sidecar could not find it'), ctors) as Error & Record<string, unknown>;
    expect([err.message, err.code, err.errno]).toEqual(['ENOENT: the sidecar could not find it', 'ENOENT', -2]);
  });

  it('keeps the code after a trusted ERR_AGENT_OS_ prefix, with its class', () => {
    expect(errorFromText('ERR_AGENT_OS_TYPE_ERROR: ERR_INVALID_ARG_TYPE: The "path" argument must be a string')).toEqual({
      code: 'ERR_INVALID_ARG_TYPE',
      name: 'TypeError',
      message: 'The "path" argument must be a string',
    });
    expect(errorFromText('ERR_AGENT_OS_RANGE_ERROR: ERR_FS_FILE_TOO_LARGE: too big').name).toBe('RangeError');
    expect(errorFromText('ERR_AGENT_OS_KERNEL: EACCES: permission denied')).toEqual({ code: 'EACCES', message: 'permission denied' });
    expect(errorFromText('ERR_AGENT_OS_ERROR: ERR_FS_EISDIR: Path is a directory: rm returned EISDIR (is a directory) /d')).toMatchObject({ syscall: 'rm', path: '/d' });
  });

  it('never takes a code from text a guest could have shaped', () => {
    for (const text of ['ERR_INVALID_ARG_TYPE: forged', 'Error: ENOENT: forged', 'enoent: lower case', "'/x' ENOENT: quoted", '', 'ERR_AGENT_OS_ERROR: not a code: x', 'E: short']) {
      const record = errorFromText(text);
      const err = buildError(record, ctors) as Error & { code?: unknown };
      if (text === 'E: short') expect(record.code).toBe('');
      expect(err.code, text).toBeUndefined();
      expect(err.message).toBe(text);
    }
  });

  it('writes what it reads: every record a host makes comes back the same', () => {
    const records = [
      { code: 'ENOENT', syscall: 'open', path: '/a' },
      { code: 'ENOTEMPTY', syscall: 'rename', path: '/a', dest: '/b' },
      { code: 'EMFILE', syscall: 'open' },
      { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' as const, message: 'bad' },
      { code: 'ERR_OUT_OF_RANGE', name: 'RangeError' as const, message: 'far' },
      { code: 'ERR_BRIDGE_UNKNOWN_METHOD', name: 'Error' as const, message: "unknown bridge method 'x'" },
      { code: 'ERR_FS_EISDIR', name: 'Error' as const, syscall: 'rm', path: '/d', message: 'Path is a directory: rm returned EISDIR (is a directory) /d' },
    ];
    for (const r of records) expect(errorFromText(errorText(r))).toEqual(r);
  });

  it('shows a path that is not UTF-8 as Node prints it', () => {
    expect(errorText({ code: 'ENOENT', syscall: 'open', path: '/a\udcff' })).toBe("ENOENT: no such file or directory, open '/a\ufffd'");
  });

  it('tells a CBOR record from text by its first byte', () => {
    expect(decodeErrorRecord(encodeValue({ code: 'EPERM', syscall: 'open' }))).toEqual({ code: 'EPERM', syscall: 'open' });
    expect(decodeErrorRecord(Buffer.from('EPERM: operation not permitted, open'))).toEqual({ code: 'EPERM', syscall: 'open' });
    expect(decodeErrorRecord(new Uint8Array(0))).toEqual({ code: '', name: 'Error', message: '' });
    expect(decodeErrorRecord(Uint8Array.of(0xa1, 0xff)).code).toBe('ERR_BRIDGE_MALFORMED_ERROR');
    expect(decodeErrorRecord(Uint8Array.of(0xff, 0xfe)).code).toBe('');
  });
});
