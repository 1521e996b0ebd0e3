import type { Vfs, VfsWatcher, VfsWatchListener } from '../../vfs/index.js';

/** A node:fs-style watcher (memfs's FSWatcher, node:fs's): an EventEmitter with `close()`. */
interface NodeStyleWatcher {
  close(): void;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** memfs's own: called with the event's steps relative to the watched entry ([] for the entry itself). */
  _emit?: (type: string, steps: string[]) => void;
}

type NodeStyleWatch = (path: string, options: { persistent: boolean; encoding: 'buffer' }) => NodeStyleWatcher;

/**
 * How `vfs` watches one entry: its own `watchEntry` (a MountVfs), else node:fs's `watch` (a memfs
 * Volume, node:fs itself), never keeping the host's process alive. memfs tells events about the
 * watched entry apart from those of a child of the same name (its steps are empty); a plain node:fs
 * watcher cannot, so its names pass as they are.
 */
export function watcherOf(vfs: Vfs): ((path: string, listener: VfsWatchListener) => VfsWatcher) | undefined {
  if (typeof vfs.watchEntry === 'function') return (path, listener) => vfs.watchEntry!(path, listener);
  const watch = (vfs as { watch?: unknown }).watch;
  if (typeof watch !== 'function') return undefined;
  return (path, listener) => {
    const watcher = (watch as NodeStyleWatch).call(vfs, path, { persistent: false, encoding: 'buffer' });
    if (typeof watcher._emit === 'function') {
      watcher._emit = (type, steps) => listener(type === 'rename' ? 1 : 0, steps.length > 0 ? steps.join('/') : null);
    } else {
      watcher.on('change', (type, name) => listener(type === 'rename' ? 1 : 0, name instanceof Uint8Array || typeof name === 'string' ? name : null));
    }
    watcher.on('error', (e) => listener(2, errorCode(e)));
    return watcher;
  };
}

/** The system error code of a watcher's error, or EIO. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : 'EIO';
}
