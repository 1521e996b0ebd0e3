import { readFileSync } from 'node:fs';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeCallHead, decodeResponse, encodeCallHeader, joinFrame } from '../../bridge/wire/frame.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { encodeArgs } from '../../bridge/wire/values.js';
import { createFsDispatcher, Dispatcher } from '../../host/index.js';
import * as guestExport from '../../host/guest/index.js';
import { createGuestContext, guestBundle, guestBundlePath, guestConfig, type GuestTransport } from '../../host/guest/index.js';

/** The `v8-fs-bridge/guest` package export and the transport seam, as an embedder uses them. */

function frame(session: string, id: number, method: string, args: unknown[]): Uint8Array {
  const payload = encodeArgs(args);
  return joinFrame(encodeCallHeader(session, id, method, payload.length), payload);
}

/** Runs `source` in a guest context on this thread whose blocking calls go to `callSync`; the exit status it asked for, if any. */
function runWith(source: string, callSync: GuestTransport['callSync']) {
  let status: number | undefined;
  const guest = createGuestContext({
    bundle: guestBundle(),
    config: guestConfig({ session: 't', source }),
    transport: { callSync, post: () => false },
    exit: (code) => void (status = code),
  });
  guest.runMain();
  guest.dispose();
  return status;
}

describe('v8-fs-bridge/guest', () => {
  it('is the package export v8-fs-bridge/guest', async () => {
    // Resolved as a dependent project resolves it: through package.json's exports (to the build).
    const specifier = 'v8-fs-bridge/guest';
    const packaged = (await import(specifier)) as Record<string, unknown>;
    expect(Object.keys(packaged).sort()).toEqual(Object.keys(guestExport).sort());
    expect(packaged.guestBundlePath).toBe(guestBundlePath);
  });

  it('exports the built bundle, which defines the installer', () => {
    expect(readFileSync(guestBundlePath, 'utf8')).toBe(guestBundle());
    expect(guestBundle()).toContain('var __v8fsBridge');
    const config = JSON.parse(guestConfig({ session: 'x', cwd: 'work', filename: 'main.js', args: ['a'] })) as { session: string; cwd: string; argv: string[]; env: object };
    expect(config).toMatchObject({ session: 'x', cwd: '/work', argv: ['/usr/local/bin/node', '/work/main.js', 'a'], env: {} });
  });

  it('runs a guest over a same-thread transport to an fs dispatcher', () => {
    const vol = Volume.fromJSON({ '/in.bin': Buffer.from([0, 255, 1]) as unknown as string });
    const out: Uint8Array[] = [];
    const d = createFsDispatcher('t', { vfs: vol, protocol: 'negotiate', stdout: (b) => void out.push(new Uint8Array(b)) });
    const statuses: number[] = [];
    const status = runWith(
      "const fs = require('fs'); const b = fs.readFileSync('/in.bin'); fs.writeFileSync('/out.bin', Buffer.concat([b, b])); console.log([...b].join(','));",
      (f) => {
        const reply = d.handleSync(new Uint8Array(f));
        statuses.push(decodeResponse(reply).status);
        return reply;
      },
    );
    expect(status).toBeUndefined();
    expect(Buffer.concat(out).toString()).toBe('0,255,1\n');
    expect([...(vol.readFileSync('/out.bin') as Buffer)]).toEqual([0, 255, 1, 0, 255, 1]);
    // The file came back as status 2 raw bytes.
    expect(statuses).toContain(Status.Raw);
  });

  it('a transport that fails or answers garbage gives the guest an ERR_BRIDGE_CHANNEL error of its own realm, nothing of the host', () => {
    const answers: unknown[] = [
      () => {
        throw new Error('host side down');
      },
      () => 'not bytes',
      () => new Proxy(new Uint8Array(4), {}),
      () => new Uint8Array([1, 2, 3]),
      () => ({ length: 3, 0: 1 }),
    ];
    for (const answer of answers) {
      const d = createFsDispatcher('t', { vfs: new Volume() });
      const source = [
        'let e;',
        "try { require('fs').readFileSync('/x') } catch (x) { e = x }",
        // The error's constructor chain is this realm's: its Function makes functions of this global.
        "const own = e.constructor.constructor === Function && e.constructor.constructor('return this')() === globalThis;",
        "globalThis.__seen = [e.code, e instanceof Error, own].join(' ');",
      ].join('\n');
      const guest = createGuestContext({
        bundle: guestBundle(),
        config: guestConfig({ session: 't', source }),
        transport: {
          // The loader's calls are served; the read gets the answer under test.
          callSync: (f) => {
            const copy = new Uint8Array(f);
            if (decodeCallHead(copy).method !== Method.readFile) return d.handleSync(copy);
            return (answer as () => Uint8Array)();
          },
          post: () => false,
        },
        exit: () => undefined,
      });
      guest.runMain();
      const seen = String((guest.context as { __seen?: unknown }).__seen);
      guest.dispose();
      expect(seen).toBe('ERR_BRIDGE_CHANNEL true true');
    }
  });
});

describe('Dispatcher.handleSync', () => {
  it('answers as handle() does, on the caller stack', async () => {
    const d = createFsDispatcher('s', { vfs: Volume.fromJSON({ '/a': 'abc' }) });
    const f = frame('s', 1, Method.readFile, ['/a', null, 'r']);
    const sync = d.handleSync(f);
    expect(Buffer.from(sync)).toEqual(Buffer.from(await d.handle(f)));
    expect(Buffer.from(decodeResponse(sync).payload).toString()).toBe('abc');
    const missing = decodeResponse(d.handleSync(frame('s', 2, Method.readFile, ['/none', null, 'r'])));
    expect(decodeErrorRecord(missing.payload)).toMatchObject({ code: 'ENOENT', path: '/none' });
  });

  it('refuses a handler that answers asynchronously with ERR_BRIDGE_ASYNC_METHOD, and never throws', () => {
    const d = new Dispatcher('s', { later: async () => 1, broken: () => ({ size: 4, read: () => Promise.resolve() }) });
    for (const [id, method] of [
      [1, 'later'],
      [2, 'broken'],
    ] as const) {
      const r = decodeResponse(d.handleSync(frame('s', id, method, [])));
      expect(r.id).toBe(id);
      expect(r.status).toBe(Status.Error);
      expect(decodeErrorRecord(r.payload)).toMatchObject({ code: 'ERR_BRIDGE_ASYNC_METHOD' });
    }
    const garbage = decodeResponse(d.handleSync(new Uint8Array([1, 2, 3])));
    expect(decodeErrorRecord(garbage.payload).code).toBe('ERR_BRIDGE_MALFORMED_FRAME');
  });
});
