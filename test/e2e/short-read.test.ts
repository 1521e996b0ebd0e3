import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { Method } from '../../bridge/wire/protocol.js';
import { runGuest } from './helpers.js';

/**
 * A file that comes up short while the host reads it (on a mount, another process truncated it after
 * its size was taken). The reply's size is already promised, so the call fails with EIO; the run
 * and the channel go on, whether the reply would have moved whole, gone through the window, or
 * travelled as an async message.
 */
function shrinkingVolume(): Volume {
  const vol = new Volume();
  vol.writeFileSync('/short.bin', Buffer.alloc(300_000, 1));
  vol.writeFileSync('/small-short.bin', Buffer.alloc(1000, 1));
  vol.writeFileSync('/ok.bin', Buffer.alloc(300_000, 2));
  const short = new Set<number>();
  return new Proxy(vol, {
    get(target, key) {
      if (key === 'openSync') {
        return (path: string, ...rest: unknown[]) => {
          const fd = (target.openSync as (...a: unknown[]) => number)(path, ...rest);
          if (path.endsWith('short.bin')) short.add(fd);
          else short.delete(fd);
          return fd;
        };
      }
      if (key === 'readSync') {
        return (fd: number, ...rest: unknown[]) => (short.has(fd) ? 0 : (target.readSync as (...a: unknown[]) => number)(fd, ...rest));
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const SCRIPT = `
const fs = require('fs');
const show = (name, f) => { try { const b = f(); console.log(name, 'ok', b.length); } catch (e) { console.log(name, e.code, e.syscall, e.errno, e instanceof Error); } };
show('sync large', () => fs.readFileSync('/short.bin'));
show('sync small', () => fs.readFileSync('/small-short.bin'));
show('after', () => fs.readFileSync('/ok.bin'));
fs.promises.readFile('/short.bin').then((b) => console.log('async', 'ok', b.length), (e) => console.log('async', e.code, e.syscall, e.errno, e instanceof Error))
  .then(() => fs.promises.readFile('/ok.bin')).then((b) => console.log('async after', b.length, b[0]));
`;

describe('a file that comes up short while being read', () => {
  it.each([
    ['moved whole (bulkBytes 64 KiB)', {}],
    ['through the window (bulkBytes 0)', { bulkBytes: 0 }],
  ])('fails that call with EIO and the run goes on: %s', async (_name, limits) => {
    const r = await runGuest(SCRIPT, { vol: shrinkingVolume(), limits });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.terminated).toBeUndefined();
    expect(r.stdout).toBe(
      ['sync large EIO read -5 true', 'sync small EIO read -5 true', 'after ok 300000', 'async EIO read -5 true', 'async after 300000 2', ''].join('\n'),
    );
    expect(r.trace.filter((t) => t.method === Method.readFile)).toHaveLength(5);
  });
});
