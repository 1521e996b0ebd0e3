import { copyBytes } from './copy.js';
import { Defaults, FieldSize } from '../wire/protocol.js';

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

/**
 * Reads a whole reply body into a buffer from `allocate` (see BulkReplies.allocate): zeroed unless
 * the body is bytes in hand or a source that promises to fill it. Does not close a source.
 */
export async function fillBulk(body: Body, allocate: BulkReplies['allocate']): Promise<Uint8Array> {
  if (body instanceof Uint8Array) {
    const bytes = allocate(body.length, false);
    bytes.set(body, 0);
    return bytes;
  }
  const bytes = allocate(body.size, body.fillsTarget !== true);
  await body.read(bytes, 0);
  return bytes;
}

/** What the host end does with requests. */
export interface HostHandler {
  /** Answers one complete request frame (a private copy, never the shared memory). */
  serve(request: Uint8Array): Promise<Reply>;
  /** Answers a request whose declared length is over the limit; `head` is its first chunk. */
  refuse(head: Uint8Array, declaredLength: number): Reply;
  /** The guest broke the channel protocol; the channel has stopped. */
  broken(error: ChannelError): void;
  /**
   * The reply to send instead of one whose body failed to read before any of it was sent (given
   * that reply's header and the error). Without it the failure ends the channel.
   */
  unreadable?(header: Uint8Array, error: unknown): Reply;
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
      // The clock is read once every 32 polls: it costs far more than a poll.
      for (let i = 1; Atomics.load(ctl, Control.state) !== Owner.Host; i++) {
        if ((i & 31) === 0 && this.#wait.now() >= until) break;
      }
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
      copyBytes(request, received, this.#window.subarray(0, msg.length));
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
    // Until the first message of the reply is posted, a body that fails to read can still be
    // answered with an error; after that the guest holds part of a frame and the channel must end.
    let posted = false;
    try {
      const size = body instanceof Uint8Array ? body.length : body.size;
      const bulk = this.#bulk;
      if (bulk !== undefined && size >= bulk.minBytes) {
        bulk.send(await fillBulk(body, bulk.allocate));
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
        else copyBytes(win, at, (body as Uint8Array).subarray(position, position + n));
        posted = true;
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
    } catch (e) {
      if (posted || e instanceof ChannelError || this.#handler.unreadable === undefined) throw e;
      await this.#sendReply(this.#handler.unreadable(header, e));
    } finally {
      source?.close?.();
    }
  }
}
