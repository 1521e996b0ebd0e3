import { afterEach, describe, expect, it } from 'vitest';
import { createChannelBuffer, HostChannel, Kind, type BulkReplies, type ByteSource, type ChannelError, type Reply } from '../../bridge/channel/host.js';
import { decodeResponse, decodeResponseHeader, encodeCallHeader, encodeResponseHeader, joinFrame } from '../../bridge/wire/frame.js';
import { Status } from '../../bridge/wire/protocol.js';
import { randomBytes } from '../bytes.js';
import { FakeGuest } from './fake-guest.js';

const WINDOW = 4096;

function callFrame(id: number, payload: Uint8Array): Uint8Array {
  return joinFrame(encodeCallHeader('s', id, 'echo', payload.length), payload);
}

const pattern = (n: number, seed = 1): Uint8Array => new Uint8Array(randomBytes(n, seed));

/** A host channel whose handler echoes the request frame back as a status-2 payload. */
function setup(opts: { maxRequest?: number; source?: (request: Uint8Array) => ByteSource | Uint8Array; spinMicros?: number; bulk?: BulkReplies } = {}) {
  const buffer = createChannelBuffer(WINDOW);
  const seen: Uint8Array[] = [];
  const broken: ChannelError[] = [];
  const refused: number[] = [];
  const channel = new HostChannel(
    buffer,
    {
      async serve(request): Promise<Reply> {
        seen.push(request);
        const body = opts.source ? opts.source(request) : request.slice();
        const size = body instanceof Uint8Array ? body.length : body.size;
        return { header: encodeResponseHeader('s', 1, Status.Raw, size), body };
      },
      refuse(_head, declared): Reply {
        refused.push(declared);
        return { header: encodeResponseHeader('s', 0, Status.Error, 0), body: new Uint8Array(0) };
      },
      broken: (e) => void broken.push(e),
    },
    opts.maxRequest ?? 1 << 30,
    { spinMicros: opts.spinMicros ?? 0, now: () => performance.now() },
    opts.bulk,
  );
  const running = channel.run();
  channels.push(channel);
  return { guest: new FakeGuest(buffer), seen, broken, refused, running };
}

const channels: HostChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

describe('HostChannel with a well-behaved guest', () => {
  it.each([0, 1, WINDOW - 100, WINDOW * 3 + 17])('moves a %i-byte request and reply through a 4 KiB window', async (n) => {
    const { guest, seen } = setup();
    const frame = callFrame(7, pattern(n));
    const reply = decodeResponse(await guest.call(frame));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(frame);
    expect(reply.status).toBe(Status.Raw);
    expect(reply.payload).toEqual(frame);
  });

  it('serves the same way when it busy-waits for the next message', async () => {
    const { guest, seen } = setup({ spinMicros: 200 });
    for (const n of [0, 10, WINDOW * 2 + 5]) {
      const frame = callFrame(n + 1, pattern(n));
      expect(decodeResponse(await guest.call(frame)).payload).toEqual(frame);
    }
    expect(seen).toHaveLength(3);
  });

  it('streams a ByteSource into the window chunk by chunk and closes it', async () => {
    const data = pattern(WINDOW * 5 + 3, 9);
    const reads: number[] = [];
    let closed = 0;
    const { guest } = setup({
      source: () => ({
        size: data.length,
        read(target, position) {
          reads.push(position);
          target.set(data.subarray(position, position + target.length));
        },
        close: () => void closed++,
      }),
    });
    const reply = decodeResponse(await guest.call(callFrame(1, new Uint8Array(0))));
    expect(reply.payload).toEqual(data);
    expect(reads.length).toBe(6);
    expect(closed).toBe(1);
  });

  it('hands the handler a private copy: later writes to the window do not change it', async () => {
    const { guest, seen } = setup();
    const frame = callFrame(3, pattern(100));
    await guest.call(frame);
    guest.window.fill(0xee);
    expect(seen[0]).toEqual(frame);
  });

  it('answers an over-limit request after its first chunk, and serves the next call', async () => {
    const { guest, refused, seen } = setup({ maxRequest: 10_000 });
    const big = callFrame(1, pattern(20_000));
    guest.post(Kind.Chunk, big.subarray(0, WINDOW));
    const a = await guest.answer();
    expect(a.kind).toBe(Kind.ReplyLast);
    expect(decodeResponse(a.bytes).status).toBe(Status.Error);
    expect(refused).toEqual([big.length]);
    const ok = callFrame(2, pattern(10));
    expect(decodeResponse(await guest.call(ok)).payload).toEqual(ok);
    expect(seen).toHaveLength(1);
  });
});

/**
 * Bulk replies recorded instead of transferred. Unzeroed buffers start out full of 0xAA, standing
 * for whatever the memory held before.
 */
function bulkRecorder(minBytes: number) {
  const sent: Uint8Array[] = [];
  const zeroed: boolean[] = [];
  const bulk: BulkReplies = {
    minBytes,
    allocate(size, clear) {
      zeroed.push(clear);
      return clear ? new Uint8Array(size) : new Uint8Array(size).fill(0xaa);
    },
    send: (bytes) => void sent.push(bytes),
  };
  return { bulk, sent, zeroed };
}

describe('HostChannel bulk replies', () => {
  const MIN = WINDOW * 2;

  it('moves a payload of minBytes or more whole; the window carries the header alone', async () => {
    const { bulk, sent, zeroed } = bulkRecorder(MIN);
    const data = pattern(MIN * 3, 4);
    // Small requests get `data`; larger ones are echoed.
    const { guest } = setup({ bulk, source: (request) => (request.length < 100 ? data : request.slice()) });
    guest.post(Kind.Last, callFrame(5, pattern(4)));
    const a = await guest.answer();
    expect(a.kind).toBe(Kind.ReplyBulk);
    const header = decodeResponseHeader(a.bytes, a.bytes.length);
    expect(header.headerLength).toBe(a.bytes.length);
    expect(header.frameLength - header.headerLength).toBe(data.length);
    expect(header.status).toBe(Status.Raw);
    expect(sent).toEqual([data]);
    expect(sent[0]!.buffer).not.toBe(data.buffer);
    // Bytes in hand are copied over the whole buffer: no need to clear it first.
    expect(zeroed).toEqual([false]);
    // The channel goes on with the next call, through the window when the reply is small.
    const small = callFrame(6, pattern(200));
    expect(decodeResponse(await guest.call(small)).payload).toEqual(small);
    expect(sent).toHaveLength(1);
  });

  it('sends a payload one byte under minBytes through the window', async () => {
    const { bulk, sent } = bulkRecorder(MIN);
    const data = pattern(MIN - 1, 2);
    const { guest } = setup({ bulk, source: () => ({ size: data.length, read: (t, p) => t.set(data.subarray(p, p + t.length)) }) });
    expect(decodeResponse(await guest.call(callFrame(1, new Uint8Array(0)))).payload).toEqual(data);
    expect(sent).toHaveLength(0);
  });

  it('reads a source that promises to fill into unzeroed memory, in one read, and closes it', async () => {
    const { bulk, sent, zeroed } = bulkRecorder(MIN);
    const data = pattern(MIN * 4 + 1, 3);
    const reads: Array<[number, number]> = [];
    let closed = 0;
    const { guest } = setup({
      bulk,
      source: () => ({
        size: data.length,
        fillsTarget: true,
        read(target, position) {
          reads.push([position, target.length]);
          target.set(data.subarray(position, position + target.length));
        },
        close: () => void closed++,
      }),
    });
    guest.post(Kind.Last, callFrame(1, new Uint8Array(0)));
    expect((await guest.answer()).kind).toBe(Kind.ReplyBulk);
    expect(reads).toEqual([[0, data.length]]);
    expect(zeroed).toEqual([false]);
    expect(sent).toEqual([data]);
    expect(closed).toBe(1);
  });

  it('gives any other source zeroed memory: what it leaves unwritten reaches the guest as zeros, not stale bytes', async () => {
    const { bulk, sent, zeroed } = bulkRecorder(MIN);
    const size = MIN * 2;
    const { guest } = setup({
      bulk,
      // Breaks its promise: writes only the first half.
      source: () => ({ size, read: (target) => void target.fill(7, 0, size / 2) }),
    });
    guest.post(Kind.Last, callFrame(1, new Uint8Array(0)));
    expect((await guest.answer()).kind).toBe(Kind.ReplyBulk);
    expect(zeroed).toEqual([true]);
    expect(sent[0]!.subarray(0, size / 2).every((b) => b === 7)).toBe(true);
    expect(sent[0]!.subarray(size / 2).every((b) => b === 0)).toBe(true);
  });

  it('a source that fails sends nothing, closes the source and ends only this channel', async () => {
    const { bulk, sent } = bulkRecorder(MIN);
    let closed = 0;
    const { guest, broken, running } = setup({
      bulk,
      source: () => ({
        size: MIN,
        fillsTarget: true,
        read() {
          throw new Error('disk gone');
        },
        close: () => void closed++,
      }),
    });
    guest.post(Kind.Last, callFrame(1, new Uint8Array(0)));
    await running;
    expect(sent).toHaveLength(0);
    expect(closed).toBe(1);
    expect(broken[0]?.message).toMatch(/disk gone/);
  });
});

describe('HostChannel with a hostile guest', () => {
  it.each([
    ['a chunk longer than the window', (g: FakeGuest) => g.post(Kind.Last, new Uint8Array(8), WINDOW + 1)],
    ['a negative chunk length', (g: FakeGuest) => g.post(Kind.Last, new Uint8Array(8), -5)],
    ['Next when no reply is in progress', (g: FakeGuest) => g.post(Kind.Next, new Uint8Array(0))],
    ['an unknown message kind', (g: FakeGuest) => g.post(99, callFrame(1, new Uint8Array(1)))],
    ['a first chunk too short to hold a length', (g: FakeGuest) => g.post(Kind.Last, new Uint8Array(2))],
  ])('%s breaks only that channel', async (_name, act) => {
    const { guest, broken, seen, running } = setup();
    act(guest);
    await running;
    expect(broken).toHaveLength(1);
    expect(seen).toHaveLength(0);
  });

  it('a request that overruns its declared length breaks the channel', async () => {
    const { guest, broken, running } = setup();
    const frame = callFrame(1, pattern(WINDOW * 2));
    guest.post(Kind.Chunk, frame.subarray(0, WINDOW));
    await guest.answer();
    guest.post(Kind.Chunk, frame.subarray(WINDOW, 2 * WINDOW));
    await guest.answer();
    guest.post(Kind.Last, pattern(WINDOW)); // more than the frame declared
    await running;
    expect(broken[0]?.message).toMatch(/overruns its declared/);
  });

  it('a final chunk that ends the request early breaks the channel', async () => {
    const { guest, broken, running } = setup();
    const frame = callFrame(1, pattern(WINDOW * 2));
    guest.post(Kind.Last, frame.subarray(0, WINDOW));
    await running;
    expect(broken[0]?.message).toMatch(/ended after 4096 of/);
  });

  it('a new request instead of Next during a chunked reply breaks the channel', async () => {
    const big = pattern(WINDOW * 2);
    const { guest, broken, running } = setup({ source: () => ({ size: big.length, read: (t, p) => t.set(big.subarray(p, p + t.length)) }) });
    guest.post(Kind.Last, callFrame(1, pattern(4)));
    expect((await guest.answer()).kind).toBe(Kind.Reply);
    guest.post(Kind.Last, callFrame(2, pattern(4)));
    await running;
    expect(broken[0]?.message).toMatch(/expected Next/);
  });
});
