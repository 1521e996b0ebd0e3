import { Control, Kind, Owner, WINDOW_OFFSET } from '../../bridge/channel/host.js';

/**
 * A scripted guest that drives a HostChannel from the test thread without blocking: it writes
 * whatever it is told into the shared buffer, which is how hostile guests are simulated.
 */
export class FakeGuest {
  readonly ctl: Int32Array;
  readonly window: Uint8Array;

  constructor(buffer: SharedArrayBuffer) {
    this.ctl = new Int32Array(buffer, 0, WINDOW_OFFSET / 4);
    this.window = new Uint8Array(buffer, WINDOW_OFFSET);
  }

  /** Puts `bytes` in the window and hands it to the host as message `kind` (length may lie). */
  post(kind: number, bytes: Uint8Array, length = bytes.length): void {
    this.window.set(bytes, 0);
    Atomics.store(this.ctl, Control.kind, kind);
    Atomics.store(this.ctl, Control.length, length);
    Atomics.store(this.ctl, Control.state, Owner.Host);
    Atomics.notify(this.ctl, Control.state);
  }

  /** Waits (without blocking) until the host hands the window back; returns its message. */
  async answer(timeoutMs = 5000): Promise<{ kind: number; bytes: Uint8Array }> {
    const deadline = Date.now() + timeoutMs;
    while (Atomics.load(this.ctl, Control.state) !== Owner.Guest) {
      if (Date.now() > deadline) throw new Error('host did not answer');
      const w = Atomics.waitAsync(this.ctl, Control.state, Owner.Host, 50);
      if (w.async) await w.value;
    }
    const length = Atomics.load(this.ctl, Control.length);
    return { kind: Atomics.load(this.ctl, Control.kind), bytes: this.window.slice(0, length) };
  }

  /** Sends a whole request in window-sized chunks, then collects the whole reply. */
  async call(frame: Uint8Array): Promise<Uint8Array> {
    const w = this.window.length;
    let first: { kind: number; bytes: Uint8Array } | undefined;
    for (let at = 0; at < frame.length || at === 0; at += w) {
      const chunk = frame.subarray(at, at + w);
      const last = at + w >= frame.length;
      this.post(last ? Kind.Last : Kind.Chunk, chunk);
      const a = await this.answer();
      if (a.kind !== Kind.Ack) {
        first = a;
        break;
      }
    }
    if (!first) throw new Error('no reply');
    const parts = [first.bytes];
    let kind = first.kind;
    while (kind === Kind.Reply) {
      this.post(Kind.Next, new Uint8Array(0));
      const a = await this.answer();
      parts.push(a.bytes);
      kind = a.kind;
    }
    if (kind !== Kind.ReplyLast) throw new Error(`reply ended with kind ${kind}`);
    return new Uint8Array(Buffer.concat(parts));
  }
}
