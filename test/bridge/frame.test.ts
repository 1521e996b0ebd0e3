import { describe, expect, it } from 'vitest';
import {
  decodeCall,
  decodeCallHead,
  decodeResponse,
  decodeResponseHeader,
  encodeCallHeader,
  encodeResponseHeader,
  FrameError,
  joinFrame,
} from '../../bridge/wire/frame.js';
import { FrameType, Status } from '../../bridge/wire/protocol.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

function failure(fn: () => unknown): FrameError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FrameError) return e;
    throw e;
  }
  throw new Error('expected a FrameError');
}

describe('BridgeCall frames', () => {
  it('lays out a call exactly as the protocol table says', () => {
    const payload = hex('8161 61');
    const frame = joinFrame(encodeCallHeader('ab', 0x0102030405, 'fs.x', payload.length), payload);
    // length = 1 type + 1 sid len + 2 sid + 8 id + 2 method len + 4 method + 3 payload = 21
    expect(Buffer.from(frame).toString('hex')).toBe(
      ['00000015', '81', '02', '6162', '0000000102030405', '0004', '66732e78', '816161'].join(''),
    );
    expect(decodeCall(frame)).toEqual({ session: 'ab', id: 0x0102030405, method: 'fs.x', args: payload });
  });

  it.each([
    ['empty session and args', '', 1, 'm', new Uint8Array(0)],
    ['max safe id', 's1', Number.MAX_SAFE_INTEGER, 'fs.readFileSync', hex('80')],
    ['255-byte session id', 'x'.repeat(255), 7, 'a.b', hex('8101')],
  ])('round-trips: %s', (_name, session, id, method, args) => {
    const frame = joinFrame(encodeCallHeader(session, id, method, args.length), args);
    const decoded = decodeCall(frame);
    expect(decoded).toEqual({ session, id, method, args });
    expect(decodeCallHead(frame, 8 + session.length + 8 + 2 + method.length)).toMatchObject({ id, method });
  });

  it('refuses to encode what the fields cannot carry', () => {
    expect(() => encodeCallHeader('x'.repeat(256), 1, 'm', 0)).toThrow(/session id is 256 bytes/);
    expect(() => encodeCallHeader('s', 2 ** 53, 'm', 0)).toThrow(/call id/);
    expect(() => encodeCallHeader('s', -1, 'm', 0)).toThrow(/call id/);
    expect(() => encodeCallHeader('s', 1, 'bad name', 0)).toThrow(/printable ASCII/);
    expect(() => encodeCallHeader('s', 1, 'é', 0)).toThrow(/printable ASCII/);
  });
});

describe('BridgeResponse frames', () => {
  it('lays out a response exactly as the protocol table says', () => {
    const frame = joinFrame(encodeResponseHeader('s', 9, Status.Raw, 2), hex('00ff'));
    expect(Buffer.from(frame).toString('hex')).toBe(['0000000e', '06', '01', '73', '0000000000000009', '02', '00ff'].join(''));
    expect(decodeResponse(frame)).toEqual({ session: 's', id: 9, status: Status.Raw, payload: hex('00ff') });
  });

  it.each([Status.Ok, Status.Error, Status.Raw])('round-trips status %i with an empty payload', (status) => {
    const frame = encodeResponseHeader('s', 3, status, 0);
    const r = decodeResponse(frame);
    expect(r.status).toBe(status);
    expect(r.payload.length).toBe(0);
  });

  it('reads the header from a first chunk shorter than the frame', () => {
    const header = encodeResponseHeader('sess', 42, Status.Raw, 1_000_000);
    const h = decodeResponseHeader(header);
    expect(h).toEqual({ session: 'sess', id: 42, status: Status.Raw, headerLength: header.length, frameLength: header.length + 1_000_000 });
  });
});

describe('malformed and truncated frames are told apart', () => {
  const good = joinFrame(encodeCallHeader('s', 5, 'fs.readFileSync', 2), hex('8000'));

  it.each([
    ['nothing at all', new Uint8Array(0), 'truncated', 0],
    ['only part of the length', hex('0000'), 'truncated', 0],
    ['length but no type', hex('00000010'), 'truncated', 4],
    ['session id cut short', hex('00000010 81 05 6162'), 'truncated', 6],
    ['call id cut short', hex('00000010 81 01 73 00000000'), 'truncated', 11],
    ['method cut short', hex('00000020 81 01 73 0000000000000001 0010 6673'), 'truncated', 17],
  ] as const)('%s -> %s at byte %i', (_name, bytes, kind, offset) => {
    const e = failure(() => decodeCall(bytes));
    expect(e.kind).toBe(kind);
    expect(e.offset).toBe(offset);
    expect(e.message).toContain(`${kind} frame at byte ${offset}`);
  });

  it('a frame shorter than its declared length is truncated', () => {
    const e = failure(() => decodeCall(good.subarray(0, good.length - 1)));
    expect(e.kind).toBe('truncated');
    expect(e.message).toMatch(/declares 3\d bytes/);
  });

  it('bytes after the declared end are malformed', () => {
    const e = failure(() => decodeCall(joinFrame(good, hex('00'))));
    expect(e.kind).toBe('malformed');
    expect(e.offset).toBe(good.length);
  });

  it('a wrong frame type is malformed and names the byte', () => {
    const bad = good.slice();
    bad[4] = FrameType.BridgeResponse;
    const e = failure(() => decodeCall(bad));
    expect(e).toMatchObject({ kind: 'malformed', offset: 4 });
    expect(e.message).toContain('type 0x6, expected 0x81');
  });

  it('a call id above 2^53-1 is malformed', () => {
    const e = failure(() => decodeCall(hex('00000010 81 01 73 ffffffff00000000 0001 6d')));
    expect(e).toMatchObject({ kind: 'malformed', offset: 7 });
  });

  it('non-ASCII in a method name is malformed', () => {
    const e = failure(() => decodeCall(hex('00000010 81 01 73 0000000000000001 0002 6dff')));
    expect(e).toMatchObject({ kind: 'malformed', offset: 18 });
  });

  it('a declared length shorter than the header is malformed', () => {
    const e = failure(() => decodeCall(hex('00000002 81 01 73 0000000000000001 0001 6d')));
    expect(e.kind).toBe('malformed');
  });

  it('an unknown status is malformed', () => {
    const e = failure(() => decodeResponse(hex('0000000c 06 01 73 0000000000000001 07')));
    expect(e).toMatchObject({ kind: 'malformed', offset: 15 });
    expect(e.message).toContain('unknown status 7');
  });
});

describe('argument parts', () => {
  it('are exactly the bytes of encodeArgs, with large byte strings as views of the caller memory', async () => {
    const { encodeArgs, encodeArgParts, decodeArgs, SEPARATE_BYTES_MIN } = await import('../../bridge/wire/values.js');
    const big = new Uint8Array(SEPARATE_BYTES_MIN + 3).map((_, i) => i * 7);
    for (const n of [SEPARATE_BYTES_MIN, 70_000, 300_000]) {
      const data = new Uint8Array(n + 10).subarray(5, n + 5).fill(0xab);
      const args = ['/some/path', data, 'w', 0o666, undefined, null, { x: [1, 2] }];
      const parts = encodeArgParts(args);
      expect(parts.length).toBeGreaterThan(2);
      expect(parts).toContain(data);
      const joined = Buffer.concat(parts);
      expect(joined.equals(Buffer.from(encodeArgs(args)))).toBe(true);
      expect(decodeArgs(joined)).toEqual(args.map((a) => (a instanceof Uint8Array ? Buffer.from(a) : a)));
    }
    expect(encodeArgParts(['small', big.subarray(0, 100)])).toHaveLength(1);
    expect(Buffer.concat(encodeArgParts([big, big])).equals(Buffer.from(encodeArgs([big, big])))).toBe(true);
  });
});
