import { decodeResponseHeader, type ResponseHeader } from './frame.js';
import { Defaults, FieldSize } from './protocol.js';

/**
 * The shared-memory channel of one sandbox: a few Int32 control words and a data window in one
 * SharedArrayBuffer. The window has one owner at a time (the State word); a frame larger than the
 * window moves in chunks, each acknowledged by the other side.
 *
 * The guest blocks (bounded spin, then Atomics.wait); the host never blocks (Atomics.waitAsync).
 * The host treats everything in the buffer as hostile: it copies requests out before reading them
 * and checks every length against the window and its limits.
 */
export const Control = {
  /** Who owns the window: Owner.Guest or Owner.Host. */
  state: 0,
  /** What the owner's last message is (Kind). */
  kind: 1,
  /** How many window bytes that message uses. */
  length: 2,
} as const;

/** Values of the State word. */
export const Owner = { Guest: 0, Host: 1 } as const;

/** Message kinds (Kind word). */
export const Kind = {
  /** guest -> host: part of a request, more follows. */
  Chunk: 1,
  /** guest -> host: the final (or only) part of a request. */
  Last: 2,
  /** guest -> host: send the next part of the reply. */
  Next: 3,
  /** host -> guest: request part stored, send the next one. */
  Ack: 4,
  /** host -> guest: part of a reply, more follows. */
  Reply: 5,
  /** host -> guest: the final (or only) part of a reply. */
  ReplyLast: 6,
  /**
   * host -> guest: the window holds the reply's header only; its payload (exactly the length the
   * header declares) is the next buffer on the bulk port, moved there rather than copied.
   */
  ReplyBulk: 7,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Bytes reserved for the control words; the window starts here (one cache line). */
export const WINDOW_OFFSET = 64;

/** Creates the buffer for a channel whose window is `windowBytes` long. */
export function createChannelBuffer(windowBytes: number = Defaults.windowBytes): SharedArrayBuffer {
  if (!Number.isInteger(windowBytes) || windowBytes < Defaults.minWindowBytes) {
    throw new RangeError(`window of ${windowBytes} bytes; the minimum is ${Defaults.minWindowBytes}`);
  }
  return new SharedArrayBuffer(WINDOW_OFFSET + windowBytes);
}

/** An error in the channel itself (a broken peer), as opposed to an error answer. */
export class ChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelError';
  }
}

/**
 * Takes the next buffer the host moved to the bulk port, or undefined when there is none. The
 * buffer must belong to the guest's realm.
 */
export type TakeBulk = () => ArrayBuffer | undefined;

/** The guest end: one blocking call at a time. */
export class GuestChannel {
  readonly #ctl: Int32Array;
  readonly #window: Uint8Array;
  readonly #spin: number;
  readonly #takeBulk: TakeBulk | undefined;

  /** Without `takeBulk` a ReplyBulk message breaks the channel (the host must not send one). */
  constructor(buffer: SharedArrayBuffer, spinIterations: number = Defaults.spinIterations, takeBulk?: TakeBulk) {
    this.#ctl = new Int32Array(buffer, 0, WINDOW_OFFSET / 4);
    this.#window = new Uint8Array(buffer, WINDOW_OFFSET);
    this.#spin = spinIterations;
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

  #await(): number {
    const ctl = this.#ctl;
    for (let i = 0; i < this.#spin; i++) {
      if (Atomics.load(ctl, Control.state) === Owner.Guest) return Atomics.load(ctl, Control.kind);
    }
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
        win.set(p.subarray(partOffset, partOffset + take), n);
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
    payload.set(win.subarray(header.headerLength, header.headerLength + copied), 0);
    while (kind === Kind.Reply) {
      this.#post(Kind.Next, 0);
      kind = this.#await();
      length = this.#chunkLength();
      if (copied + length > payloadLength) throw new ChannelError('host sent more bytes than its frame declares');
      payload.set(win.subarray(0, length), copied);
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

/** Where a reply's payload comes from: bytes in hand, or a source read straight into the window. */
export type Body = Uint8Array | ByteSource;

/** A payload the host reads in pieces directly into the shared window (e.g. a file by descriptor). */
export interface ByteSource {
  readonly size: number;
  /** Fills `target` completely with the bytes at `position`. */
  read(target: Uint8Array, position: number): void | Promise<void>;
  /**
   * Set when `read` is known to write every byte of `target` or throw. Only then may the host read
   * into memory it did not clear first; any other source gets a zeroed buffer, so a source that
   * breaks its promise cannot show the guest stale host memory.
   */
  readonly fillsTarget?: boolean;
  /** Releases what the source holds (called once, whether or not all bytes were read). */
  close?(): void;
}

/** A reply ready to send: a frame header (whose length field counts the body) and the body. */
export interface Reply {
  header: Uint8Array;
  body: Body;
}

/** What the host end does with requests. */
export interface HostHandler {
  /** Answers one complete request frame (a private copy, never the shared memory). */
  serve(request: Uint8Array): Promise<Reply>;
  /** Answers a request whose declared length is over the limit; `head` is its first chunk. */
  refuse(head: Uint8Array, declaredLength: number): Reply;
  /** The guest broke the channel protocol; the channel has stopped. */
  broken(error: ChannelError): void;
}

/** How the host end waits. */
export interface HostWaitOptions {
  /**
   * Microseconds the host busy-waits for the guest's next message after handing it the window,
   * before sleeping in Atomics.waitAsync (whose wake-up costs tens of microseconds). 0 = never spin.
   */
  spinMicros: number;
  /** A monotonic clock in milliseconds (performance.now). */
  now: () => number;
}

/**
 * Payloads of `minBytes` or more move to the guest whole, through a message port (the buffer is
 * transferred, not copied): one copy in all instead of two per window-full.
 */
export interface BulkReplies {
  minBytes: number;
  /**
   * A buffer of exactly `size` bytes that the host owns alone (it is transferred by `send`). Its
   * contents may be stale unless `zeroed` is asked for.
   */
  allocate(size: number, zeroed: boolean): Uint8Array;
  /** Transfers `bytes` (from `allocate`) to the guest's bulk port. */
  send(bytes: Uint8Array): void;
}

/**
 * The host end of one sandbox's channel. Runs as an async loop; never blocks the event loop for
 * longer than one bounded spin (`spinMicros`) after each message it sends.
 */
export class HostChannel {
  readonly #ctl: Int32Array;
  readonly #window: Uint8Array;
  readonly #handler: HostHandler;
  readonly #maxRequest: number;
  readonly #wait: HostWaitOptions;
  readonly #bulk: BulkReplies | undefined;
  #closed = false;

  constructor(buffer: SharedArrayBuffer, handler: HostHandler, maxRequestBytes: number, wait: HostWaitOptions = { spinMicros: 0, now: Date.now }, bulk?: BulkReplies) {
    if (!(buffer instanceof SharedArrayBuffer) || buffer.byteLength < WINDOW_OFFSET + Defaults.minWindowBytes) {
      throw new ChannelError('channel buffer is not a SharedArrayBuffer of the minimum size');
    }
    this.#ctl = new Int32Array(buffer, 0, WINDOW_OFFSET / 4);
    this.#window = new Uint8Array(buffer, WINDOW_OFFSET);
    this.#handler = handler;
    this.#maxRequest = maxRequestBytes;
    this.#wait = wait;
    this.#bulk = bulk;
  }

  /** Starts serving; resolves when closed or broken. */
  async run(): Promise<void> {
    try {
      while (!this.#closed) await this.#serveOne();
    } catch (e) {
      if (this.#closed) return;
      this.#closed = true;
      this.#handler.broken(e instanceof ChannelError ? e : new ChannelError(String(e)));
    }
  }

  /** Stops serving after the current wait. */
  close(): void {
    this.#closed = true;
    Atomics.notify(this.#ctl, Control.state);
  }

  async #await(): Promise<{ kind: number; length: number }> {
    const ctl = this.#ctl;
    if (this.#wait.spinMicros > 0) {
      const until = this.#wait.now() + this.#wait.spinMicros / 1000;
      while (Atomics.load(ctl, Control.state) !== Owner.Host && this.#wait.now() < until);
    }
    while (!this.#closed && Atomics.load(ctl, Control.state) !== Owner.Host) {
      const w = Atomics.waitAsync(ctl, Control.state, Owner.Guest);
      if (w.async) await w.value;
    }
    if (this.#closed) throw new ChannelError('closed');
    const kind = Atomics.load(ctl, Control.kind);
    const length = Atomics.load(ctl, Control.length);
    if (length < 0 || length > this.#window.length) {
      throw new ChannelError(`guest declared a chunk of ${length} bytes; the window is ${this.#window.length}`);
    }
    return { kind, length };
  }

  #post(kind: Kind, length: number): void {
    Atomics.store(this.#ctl, Control.kind, kind);
    Atomics.store(this.#ctl, Control.length, length);
    Atomics.store(this.#ctl, Control.state, Owner.Guest);
    Atomics.notify(this.#ctl, Control.state);
  }

  async #serveOne(): Promise<void> {
    let msg = await this.#await();
    if (msg.kind !== Kind.Chunk && msg.kind !== Kind.Last) throw new ChannelError(`expected a request, got kind ${msg.kind}`);
    if (msg.length < FieldSize.length) throw new ChannelError(`first chunk of ${msg.length} bytes cannot hold a frame length`);
    const declared = new DataView(this.#window.buffer, this.#window.byteOffset, 4).getUint32(0) + FieldSize.length;
    if (declared > this.#maxRequest) {
      await this.#sendReply(this.#handler.refuse(this.#window.slice(0, msg.length), declared));
      return;
    }
    const request = new Uint8Array(declared);
    let received = 0;
    for (;;) {
      if (received + msg.length > declared) throw new ChannelError(`request overruns its declared ${declared} bytes`);
      request.set(this.#window.subarray(0, msg.length), received);
      received += msg.length;
      if (msg.kind === Kind.Last) break;
      this.#post(Kind.Ack, 0);
      msg = await this.#await();
      if (msg.kind !== Kind.Chunk && msg.kind !== Kind.Last) throw new ChannelError(`expected a request chunk, got kind ${msg.kind}`);
    }
    if (received !== declared) throw new ChannelError(`request ended after ${received} of ${declared} bytes`);
    await this.#sendReply(await this.#handler.serve(request));
  }

  async #sendReply(reply: Reply): Promise<void> {
    const win = this.#window;
    const { header, body } = reply;
    const source = body instanceof Uint8Array ? undefined : body;
    try {
      const size = body instanceof Uint8Array ? body.length : body.size;
      const bulk = this.#bulk;
      if (bulk !== undefined && size >= bulk.minBytes) {
        const bytes = bulk.allocate(size, source !== undefined && source.fillsTarget !== true);
        if (source) await source.read(bytes, 0);
        else bytes.set(body as Uint8Array, 0);
        bulk.send(bytes);
        win.set(header, 0);
        this.#post(Kind.ReplyBulk, header.length);
        return;
      }
      win.set(header, 0);
      let at = header.length;
      let position = 0;
      for (;;) {
        const n = Math.min(win.length - at, size - position);
        if (source) await source.read(win.subarray(at, at + n), position);
        else win.set((body as Uint8Array).subarray(position, position + n), at);
        position += n;
        if (position >= size) {
          this.#post(Kind.ReplyLast, at + n);
          return;
        }
        this.#post(Kind.Reply, at + n);
        const msg = await this.#await();
        if (msg.kind !== Kind.Next) throw new ChannelError(`expected Next during a reply, got kind ${msg.kind}`);
        at = 0;
      }
    } finally {
      source?.close?.();
    }
  }
}
