import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, tempDir } from '../e2e/helpers.js';

/**
 * The fixture tree every differential script runs against (a fresh copy per side):
 *
 *   bin/zero.bin      starts with 0x00           bin/a.bin     starts with 'a' (CBOR text)
 *   bin/H.bin         starts with 'H'            bin/png.bin   PNG signature + data
 *   bin/ff.bin        starts with 0xFF           bin/empty.bin zero bytes
 *   bin/json.bin      a legacy bytes object as JSON text
 *   big/1m.bin        1 MiB + 3 random bytes     big/20m.bin   20 MiB + 5 random bytes
 *   text/utf8.txt     UTF-8 with multi-byte characters and emoji
 *   text/latin1.txt   Latin-1 bytes (invalid as UTF-8)
 *   text/invalid.txt  invalid UTF-8 sequences of every kind (truncated, overlong, surrogates, stray continuation)
 *   text/bom.txt      UTF-8 with a BOM       text/utf16.txt UTF-16LE with a BOM
 *   dir/a.txt, dir/b/c.txt, dir/empty/    a small tree
 *   links/to-file -> ../text/utf8.txt, links/to-dir -> ../dir, links/dangling -> nowhere
 *
 * All files get fixed times so metadata compares equal on both sides.
 */
export function makeFixture(options: { big?: boolean } = {}): string {
  const root = tempDir('v8fsb-fixture-');
  const file = (name: string, data: Uint8Array | string) => {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), data);
  };
  file('bin/zero.bin', Buffer.from([0x00, 0x00, 0x01, 0x02, 0xff]));
  file('bin/a.bin', Buffer.from([0x61, 0x62, 0x63, 0x00, 0x80]));
  file('bin/H.bin', Buffer.from('Hello, \u0000world\xff', 'latin1'));
  file('bin/png.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(300, 9)]));
  file('bin/ff.bin', Buffer.from([0xff, 0xfe, 0xfd, 0x00]));
  file('bin/empty.bin', Buffer.alloc(0));
  file('bin/json.bin', '{"__agentOsType":"bytes","base64":"AAECAw=="}');
  if (options.big !== false) {
    file('big/1m.bin', randomBytes(1024 * 1024 + 3, 11));
    file('big/20m.bin', randomBytes(20 * 1024 * 1024 + 5, 13));
  }
  file('text/utf8.txt', 'héllo wörld € 𝄞 😀\nsecond line ünïcödé\n');
  file('text/latin1.txt', Buffer.from('caf\xe9 na\xefve \xa9 \xff\n', 'latin1'));
  file('text/invalid.txt', Buffer.from([0x61, 0xc3, 0x62, 0xe2, 0x82, 0x63, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xf0, 0x9f, 0x98, 0x64, 0xff]));
  file('text/bom.txt', Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]));
  file('text/utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi ☃ 😀', 'utf16le')]));
  file('dir/a.txt', 'A');
  file('dir/b/c.txt', 'C');
  mkdirSync(join(root, 'dir/empty'));
  mkdirSync(join(root, 'links'));
  symlinkSync('../text/utf8.txt', join(root, 'links/to-file'));
  symlinkSync('../dir', join(root, 'links/to-dir'));
  symlinkSync('nowhere', join(root, 'links/dangling'));
  const t = new Date('2024-05-06T07:08:09.000Z');
  for (const name of ['bin/zero.bin', 'bin/a.bin', 'text/utf8.txt', 'dir/a.txt', 'dir/b/c.txt', 'dir/b', 'dir']) utimesSync(join(root, name), t, t);
  return root;
}

const PRELUDE_LINE = /^\/\/ @prelude: .*\n/m;

/** A differential script's source as both sides run it: a `// @prelude: ...` line becomes prelude.js. */
export function scriptSource(file: string): string {
  const source = readFileSync(file, 'utf8');
  return source.replace(PRELUDE_LINE, () => readFileSync(join(import.meta.dirname, 'prelude.js'), 'utf8'));
}
