import { Volume } from 'memfs';
import { afterEach, describe, expect, it } from 'vitest';
import { createChannelBuffer, HostChannel, type ChannelError } from '../../bridge/channel/host.js';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame } from '../../bridge/wire/frame.js';
import { base64Length } from '../../bridge/legacy.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { encodeArgs } from '../../bridge/wire/values.js';
import { Dispatcher } from '../../host/index.js';
import { fsHandlers } from '../../host/fs/index.js';
import { requestLimit } from '../../host/dispatcher/legacy.js';
import { FakeGuest } from './fake-guest.js';

const MAX_FILE = 1 << 20;
const channels: HostChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

/** A host channel over a legacy-capable dispatcher with the sandbox's request limit; a scripted guest. */
function setup() {
  const vol = new Volume();
  vol.writeFileSync('/ok.txt', 'still fine');
  const d = new Dispatcher('s1', fsHandlers(vol, { maxFileBytes: MAX_FILE }), { protocol: 'negotiate' });
  const buffer = createChannelBuffer(64 * 1024);
  const broken: ChannelError[] = [];
  const channel = new HostChannel(
    buffer,
    { serve: (r) => d.reply(r), refuse: (head, declared) => d.refuse(head, declared, MAX_FILE), broken: (e) => void broken.push(e) },
    requestLimit(MAX_FILE),
  );
  void channel.run();
  channels.push(channel);
  const guest = new FakeGuest(buffer);
  let id = 1;
  async function call(method: string, payload: Uint8Array) {
    return decodeResponse(await guest.call(joinFrame(encodeCallHeader('s1', id++, method, payload.length), payload)));
  }
  /** Proves the channel still serves: a plain read answers (legacy, as this guest never said hello). */
  async function stillServes(): Promise<void> {
    const r = await call(Method.readFile, encodeArgs(['/ok.txt', 'utf8']));
    expect(r.status).toBe(Status.Ok);
    expect(broken).toEqual([]);
  }
  return { vol, call, stillServes };
}

const code = (r: { status: number; payload: Uint8Array }) => (r.status === Status.Error ? decodeErrorRecord(r.payload).code : `status ${r.status}`);
const bytesObject = (base64: unknown) => ({ __agentOsType: 'bytes', base64 });

describe('a hostile guest sending bytes objects cannot crash the host', () => {
  it('megabytes of base64 with one bad character at the end: a clear error', async () => {
    const { vol, call, stillServes } = setup();
    const text = `${'A'.repeat(base64Length(MAX_FILE) - 4)}AAA!`;
    const r = await call(Method.writeFile, encodeArgs(['/w', bytesObject(text)]));
    expect(code(r)).toBe('ERR_BRIDGE_INVALID_BYTES');
    expect(decodeErrorRecord(r.payload).message).toContain(`character "!" at offset ${text.length - 1}`);
    expect(vol.existsSync('/w')).toBe(false);
    await stillServes();
  });

  it('a bytes object larger than the request limit is refused unread', async () => {
    const { call, stillServes } = setup();
    const r = await call(Method.writeFile, encodeArgs(['/w', bytesObject('A'.repeat(requestLimit(MAX_FILE)))]));
    expect(code(r)).toBe('ERR_FS_FILE_TOO_LARGE');
    await stillServes();
  });

  it('valid base64 that decodes to more than the file limit is refused after decoding', async () => {
    const { vol, call, stillServes } = setup();
    const r = await call(Method.writeFile, encodeArgs(['/w', bytesObject(Buffer.alloc(MAX_FILE + 3).toString('base64'))]));
    expect(code(r)).toBe('ERR_FS_FILE_TOO_LARGE');
    expect(vol.existsSync('/w')).toBe(false);
    await stillServes();
  });

  it.each([
    ['many malformed objects in one call', encodeArgs([Array.from({ length: 10_000 }, () => bytesObject(7))])],
    ['a bytes object with a megabyte-long extra key', encodeArgs([{ ...bytesObject('AA=='), ['k'.repeat(1 << 20)]: 1 }])],
    ['a million nested arrays', Uint8Array.from({ length: 1_000_000 }, () => 0x81)],
    ['bytes objects nested past the depth limit', encodeArgs([JSON.parse(`${'['.repeat(1500)}{"__agentOsType":"bytes","base64":"AA=="}${']'.repeat(1500)}`)])],
    ['a bytes object whose base64 is a byte string', encodeArgs([bytesObject(new Uint8Array(1000))])],
  ])('%s: an error answer', async (_name, payload) => {
    const { call, stillServes } = setup();
    const r = await call('app.anything', new Uint8Array(0));
    expect(code(r)).toBe('ERR_BRIDGE_UNKNOWN_METHOD');
    const answer = await call(Method.writeFile, payload);
    expect(answer.status).toBe(Status.Error);
    // The message names the problem without echoing the hostile input back.
    expect(decodeErrorRecord(answer.payload).message?.length).toBeLessThan(500);
    await stillServes();
  });
});
