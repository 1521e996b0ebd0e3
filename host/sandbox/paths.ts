import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package root: the nearest directory above this file whose package.json names this package. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'v8-fs-bridge') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('v8-fs-bridge: cannot find the package root (package.json)');
    dir = up;
  }
}

const root = packageRoot();

/** Built files the host loads at run time (run `npm run build` first when working from source). */
export const assets = {
  /** The file: URL prefix of the package's built code (the Worker's frames in a stack trace). */
  hostFiles: `${pathToFileURL(join(root, 'dist')).href}/`,
  worker: join(root, 'dist', 'host', 'worker', 'index.js'),
  guestBundle: join(root, 'dist', 'guest-assets', 'bridge.js'),
} as const;
