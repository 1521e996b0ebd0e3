/**
 * The Worker's structuredClone for the guest: the exact HTML structured clone algorithm of Node's
 * MessagePort serializer. Both ends of the channel are moved into the guest's context, so the value
 * is serialized with the guest's context current (V8 words its DataCloneError messages against the
 * current context: `#<WeakMap> could not be cloned.`) and deserialized there (every object of the
 * clone is the guest's own). Whatever the serializer throws is then of the guest's realm too: a
 * guest getter's or iterator's own exception, Node's guest-context TypeErrors and RangeErrors, or
 * Node's per-context DOMException, which is handed back as primitives so that the guest throws its
 * own DOMException class.
 */
import { MessageChannel, moveMessagePortToContext, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Context } from 'node:vm';
import type { CloneCaps } from '../../../guest-assets/builtins/events/caps.js';
import { quietly, type Realm } from '../realm.js';

interface Channel {
  send: MessagePort;
  receive: MessagePort;
  /** The prototype of the DOMException Node throws for a refused value, in the guest's context. */
  refusal: object | undefined;
}

function openChannel(context: Context): Channel {
  const { port1, port2 } = new MessageChannel();
  const send = moveMessagePortToContext(port1, context) as unknown as MessagePort;
  const receive = moveMessagePortToContext(port2, context) as unknown as MessagePort;
  // Neither end may keep the sandbox alive; the receiving end is only ever read synchronously.
  send.unref();
  receive.unref();
  let refusal: object | undefined;
  try {
    send.postMessage(Symbol('probe'));
  } catch (e) {
    refusal = quietly(() => Object.getPrototypeOf(e) as object, undefined);
  }
  return { send, receive, refusal };
}

/** `name NUL message` of a refusal (a DOMException Node made in the guest's context). */
function describe(e: unknown): string {
  return quietly(() => {
    const err = e as { name?: unknown; message?: unknown };
    return `${String(err.name)}\u0000${String(err.message)}`;
  }, 'DataCloneError\u0000could not be cloned');
}

export function cloneCaps(realm: Realm, context: Context | undefined): CloneCaps {
  let channel: Channel | undefined;
  let taken: unknown;
  return {
    structuredClone(value, transfer) {
      taken = undefined;
      let thrown: unknown;
      try {
        if (context === undefined) throw new Error('structuredClone is not available in this sandbox');
        channel ??= openChannel(context);
        channel.send.postMessage(value, transfer as never);
        const got = receiveMessageOnPort(channel.receive);
        if (got === undefined) throw new Error('the clone was not delivered');
        taken = got.message;
        return 1;
      } catch (e) {
        thrown = e;
      }
      const isRefusal = channel?.refusal !== undefined && quietly(() => Object.getPrototypeOf(thrown) === channel!.refusal, false);
      if (!isRefusal && realm.isGuest(thrown)) {
        taken = thrown;
        return 0;
      }
      taken = isRefusal ? describe(thrown) : `Error\u0000${quietly(() => String((thrown as Error).message), 'structuredClone failed')}`;
      return -1;
    },
    cloneTaken() {
      const t = taken;
      taken = undefined;
      return t;
    },
  };
}
