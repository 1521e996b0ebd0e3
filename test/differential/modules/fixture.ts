/**
 * The tree every module case runs in (a fresh copy per run and per side):
 *
 *   app/package.json        name "app", "exports" (self-reference) and "imports" (#name, #pat/*, ...)
 *   app/show.cjs            the cases' output helpers (show.cjs next to this file)
 *   app/<case>              every file of cases/ (a case with `// @dir: esm` goes to app/esm/)
 *   app/lib/...             files the cases require and import (fixture-app.ts)
 *   app/esm/                "type": "module"
 *   app/deep/node_modules/  a package that shadows app/node_modules/shadow
 *   app/node_modules/...    packages: main, index, exports, conditions, patterns, ... (fixture-packages.ts)
 *   app/node_modules/linked -> ../../linked-src                 (npm link)
 *   app/node_modules/x -> .pnpm/x@1.0.0/node_modules/x          (pnpm; x needs y, found next to x's real path)
 *   node_modules/           packages above app/ (the walk up the parent directories)
 *   linked-src/             the linked package's real directory, with its own node_modules
 *
 * The guest sees the tree at `/`; plain node sees it at its temp path (the harness strips that prefix).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../../e2e/helpers.js';
import { APP } from './fixture-app.js';
import { LINKS, PACKAGES } from './fixture-packages.js';

/** Files of the fixture by path relative to the tree root: an object is written as JSON. */
export type Files = Record<string, string | object>;

/** One case: its file name in cases/ and its entry path relative to the tree root. */
export interface ModuleCase {
  name: string;
  /** e.g. `app/cjs-files.js` or `app/esm/esm-type-module.js`. */
  entry: string;
  /** The case ends with an uncaught error: compare stderr's head (up to the first stack frame) too. */
  stderr: boolean;
}

const CASES_DIR = join(import.meta.dirname, 'cases');
const DIR_LINE = /^\/\/ @dir: (\S+)$/m;
const STDERR_LINE = /^\/\/ @stderr\b/m;

/** Every case, sorted by name. */
export function moduleCases(): ModuleCase[] {
  return readdirSync(CASES_DIR)
    .filter((f) => /\.(c|m)?js$/.test(f))
    .sort()
    .map((name) => {
      const source = readFileSync(join(CASES_DIR, name), 'utf8');
      const dir = DIR_LINE.exec(source)?.[1];
      return { name, entry: dir === undefined ? `app/${name}` : `app/${dir}/${name}`, stderr: STDERR_LINE.test(source) };
    });
}

/** Writes `files` under `root`. */
export function writeFiles(root: string, files: Files): void {
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n`);
  }
}

/**
 * Writes the whole tree into a fresh temp dir and returns its real path (so the prefix node prints
 * is exactly the one to strip, even where the temp dir itself lies behind a symlink).
 */
export function makeModulesFixture(): string {
  const root = realpathSync(tempDir('v8fsb-modfix-'));
  writeFiles(root, { ...PACKAGES, ...APP });
  for (const [link, target] of LINKS) {
    mkdirSync(dirname(join(root, link)), { recursive: true });
    symlinkSync(target, join(root, link));
  }
  copyFileSync(join(import.meta.dirname, 'show.cjs'), join(root, 'app/show.cjs'));
  for (const c of moduleCases()) {
    mkdirSync(dirname(join(root, c.entry)), { recursive: true });
    copyFileSync(join(CASES_DIR, c.name), join(root, c.entry));
  }
  return root;
}
