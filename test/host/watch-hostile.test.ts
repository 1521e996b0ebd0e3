import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame, type ResponseFrame } from '../../bridge/wire/frame.js';
import { Method, Status, WatchEvent } from '../../bridge/wire/protocol.js';
import { decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import { createMountVfs, Dispatcher } from '../../host/index.js';
import { MAX_QUEUED, WatchTable, watchHandlers } from '../../host/fs/watch/index.js';
import { tempDir } from '../e2e/helpers.js';

/**
 * The watch methods over a dispatcher, without a Worker: a hostile guest's arguments get error
 * records and the next call works; the queue of events is bounded; a parked poll is answered when
 * the last watcher closes and when the run's table closes.
 */
function setup(maxWatchers = 8) {
  const vol = new Volume();
  vol.mkdirSync('/d/sub', { recursive: true });
  vol.writeFileSync('/d/f', 'f');
  const table = new WatchTable(vol, { maxWatchers });
  const d = new Dispatcher('s1', watchHandlers(table));
  let nextId = 1;
  async function call(method: string, args: unknown[]): Promise<ResponseFrame> {
    const payload = encodeArgs(args);
    return decodeResponse(await d.handle(joinFrame(encodeCallHeader('s1', nextId++, method, payload.length), payload)));
  }
  const value = (r: ResponseFrame) => decodeValue(r.payload);
  const code = (r: ResponseFrame) => (r.status === Status.Error ? decodeErrorRecord(r.payload).code : `status ${r.status}`);
  return { vol, table, call, value, code };
}

describe('watch methods against a hostile guest', () => {
  it('answers bad arguments with error records and keeps working', async () => {
    const { call, value, code, table } = setup();
    for (const bad of [42, null, true, { p: '/d' }, '/d\u0000x', new Uint8Array([0x2f]), [], 2 ** 53]) {
      expect(code(await call(Method.watch, [bad]))).toBe('ERR_INVALID_ARG_TYPE');
      const ok = await call(Method.watch, ['/d']);
      expect(ok.status).toBe(Status.Ok);
      expect(code(await call(Method.unwatch, [value(ok)]))).toBe('status 0');
    }
    for (const bad of ['1', -1, 0, 1.5, null, 2 ** 60, { id: 1 }]) expect(code(await call(Method.unwatch, [bad]))).toBe('ERR_INVALID_ARG_TYPE');
    expect(code(await call(Method.unwatch, [999]))).toBe('status 0');
    expect(code(await call(Method.watch, ['/missing']))).toBe('ENOENT');
    expect(decodeErrorRecord((await call(Method.watch, ['/missing'])).payload)).toMatchObject({ code: 'ENOENT', syscall: 'watch', path: '/missing' });
    expect(table.size).toBe(0);
  });

  it('refuses past the limit with ENOSPC, and a closed watcher frees its place', async () => {
    const { call, value, code, table } = setup(2);
    const a = value(await call(Method.watch, ['/d']));
    await call(Method.watch, ['/d/f']);
    const refused = await call(Method.watch, ['/d/sub']);
    expect(decodeErrorRecord(refused.payload)).toMatchObject({ code: 'ENOSPC', syscall: 'watch', path: '/d/sub' });
    await call(Method.unwatch, [a]);
    expect(code(await call(Method.watch, ['/d/sub']))).toBe('status 0');
    expect(table.size).toBe(2);
    table.closeAll();
    expect(table.size).toBe(0);
    expect(code(await call(Method.watch, ['/d']))).toBe('ERR_BRIDGE_CLOSED');
  });

  it('parks one poll until an event, answers an earlier one empty, and answers at the end', async () => {
    const { vol, call, value, table } = setup();
    const id = value(await call(Method.watch, ['/d'])) as number;
    const first = call(Method.watchPoll, []);
    const second = call(Method.watchPoll, []);
    expect(value(await first)).toEqual([]);
    vol.writeFileSync('/d/new', 'x');
    const events = value(await second) as unknown[];
    expect(events.slice(0, 2)).toEqual([id, WatchEvent.Rename]);
    expect(Buffer.from(events[2] as Uint8Array).toString()).toBe('new');
    // memfs reports the write after the creation: queued, taken by the next poll at once.
    expect((value(await call(Method.watchPoll, [])) as unknown[]).slice(0, 2)).toEqual([id, WatchEvent.Change]);
    const parked = call(Method.watchPoll, []);
    table.closeAll();
    expect(value(await parked)).toEqual([]);
    expect(value(await call(Method.watchPoll, []))).toEqual([]);
  });

  it('holds at most MAX_QUEUED events for a guest that never asks', async () => {
    const { vol, call, value } = setup();
    await call(Method.watch, ['/d']);
    for (let i = 0; i < MAX_QUEUED + 500; i++) vol.utimesSync('/d/f', i, i);
    const events = value(await call(Method.watchPoll, [])) as unknown[];
    expect(events.length).toBe(MAX_QUEUED * 3);
  });

  it('on a mount: names are one component, the watched entry itself is null, temporary files never show', async () => {
    const dir = tempDir('v8fsb-watch-host-');
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'old'), 'old');
    const mount = createMountVfs(dir);
    const table = new WatchTable(mount, { maxWatchers: 8 });
    try {
      const dirId = table.add('/d');
      const fileId = table.add('/d/old');
      mount.writeFileSync('/d/old', 'replaced');
      mount.writeFileSync('/d/new', 'new');
      await new Promise((r) => setTimeout(r, 100));
      const events = (await table.poll()) as unknown[];
      const seen: string[] = [];
      for (let i = 0; i < events.length; i += 3) {
        const name = events[i + 2];
        seen.push(`${events[i] === dirId ? 'dir' : events[i] === fileId ? 'file' : '?'} ${events[i + 1]} ${name === null ? 'null' : Buffer.from(name as Uint8Array).toString()}`);
      }
      expect(seen.some((s) => s.includes('.tmp'))).toBe(false);
      expect(seen).toContain(`dir ${WatchEvent.Change} old`);
      expect(seen).toContain(`dir ${WatchEvent.Rename} new`);
      expect(seen).toContain(`file ${WatchEvent.Change} null`);
    } finally {
      table.closeAll();
      mount.close();
    }
  });
});
