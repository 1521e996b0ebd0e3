import { createChannelBuffer } from '../../bridge/channel/host.js';
import { GuestChannel } from '../../bridge/channel/guest.js';
import { decodeResponseHeader, type ResponseHeader } from '../../bridge/wire/frame.js';
import { guard, type ChannelCaps } from '../caps.js';

/**
 * What the guest bridge needs of its transport to the host, for an embedder that carries frames
 * its own way (its own sync RPC, a same-thread call, a byte stream to another process). Frames
 * are whole BridgeCall and BridgeResponse frames (bridge/wire/frame.ts).
 *
 * Both functions belong to the embedder: the bridge keeps them in closures and never hands them,
 * or anything they return, to guest code. What they return is copied into the guest's realm
 * before it is read.
 */
export interface GuestTransport {
  /** Sends one call frame and returns the whole response frame, blocking until the host answers. */
  callSync(frame: Uint8Array): Uint8Array;
  /**
   * Sends one async call frame and returns at once (false: it could not be sent, and the call fails
   * with ERR_BRIDGE_CLOSED). The response frame is handed back later through `GuestApi.deliver`.
   * A `weak` call (the watchers' long poll) should not keep the embedder's run alive by itself.
   */
  post(frame: Uint8Array, weak: boolean): boolean;
}

/** How the guest's Rpc reaches the host: a blocking call and an async post. */
export interface Link {
  /**
   * One blocking call; `parts` together are the request frame. `allocate` gets the reply header and
   * returns the buffer (exactly the payload's length) the payload is copied into; a moved payload
   * (the shared-memory channel's bulk port) is offered as `moved` and may be returned as it is.
   */
  call(parts: readonly Uint8Array[], allocate: (header: ResponseHeader, payloadLength: number, moved?: Uint8Array) => Uint8Array): { header: ResponseHeader; payload: Uint8Array };
  post(frame: Uint8Array, weak: boolean): boolean;
}

/** The default link: the shared-memory channel for blocking calls, the Worker's port for async ones. */
export function channelLink(caps: ChannelCaps, windowBytes: number, spinIterations: number): Link {
  const buffer = createChannelBuffer(windowBytes);
  guard(() => caps.openChannel(buffer));
  // A moved reply must be an ArrayBuffer of this realm (checked with the realm's own constructor).
  const takeBulk = () => {
    const moved = guard(() => caps.takeBulk());
    return moved instanceof ArrayBuffer ? moved : undefined;
  };
  const channel = new GuestChannel(buffer, spinIterations, takeBulk);
  return {
    call: (parts, allocate) => channel.call(parts, allocate),
    post: (frame, weak) => guard(() => caps.postAsync(frame, weak)) === true,
  };
}

const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const byteLengthOf = Object.getOwnPropertyDescriptor(typedArrayPrototype, 'byteLength')!.get!;
const tagOf = Object.getOwnPropertyDescriptor(typedArrayPrototype, Symbol.toStringTag)!.get!;

/**
 * A copy, in this realm, of a Uint8Array the embedder returned (which may belong to another realm).
 * Only the typed array's own internal slots are read: no getter or method of the object runs.
 */
export function ownBytes(value: unknown): Uint8Array {
  if (!ArrayBuffer.isView(value) || Reflect.apply(tagOf, value, []) !== 'Uint8Array') {
    throw new TypeError('the transport must answer with a Uint8Array frame');
  }
  const copy = new Uint8Array(Reflect.apply(byteLengthOf, value, []) as number);
  copy.set(value as Uint8Array);
  return copy;
}

/** One frame made of `parts`. */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let length = 0;
  for (const p of parts) length += p.length;
  const frame = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    frame.set(p, at);
    at += p.length;
  }
  return frame;
}

/** A response frame split into its header and payload (a view of `frame`). */
export function splitResponse(frame: Uint8Array): { header: ResponseHeader; payload: Uint8Array } {
  const header = decodeResponseHeader(frame);
  return { header, payload: frame.subarray(header.headerLength, header.frameLength) };
}

/** A link over an embedder's transport. */
export function transportLink(transport: GuestTransport): Link {
  const callSync = transport.callSync;
  const post = transport.post;
  if (typeof callSync !== 'function' || typeof post !== 'function') throw new TypeError('a transport has callSync(frame) and post(frame, weak)');
  return {
    call(parts, allocate) {
      const { header, payload } = splitResponse(ownBytes(Reflect.apply(callSync, transport, [joinParts(parts)])));
      const target = allocate(header, payload.length);
      target.set(payload);
      return { header, payload: target };
    },
    post: (frame, weak) => guard(() => Reflect.apply(post, transport, [frame, weak])) === true,
  };
}
