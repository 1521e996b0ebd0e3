// require('buffer') as Node 20 exports it: its keys, limits, constants, transcode, isUtf8, isAscii,
// atob/btoa and INSPECT_MAX_BYTES.
const buffer = require('buffer');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'THROWS', e.name, e.code, e.message);
  }
};
show('keys', () => Object.keys(buffer).join());
show('limits', () => [buffer.kMaxLength, buffer.kStringMaxLength, JSON.stringify(buffer.constants)]);
show('atob/btoa', () => [buffer.atob === atob, buffer.btoa === btoa, buffer.btoa('hi'), buffer.atob('aGk=')]);
show('INSPECT_MAX_BYTES', () => {
  const before = buffer.INSPECT_MAX_BYTES;
  buffer.INSPECT_MAX_BYTES = 3;
  const text = require('util').inspect(Buffer.from('abcdef'));
  buffer.INSPECT_MAX_BYTES = before;
  return [before, text];
});
for (const [label, bytes] of [
  ['ascii', [0x61, 0x62]],
  ['two-byte', [0xc3, 0xa9]],
  ['overlong', [0xc0, 0xaf]],
  ['surrogate', [0xed, 0xa0, 0x80]],
  ['four-byte', [0xf0, 0x9f, 0x98, 0x80]],
  ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['truncated', [0xe2, 0x82]],
  ['stray continuation', [0x80]],
  ['empty', []],
]) show(`isUtf8/isAscii ${label}`, () => [buffer.isUtf8(Buffer.from(bytes)), buffer.isAscii(Buffer.from(bytes)), buffer.isUtf8(new Uint8Array(bytes).buffer)]);
show('isUtf8 of a string', () => buffer.isUtf8('x'));
show('isAscii of null', () => buffer.isAscii(null));
for (const [from, to] of [['utf8', 'latin1'], ['utf8', 'ascii'], ['utf8', 'ucs2'], ['latin1', 'utf8'], ['ucs2', 'utf8'], ['utf8', 'utf16le']]) {
  show(`transcode ${from} -> ${to}`, () => buffer.transcode(Buffer.from(from === 'ucs2' ? 'h\u00e9\u20ac' : from === 'latin1' ? 'h\xe9' : 'h\u00e9\u20ac', from), from, to).toString('hex'));
}
show('transcode to hex', () => buffer.transcode(Buffer.from('x'), 'utf8', 'hex'));
show('transcode a string', () => buffer.transcode('x', 'utf8', 'ascii'));
show('SlowBuffer', () => typeof buffer.SlowBuffer);
