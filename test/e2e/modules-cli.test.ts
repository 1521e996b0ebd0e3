import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const exec = promisify(execFile);
const CLI = join(import.meta.dirname, '../../dist/host/cli.js');

/** Runs `args` with cwd `cwd`: under plain node, or through the CLI. */
async function run(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, args, { cwd, encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** A project: src/main.js requires its neighbour and a package, src/app.mjs imports them. */
function project(): string {
  const dir = tempDir('v8fsb-project-');
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'node_modules/greet'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/greet/package.json'), JSON.stringify({ name: 'greet', exports: { import: './esm.mjs', default: './cjs.js' } }));
  writeFileSync(join(dir, 'node_modules/greet/cjs.js'), "exports.hello = (n) => 'hello ' + n + ' (cjs)';");
  writeFileSync(join(dir, 'node_modules/greet/esm.mjs'), "export const hello = (n) => 'hello ' + n + ' (esm)';");
  writeFileSync(join(dir, 'src/name.js'), "module.exports = 'world';");
  // Paths are printed relative to the project, since node sees the host path and the guest sees '/'.
  const rel = "const path = require('path'); const root = path.resolve(__dirname, '..'); const rel = (p) => path.relative(root, p) || '.';";
  writeFileSync(
    join(dir, 'src/main.js'),
    `${rel}\nconsole.log(require('greet').hello(require('./name')), rel(__filename), rel(process.cwd()), process.argv.slice(2).join(','));\nrequire('fs').writeFileSync('out.txt', 'written from ' + rel(process.cwd()));`,
  );
  writeFileSync(join(dir, 'src/app.mjs'), "import { hello } from 'greet'; import name from './name.js'; import { relative } from 'path';\nconsole.log(hello(name), relative(import.meta.dirname + '/..', import.meta.filename));");
  return dir;
}

describe('v8-fs-bridge run <script inside the tree>', () => {
  it.each(['--root', '--mount'])('%s: runs src/main.js at its place, with the cwd at the project root, as node does', async (flag) => {
    const dir = project();
    const node = await run(dir, ['src/main.js', 'a', 'b']);
    const guest = await run(dir, [CLI, 'run', 'src/main.js', flag, '.', '--', 'a', 'b']);
    expect(node).toEqual({ code: 0, stdout: 'hello world (cjs) src/main.js . a,b\n', stderr: '' });
    expect(guest).toEqual(node);
  });

  it('the working directory follows the host cwd inside the tree, for modules and relative fs paths', async () => {
    const dir = project();
    const node = await run(join(dir, 'src'), ['main.js']);
    expect(node.stdout).toBe('hello world (cjs) src/main.js src \n');
    expect(readFileSync(join(dir, 'src/out.txt'), 'utf8')).toBe('written from src');
    rmSync(join(dir, 'src/out.txt'));
    const guest = await run(join(dir, 'src'), [CLI, 'run', 'main.js', '--mount', '..']);
    expect(guest).toEqual(node);
    expect(readFileSync(join(dir, 'src/out.txt'), 'utf8')).toBe('written from src');
  });

  it('an ES module entry resolves its package through the "import" condition', async () => {
    const dir = project();
    const node = await run(dir, ['src/app.mjs']);
    const guest = await run(dir, [CLI, 'run', 'src/app.mjs', '--mount', '.']);
    expect(node.stdout).toBe('hello world (esm) src/app.mjs\n');
    expect(guest).toEqual(node);
  });

  it('a missing entry fails as node does: MODULE_NOT_FOUND, exit status 1', async () => {
    const dir = project();
    const guest = await run(dir, [CLI, 'run', 'src/nope.js', '--root', '.']);
    expect(guest.code).toBe(1);
    expect(guest.stderr).toContain("Error: Cannot find module '/src/nope.js'");
    expect(guest.stderr).toContain("code: 'MODULE_NOT_FOUND'");
  });
});
