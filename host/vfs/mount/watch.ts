import { watch } from 'node:fs';
import { errorCode } from '../../fs/watch/adapt.js';
import type { VfsWatcher, VfsWatchListener } from '../index.js';
import { guestError } from './errors.js';
import { opError } from './paths.js';
import type { MountRoot } from './root.js';
import { fdPath } from './walk.js';
import { dirKey, TEMP_NAME, wasReplaced, watching } from './replaced.js';

/**
 * Watching an entry of a mount. The guest path is resolved like every other (confined, symlinks as
 * the guest sees them), and the host watcher is set on the inode the walk pinned, through its
 * descriptor (`/proc/self/fd/N`): never on a path the kernel would resolve again, so no symlink
 * swapped in meanwhile can point it outside the mount. The descriptor is closed at once (inotify
 * holds the inode, not the descriptor). What a watcher reports is one name inside the watched
 * directory, or the entry itself, never a path: nothing outside the mount can show.
 */
export function watchEntry(root: MountRoot, path: string, listener: VfsWatchListener): VfsWatcher {
  const op = { syscall: 'watch', path };
  try {
    return root.with(path, { follow: true }, (entry) => {
      if (entry.fd === undefined || entry.stat === undefined) throw guestError({ code: 'ENOENT', ...op });
      const isDir = entry.stat.isDirectory();
      // A directory is watched as `<fd>/.`: events about itself then carry the name `.`, which no child has.
      const target = isDir ? `${fdPath(entry.fd)}/.` : fdPath(entry.fd);
      const key = isDir ? dirKey(entry.stat.dev, entry.stat.ino) : undefined;
      const watcher = watch(target, { persistent: false, encoding: 'buffer' }, (type, name) => {
        const text = name === null || name === undefined || key === undefined ? '.' : Buffer.from(name).toString('latin1');
        if (text === '.') return listener(type === 'rename' ? 1 : 0, null);
        // The mount's own temporary files never show; its replacement of a file shows as Node's in-place write.
        if (TEMP_NAME.test(text)) return;
        const change = type === 'change' || wasReplaced(key!, text);
        listener(change ? 0 : 1, Buffer.from(name!));
      });
      watcher.on('error', (e) => listener(2, errorCode(e)));
      if (key === undefined) return watcher;
      watching(key, 1);
      let open = true;
      return {
        close: () => {
          watcher.close();
          if (open) watching(key, -1);
          open = false;
        },
      };
    });
  } catch (e) {
    throw opError(e, op);
  }
}
