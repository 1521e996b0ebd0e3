import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bothFiles, differential, tempDir } from './helpers.js';

describe('the npm start example', () => {
  it('prints and writes exactly what plain node does', async () => {
    const source = readFileSync(join(import.meta.dirname, '../../examples/thumbnails.js'), 'utf8');
    const d = await differential(source, tempDir());
    expect(d.guest.stderr).toBe('');
    expect(d.guest.exitCode).toBe(0);
    expect(d.guest.stdout).toBe(d.node.stdout);
    expect(d.guest.stdout).toMatch(/^ok: 4 images, \d+ bytes read/m);
    for (const name of ['thumbs.tar', 'thumbs/mandelbrot.png', 'photos/rings.bmp']) {
      const [n, g] = bothFiles(d, name);
      expect(g.equals(n)).toBe(true);
    }
  });
});

describe('mkdir', () => {
  it('matches node: return values, recursive, errors', async () => {
    const script = `
const fs = require('fs');
console.log(fs.mkdirSync('a/b/c', { recursive: true }), fs.mkdirSync('a/b/c', { recursive: true }), fs.mkdirSync('a/b/d'));
console.log(fs.mkdirSync('a/b/x/y/', { recursive: true }), fs.mkdirSync('./a/./e/f', { recursive: true }));
for (const f of [() => fs.mkdirSync('a/b'), () => fs.mkdirSync('q/r'), () => fs.mkdirSync('a', { recursive: 'yes' }), () => fs.mkdirSync('m', -1)]) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.code, e.errno, e.syscall, e.path, e.message); }
}
fs.writeFileSync('file', 'x');
try { fs.mkdirSync('file/sub', { recursive: true }); } catch (e) { console.log(e.code, e.syscall, e.path); }
fs.promises.mkdir('p/q', { recursive: true }).then((r) => {
  console.log('promise', r);
  fs.mkdir('cb', (err, r) => console.log('callback', err, r));
});
`;
    const d = await differential(script, tempDir());
    expect(d.guest.stderr).toBe('');
    expect(d.guest.stdout).toBe(d.node.stdout);
    expect(d.node.stdout).toContain('EEXIST');
  });
});
