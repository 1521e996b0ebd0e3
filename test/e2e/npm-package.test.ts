/**
 * e2e: real npm packages, installed by npm from the registry, run as `node app.js` would.
 * test/fixtures/npm-app holds package.json, its committed lock file and two apps: app.js (CommonJS:
 * semver 7.5.4 -> lru-cache 6 -> yallist 4, js-yaml 4.1.0 -> argparse 2) and app.mjs (ES module: js-yaml's
 * "exports" import build, semver's CommonJS named exports, dynamic import, import.meta.resolve).
 * The fixture is copied to a temporary folder and installed there once per run of this file
 * (`npm ci --ignore-scripts`; node_modules is never committed); each app then runs under plain node,
 * and through the CLI with --root and with --mount, all with cwd = that folder: same stdout, stderr
 * and exit status.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const exec = promisify(execFile);
const CLI = join(import.meta.dirname, '../../dist/host/cli.js');
const FIXTURE = join(import.meta.dirname, '../fixtures/npm-app');
const INSTALL_MS = 170_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `file` with `args` in `cwd`, never throwing on a non-zero exit. */
async function run(file: string, args: string[], cwd: string): Promise<Run> {
  try {
    const r = await exec(file, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

let dir = '';

beforeAll(async () => {
  dir = tempDir('v8fsb-npm-app-');
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !relative(FIXTURE, src).split(sep).includes('node_modules') });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    await exec(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', timeout: INSTALL_MS });
  } catch (e) {
    const x = e as { message: string; stderr?: string };
    throw new Error(`npm ci in ${dir} failed: ${x.message}\n${x.stderr ?? ''}`);
  }
  expect(existsSync(join(dir, 'node_modules/semver/package.json'))).toBe(true);
}, INSTALL_MS + 10_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Lines each app must print under node: proof that it did real work, not just start. */
const EXPECTED: Record<string, string[]> = {
  'app.js': [
    'semver -> lru-cache@^6.0.0: locked 6.0.0, installed 6.0.0, satisfies true',
    'lru-cache -> yallist@^4.0.0: locked 4.0.0, installed 4.0.0, satisfies true',
    'sort 0.9.9 1.2.3-alpha 1.2.3-beta.1 1.2.3 v1.2.4 1.10.0 2.0.0-rc.1',
    'range >=1.2.0 <1.3.0-0||>=3.0.0-beta <3.1.0-0||>=4.0.0 <5.0.0-0 | sets 3 | test 3.0.5 true',
    'error TypeError Invalid Version: not a version true',
    'yaml services web,db web port 8080 db retries 5',
    'round trip true',
    'loaded 78',
    '   node_modules/yallist/iterator.js',
    '   node_modules/js-yaml/lib/type/timestamp.js',
  ],
  'app.mjs': [
    'resolve js-yaml node_modules/js-yaml/dist/js-yaml.mjs',
    'js-yaml: import and require give different copies true true',
    'semver default is module.exports true named true',
    'semver needs lru-cache@^6.0.0: 6.0.0 (major 6) ok true',
    'versions high to low 7.5.4 6.0.0 4.1.0 4.0.0 2.0.1',
    'dynamic import inc 4.2.0 true',
  ],
};

describe('real npm packages (semver, js-yaml and their dependencies) installed with npm ci', () => {
  const cache = new Map<string, Promise<Run>>();
  /** The plain node run of `app`, once per app. */
  const nodeRun = (app: string) => {
    if (!cache.has(app)) cache.set(app, run(process.execPath, [app], dir));
    return cache.get(app)!;
  };

  it.each(['app.js', 'app.mjs'])('%s under plain node prints real results', async (app) => {
    const node = await nodeRun(app);
    expect(node.stderr).toBe('');
    expect(node.code).toBe(0);
    const lines = node.stdout.split('\n');
    for (const line of EXPECTED[app]!) expect(lines).toContain(line);
    expect(lines.length).toBeGreaterThan(30);
  });

  it.each([
    ['app.js', '--root'],
    ['app.js', '--mount'],
    ['app.mjs', '--root'],
    ['app.mjs', '--mount'],
  ])('%s through the CLI with %s . prints what node prints', async (app, flag) => {
    const node = await nodeRun(app);
    const guest = await run(process.execPath, [CLI, 'run', app, flag, '.'], dir);
    expect(guest).toEqual(node);
  });
});
