/**
 * A tree of real npm packages (bench/modules, examples/real-packages): its node_modules is installed with
 * `npm ci --ignore-scripts` from the committed lock file, and never committed. The install is skipped
 * when every package of the lock file is already there at its locked version.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Lock entries whose installed package.json is missing or at another version (empty: up to date). */
export function staleEntries(dir) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const stale = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (key === '' || entry.link) continue;
    const manifest = join(dir, key, 'package.json');
    let version = null;
    try {
      version = JSON.parse(readFileSync(manifest, 'utf8')).version;
    } catch {
      // missing or unreadable: stale
    }
    // An optional package for another platform (a native binary's other builds) is rightly absent.
    if (version === null && entry.optional) continue;
    if (version !== entry.version) stale.push(`${key}: want ${entry.version}, have ${version ?? 'none'}`);
  }
  return stale;
}

/**
 * Installs `dir`'s lock file unless it is already installed; returns { installed, ms, packages }.
 * npm's own output goes to stderr (progress), so the report on stdout stays clean.
 */
export function ensureInstalled(dir, log = () => {}) {
  const present = existsSync(join(dir, 'node_modules'));
  const before = present ? staleEntries(dir) : [];
  const packages = Object.keys(JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages).length - 1;
  if (present && before.length === 0) return { installed: false, ms: 0, packages };
  log(`  installing ${dir}: ${present ? `${before.length} of ${packages} packages stale, e.g. ${before[0]}` : 'not installed yet'}`);
  const t = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 2, 2], timeout: 300_000 });
  const after = staleEntries(dir);
  if (after.length) throw new Error(`npm ci left ${after.length} packages stale in ${dir}, e.g. ${after[0]}`);
  return { installed: true, ms: performance.now() - t, packages };
}

/** Files and bytes under `dir` (symlinks not followed). */
export function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath ?? e.path, e.name)).size;
  }
  return { files, bytes };
}
