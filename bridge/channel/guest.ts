import { ChannelError, Control, Kind, Owner, WINDOW_OFFSET } from './host.js';
import { copyBytes } from './copy.js';
import { decodeResponseHeader, type ResponseHeader } from '../wire/frame.js';
import { Defaults } from '../wire/protocol.js';

/**
 * The guest end of the shared-memory channel (layout and message kinds in channel.ts): one blocking
 * call at a time. It spins briefly, then sleeps in Atomics.wait, while the host answers.
 */

/**
 * Takes the next buffer the host moved to the bulk port, or undefined when there is none. The
 * buffer must belong to the guest's realm.
 */
export type TakeBulk = () => ArrayBuffer | undefined;

/** The guest end: one blocking call at a time. */
export class GuestChannel {
  readonly #ctl: Int32Array;
  readonly #window: Uint8Array;
  /** Most busy-wait iterations before sleeping. */
  readonly #spin: number;
  /** Iterations the next wait may spin (see #await). */
  #budget: number;
  readonly #takeBulk: TakeBulk | undefined;

  /** Without `takeBulk` a ReplyBulk message breaks the channel (the host must not send one). */
  constructor(buffer: SharedArrayBuffer, spinIterations: number = Defaults.spinIterations, takeBulk?: TakeBulk) {
    this.#ctl = new Int32Array(buffer, 0, WINDOW_OFFSET / 4);
    this.#window = new Uint8Array(buffer, WINDOW_OFFSET);
    this.#spin = spinIterations;
    this.#budget = spinIterations;
    this.#takeBulk = takeBulk;
  }

  /** The window size: the largest chunk either side sends. */
  get windowBytes(): number {
    return this.#window.length;
  }

  #post(kind: Kind, length: number): void {
    Atomics.store(this.#ctl, Control.kind, kind);
    Atomics.store(this.#ctl, Control.length, length);
    Atomics.store(this.#ctl, Control.state, Owner.Host);
    Atomics.notify(this.#ctl, Control.state);
  }

  /**
   * Waits for the host's next message: a busy-wait of at most `#budget` iterations, then sleep. A
   * wake-up from Atomics.wait costs tens to hundreds of microseconds, so the spin is worth it when the
   * host answers quickly. When it does not (the host is busy with other sandboxes, or the call is
   * long), the budget halves at each sleep, down to a sixteenth, so that waiting guests leave the CPU
   * to the host; an answer caught while spinning restores the full budget.
   */
  #await(): number {
    const ctl = this.#ctl;
    const budget = this.#budget;
    for (let i = 0; i < budget; i++) {
      if (Atomics.load(ctl, Control.state) === Owner.Guest) {
        this.#budget = this.#spin;
        return Atomics.load(ctl, Control.kind);
      }
    }
    this.#budget = Math.max(this.#spin >>> 4, budget >>> 1);
    while (Atomics.load(ctl, Control.state) !== Owner.Guest) Atomics.wait(ctl, Control.state, Owner.Host);
    return Atomics.load(ctl, Control.kind);
  }

  #chunkLength(): number {
    const n = Atomics.load(this.#ctl, Control.length);
    if (n < 0 || n > this.#window.length) throw new ChannelError(`host sent a chunk of ${n} bytes`);
    return n;
  }

  /** Sends one request (the concatenation of `parts`); returns the kind of the host's first reply. */
  #send(parts: readonly Uint8Array[]): number {
    const win = this.#window;
    let total = 0;
    for (const p of parts) total += p.length;
    let part = 0;
    let partOffset = 0;
    let sent = 0;
    for (;;) {
      let n = 0;
      while (n < win.length && part < parts.length) {
        const p = parts[part] as Uint8Array;
        const take = Math.min(win.length - n, p.length - partOffset);
        copyBytes(win, n, p.subarray(partOffset, partOffset + take));
        n += take;
        partOffset += take;
        if (partOffset === p.length) {
          part++;
          partOffset = 0;
        }
      }
      sent += n;
      const last = sent >= total;
      this.#post(last ? Kind.Last : Kind.Chunk, n);
      const kind = this.#await();
      if (kind !== Kind.Ack) return kind;
      if (last) throw new ChannelError('host acknowledged a final chunk instead of replying');
    }
  }

  /**
   * Makes one blocking call. `parts` together are the request frame. `allocate` is given the reply
   * header and returns the buffer the payload is copied into (exactly its length): the only copy the
   * guest makes of the reply. When the payload came by the bulk port, `allocate` is also given it
   * and may return it as it is: then the guest copies nothing.
   */
  call(parts: readonly Uint8Array[], allocate: (header: ResponseHeader, payloadLength: number, moved?: Uint8Array) => Uint8Array): {
    header: ResponseHeader;
    payload: Uint8Array;
  } {
    let kind = this.#send(parts);
    if (kind !== Kind.Reply && kind !== Kind.ReplyLast && kind !== Kind.ReplyBulk) throw new ChannelError(`unexpected message kind ${kind}`);
    let length = this.#chunkLength();
    const win = this.#window;
    const header = decodeResponseHeader(win, length);
    const payloadLength = header.frameLength - header.headerLength;
    if (kind === Kind.ReplyBulk) return { header, payload: this.#bulkPayload(header, length, payloadLength, allocate) };
    const payload = allocate(header, payloadLength);
    let copied = Math.min(length - header.headerLength, payloadLength);
    copyBytes(payload, 0, win.subarray(header.headerLength, header.headerLength + copied));
    while (kind === Kind.Reply) {
      this.#post(Kind.Next, 0);
      kind = this.#await();
      length = this.#chunkLength();
      if (copied + length > payloadLength) throw new ChannelError('host sent more bytes than its frame declares');
      copyBytes(payload, copied, win.subarray(0, length));
      copied += length;
    }
    if (kind !== Kind.ReplyLast || copied !== payloadLength) {
      throw new ChannelError(`reply ended after ${copied} of ${payloadLength} payload bytes`);
    }
    return { header, payload };
  }

  #bulkPayload(header: ResponseHeader, length: number, payloadLength: number, allocate: (header: ResponseHeader, payloadLength: number, moved?: Uint8Array) => Uint8Array): Uint8Array {
    if (length !== header.headerLength) throw new ChannelError(`bulk reply header of ${header.headerLength} bytes sent as ${length}`);
    const moved = this.#takeBulk?.();
    if (moved === undefined) throw new ChannelError('host announced a bulk reply but none arrived');
    if (moved.byteLength !== payloadLength) throw new ChannelError(`bulk reply of ${moved.byteLength} bytes; its header declares ${payloadLength}`);
    const bytes = new Uint8Array(moved);
    const payload = allocate(header, payloadLength, bytes);
    if (payload !== bytes) payload.set(bytes, 0);
    return payload;
  }
}
