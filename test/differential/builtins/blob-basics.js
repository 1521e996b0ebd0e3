// Blob and File: construction from every kind of part, type and endings, size, slice, text,
// arrayBuffer, bytes, inspect, brand checks and Node's errors; buffer.Blob/File/resolveObjectURL.
const buffer = require('buffer');
const util = require('util');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'THROWS', e.name, e.code, e.message);
  }
};
(async () => {
  const inner = new Blob(['in', 'ner']);
  const b = new Blob(['ab', new Uint8Array([99, 100]), new Uint16Array([0x6665]).buffer, new DataView(new Uint8Array([103, 104, 105]).buffer, 1, 2), inner, 42, null, { toString: () => 'obj' }], { type: 'Text/Plain;Charset=UTF-8' });
  show('blob', () => [b.size, b.type, util.inspect(b), String(b), Object.prototype.toString.call(b), Object.keys(b)]);
  console.log('text', JSON.stringify(await b.text()));
  const ab = await b.arrayBuffer();
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength, Buffer.from(ab).toString('hex'));
  const bytes = await b.bytes();
  console.log('bytes', bytes instanceof Uint8Array, bytes.length);
  for (const args of [[], [2], [-3], [1, 4], [4, 1], [-5, -2], [0, 100, 'A/B'], [0, 3, 'bad\u00e9'], [undefined, undefined, 5]]) {
    const s = b.slice(...args);
    console.log('slice', JSON.stringify(args), s.size, JSON.stringify(s.type), JSON.stringify(await s.text()));
  }
  show('empty', () => [new Blob().size, new Blob([]).type, util.inspect(new Blob())]);
  show('type with a non-ASCII char', () => JSON.stringify(new Blob([], { type: 'a\u00e9' }).type));
  console.log('endings native', (await new Blob(['a\r\nb\rc\n'], { endings: 'native' }).text()).split('').map((c) => c.charCodeAt(0)).join());
  console.log('endings transparent', (await new Blob(['a\r\nb'], { endings: 'transparent' }).text()).length);
  console.log('lone surrogate', Buffer.from(await new Blob(['\ud800x']).arrayBuffer()).toString('hex'));
  console.log('invalid UTF-8 as text', JSON.stringify(await new Blob([new Uint8Array([0xff, 0x61, 0xc3])]).text()));
  const copied = new Uint8Array([1, 2, 3]);
  const fromView = new Blob([copied]);
  copied[0] = 9;
  console.log('parts are copied', Buffer.from(await fromView.arrayBuffer()).toString('hex'));
  show('string sources', () => new Blob('abc'));
  show('null sources', () => new Blob(null));
  show('number options', () => new Blob([], 5));
  show('bad endings', () => new Blob([], { endings: 'x' }));
  show('iterable sources', () => new Blob(new Set(['x', 'y'])).size);
  show('size off the prototype', () => Blob.prototype.size);
  show('slice of a non-Blob', () => Blob.prototype.slice.call({}));
  await Blob.prototype.text.call({}).catch((e) => console.log('text of a non-Blob', e.name, e.code, e.message));
  const f = new File(['x', 'yz'], 'name.txt', { type: 'T/X', lastModified: 1234 });
  show('file', () => [f.size, f.type, f.name, f.lastModified, f instanceof Blob, f instanceof File, util.inspect(f), Object.prototype.toString.call(f)]);
  show('file lastModified NaN', () => new File([], 'n', { lastModified: 'soon' }).lastModified);
  show('file lastModified string', () => new File([], 'n', { lastModified: '77' }).lastModified);
  show('file now', () => Math.abs(new File([], 'n').lastModified - Date.now()) < 5000);
  show('file name coerced', () => new File([], 12).name);
  show('file missing name', () => new File(['x']));
  show('file slice is a Blob', () => [f.slice(1).constructor.name, f.slice(1).size]);
  show('prototype keys', () => [Object.getOwnPropertyNames(Blob.prototype).join(), Object.getOwnPropertyNames(File.prototype).join()]);
  show('buffer exports', () => [buffer.Blob === Blob, buffer.File === File, typeof buffer.resolveObjectURL]);
  const url = URL.createObjectURL(b);
  show('object URL', () => [url.startsWith('blob:nodedata:'), url.length, buffer.resolveObjectURL(url) === b]);
  URL.revokeObjectURL(url);
  show('revoked', () => buffer.resolveObjectURL(url));
  show('not an object URL', () => [buffer.resolveObjectURL('blob:nodedata:nope'), buffer.resolveObjectURL('https://a/'), buffer.resolveObjectURL(5)]);
  show('createObjectURL of a non-Blob', () => URL.createObjectURL({}));
  show('nested inspect', () => util.inspect({ b: new Blob(['z']) }, { depth: 0 }));
})();
