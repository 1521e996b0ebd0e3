import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { Control, createChannelBuffer, Kind, Owner, WINDOW_OFFSET } from '../../bridge/channel/host.js';
import { GuestChannel } from '../../bridge/channel/guest.js';
import { encodeCallHeader, encodeResponseHeader, type ResponseHeader } from '../../bridge/wire/frame.js';
import { Status } from '../../bridge/wire/protocol.js';

/**
 * The guest end of bulk replies against a scripted host in a real Worker: the guest (this thread)
 * blocks in GuestChannel.call while the Worker answers once with whatever it is told, truthful or not.
 */

/** The Worker: waits for the guest's request, moves `bulk` (if any) to the port, then posts the header. */
const HOST = `
const { workerData } = require('node:worker_threads');
const { buffer, port, header, bulk, kind, length, offset, control, owner } = workerData;
const ctl = new Int32Array(buffer, 0, offset / 4);
const win = new Uint8Array(buffer, offset);
while (Atomics.load(ctl, control.state) !== owner.Host) Atomics.wait(ctl, control.state, owner.Guest);
if (bulk !== null) port.postMessage(bulk, [bulk]);
win.set(header, 0);
Atomics.store(ctl, control.kind, kind);
Atomics.store(ctl, control.length, length ?? header.length);
Atomics.store(ctl, control.state, owner.Guest);
Atomics.notify(ctl, control.state);
port.close();
`;

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

interface Script {
  /** The header the host posts; its length field declares `declared` payload bytes. */
  declared: number;
  /** What the host moves to the bulk port (null: nothing). */
  bulk: ArrayBuffer | null;
  /** The Kind the host posts. Default ReplyBulk. */
  kind?: number;
  /** The window length the host claims. Default: the header's length. */
  length?: number;
}

/** Makes one call against a host following `script`; `into` may offer the payload's destination. */
function callAgainst(script: Script, into?: (length: number) => Uint8Array) {
  const buffer = createChannelBuffer(4096);
  const { port1, port2 } = new MessageChannel();
  const header = encodeResponseHeader('s', 1, Status.Raw, script.declared);
  workers.push(
    new Worker(HOST, {
      eval: true,
      workerData: {
        buffer,
        port: port2,
        header,
        bulk: script.bulk,
        kind: script.kind ?? Kind.ReplyBulk,
        length: script.length ?? null,
        offset: WINDOW_OFFSET,
        control: Control,
        owner: Owner,
      },
      transferList: [port2, ...(script.bulk ? [script.bulk] : [])],
    }),
  );
  const takeBulk = () => {
    const m: unknown = receiveMessageOnPort(port1)?.message;
    return m instanceof ArrayBuffer ? m : undefined;
  };
  const channel = new GuestChannel(buffer, 1000, takeBulk);
  const moved: Array<Uint8Array | undefined> = [];
  try {
    const result = channel.call([encodeCallHeader('s', 1, 'm', 0)], (_h: ResponseHeader, length: number, bytes?: Uint8Array) => {
      moved.push(bytes);
      return into?.(length) ?? bytes ?? new Uint8Array(length);
    });
    return { ...result, moved };
  } finally {
    port1.close();
  }
}

function bytes(n: number, seed: number): ArrayBuffer {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 0xff;
  return out.buffer;
}

describe('GuestChannel bulk replies', () => {
  it('takes the moved buffer as the payload itself: no copy', () => {
    const r = callAgainst({ declared: 100_000, bulk: bytes(100_000, 3) });
    expect(r.header.status).toBe(Status.Raw);
    expect(r.payload.length).toBe(100_000);
    expect(r.payload).toBe(r.moved[0]);
    expect(r.payload.byteOffset).toBe(0);
    expect(r.payload.buffer.byteLength).toBe(100_000);
    expect(Buffer.from(r.payload).equals(Buffer.from(bytes(100_000, 3)))).toBe(true);
  });

  it('copies into the destination the caller offers', () => {
    const target = new Uint8Array(70_000);
    const r = callAgainst({ declared: 70_000, bulk: bytes(70_000, 9) }, () => target);
    expect(r.payload).toBe(target);
    expect(Buffer.from(target).equals(Buffer.from(bytes(70_000, 9)))).toBe(true);
  });

  it.each<[string, Script, RegExp]>([
    ['a moved buffer shorter than the header declares', { declared: 100_000, bulk: bytes(99_999, 1) }, /bulk reply of 99999 bytes; its header declares 100000/],
    ['a moved buffer longer than the header declares', { declared: 10, bulk: bytes(11, 1) }, /bulk reply of 11 bytes; its header declares 10/],
    ['no moved buffer at all', { declared: 100, bulk: null }, /announced a bulk reply but none arrived/],
    ['a header posted with a window length that is not its own', { declared: 100, bulk: bytes(100, 1), length: 200 }, /header of \d+ bytes sent as 200/],
  ])('refuses %s with a channel error', (_name, script, message) => {
    expect(() => callAgainst(script)).toThrow(message);
  });

  it('refuses a bulk reply when it was given no way to take one', () => {
    const buffer = createChannelBuffer(4096);
    const header = encodeResponseHeader('s', 1, Status.Raw, 10);
    const { port2 } = new MessageChannel();
    workers.push(
      new Worker(HOST, {
        eval: true,
        workerData: { buffer, port: port2, header, bulk: null, kind: Kind.ReplyBulk, length: null, offset: WINDOW_OFFSET, control: Control, owner: Owner },
        transferList: [port2],
      }),
    );
    const channel = new GuestChannel(buffer, 1000);
    expect(() => channel.call([encodeCallHeader('s', 1, 'm', 0)], (_h, n) => new Uint8Array(n))).toThrow(/announced a bulk reply but none arrived/);
  });
});
