// fs.openAsBlob's Blob as a stream: Node reads a file 64 KiB at a time, from a slice's start too;
// a Blob made of it and other parts; a BYOB read; stream/consumers over it; a directory's Blob,
// whose stream errors.
const fs = require('fs');
const consumers = require('stream/consumers');
const sizes = async (blob) => {
  const out = [];
  for await (const c of blob.stream()) out.push(c.length);
  return out.join(',');
};
(async () => {
  const bytes = Buffer.alloc(150000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 256;
  fs.writeFileSync('blob-source.bin', bytes);
  const blob = await fs.openAsBlob('blob-source.bin', { type: 'application/x-test' });
  console.log(blob, await sizes(blob));
  console.log('slice', await sizes(blob.slice(10)), await sizes(blob.slice(65530, 65540)), await sizes(blob.slice(-5)));
  console.log('of parts', await sizes(new Blob(['head', blob.slice(0, 70000), 'tail'])));
  const all = await consumers.buffer(blob.stream());
  console.log('same bytes', all.equals(bytes), (await consumers.arrayBuffer(blob.slice(149990).stream())).byteLength);
  const byob = blob.stream().getReader({ mode: 'byob' });
  const r = await byob.read(new Uint8Array(100));
  console.log('byob', r.value.length, r.value[1], r.done);
  console.log('text of a slice', JSON.stringify(await blob.slice(0, 3).text()));
  const dir = await fs.openAsBlob('dir');
  await consumers.text(dir.stream()).catch((e) => console.log('directory stream', e.name, e.message));
  fs.unlinkSync('blob-source.bin');
})();
