// The guest process of the two-process example (started by host.mjs): the guest bridge in a vm
// context of this process, its frames carried over two socket descriptors the host opened:
//   3  blocking calls: a frame written, its answer read back before the call returns;
//   4  async calls: frames posted, answers read as they come.
// The first frame on 3 is the guest's configuration. The exit status is the guest's.
import { Socket } from 'node:net';
import { decodeCallHead, decodeResponseHeader } from '../../../dist/bridge/index.js';
import { createGuestContext, guestBundle } from '../../../dist/host/guest/index.js';
import { prefixed, readFrames, readFrameSync, writeFrameSync } from './frames.mjs';

const SYNC = 3;
const config = readFrameSync(SYNC).toString('utf8');

const posts = new Socket({ fd: 4, readable: true, writable: true });
/** Ids of async calls in flight; a weak one (a watcher's poll) does not keep the process alive. */
const inFlight = new Map();
let strong = 0;
posts.unref();

const guest = createGuestContext({
  bundle: guestBundle(),
  config,
  transport: {
    callSync(frame) {
      writeFrameSync(SYNC, frame);
      return readFrameSync(SYNC);
    },
    post(frame, weak) {
      const copy = new Uint8Array(frame);
      inFlight.set(decodeCallHead(copy).id, weak);
      if (!weak && ++strong === 1) posts.ref();
      posts.write(prefixed(copy));
      return true;
    },
  },
  exit: (code) => process.exit(code),
  setExitCode: (code) => void (process.exitCode = code),
});

readFrames(posts, (frame) => {
  const id = decodeResponseHeader(frame).id;
  const weak = inFlight.get(id);
  inFlight.delete(id);
  if (weak === false && --strong === 0) posts.unref();
  guest.api.deliver(frame);
});
posts.on('error', () => process.exit(1));

process.on('uncaughtException', (e) => guest.die(e, 'exception'));
process.on('unhandledRejection', (e) => guest.die(e, 'rejection'));
process.on('beforeExit', () => guest.api.beforeExit());
process.on('exit', (code) => {
  const after = guest.api.exit(code);
  if (typeof after === 'number') process.exitCode = after;
});

guest.runMain();
