// Blob.prototype.stream(): a byte ReadableStream with one chunk per part (Node keeps a Blob's parts),
// slices and Blobs of Blobs, empty parts and Blobs, BYOB reads, cancel, and File.
const sizes = async (blob) => {
  const out = [];
  for await (const c of blob.stream()) out.push(`${c.constructor.name}${c.length}`);
  return out.join(' ');
};
(async () => {
  const b = new Blob(['ab', 'cd', 'ef']);
  const s = b.stream();
  console.log(s, s instanceof ReadableStream);
  for (const [label, blob] of [
    ['parts', b], ['slice(1)', b.slice(1)], ['slice(1, 5)', b.slice(1, 5)], ['slice(3, 4)', b.slice(3, 4)], ['slice(-3)', b.slice(-3)], ['slice(4, 2)', b.slice(4, 2)],
    ['of blobs', new Blob([b, 'g', b.slice(1, 5)])], ['empty parts', new Blob(['', 'a', new Uint8Array(0), 'b', new ArrayBuffer(0)])],
    ['empty', new Blob([])], ['of empty', new Blob([new Blob([])])], ['large', new Blob([new Uint8Array(200000), new Uint8Array(70000)])],
    ['large slice', new Blob([new Uint8Array(100000)]).slice(10)], ['file', new File(['x', 'yz'], 'f.txt')],
  ]) console.log(label, JSON.stringify(await sizes(blob)));
  const chunks = [];
  for await (const c of new Blob(['h\u00e9', new Uint8Array([0x21])]).stream()) chunks.push(...c);
  console.log('bytes', chunks);
  const byob = new Blob(['abcdef', 'gh']).stream().getReader({ mode: 'byob' });
  for (let i = 0; i < 5; i++) {
    const r = await byob.read(new Uint8Array(4));
    console.log('byob', r.done, Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength).toString());
  }
  const mutable = new Uint8Array([1, 2, 3]);
  const kept = new Blob([mutable]);
  const reader = kept.stream().getReader();
  const first = await reader.read();
  first.value[0] = 99;
  mutable[1] = 99;
  console.log('unchanged', Array.from(new Uint8Array(await kept.arrayBuffer())), Array.from(first.value));
  const cancelled = new Blob(['a', 'b']).stream();
  await cancelled.cancel('stop');
  console.log('cancelled', await cancelled.getReader().read());
  const half = new Blob(['a', 'b', 'c']).stream();
  const first2 = half.getReader();
  console.log('one', await first2.read());
  first2.releaseLock();
  console.log('the rest', await require('stream/consumers').text(half));
})().catch((e) => console.log('failed', e.name, e.message));
