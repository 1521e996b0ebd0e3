// TextEncoderStream and TextDecoderStream: surrogate pairs and UTF-8 sequences split across
// chunks, what is left at the end, other encodings and options, non-string and non-buffer chunks,
// fatal decoding, and the getters.
const show = (label, e) => console.log(label, '=>', e.name, e.code, e.message);
const run = async (stream, chunks) => {
  // Each error is printed once everything has settled (the order of rejections is not the point).
  const w = stream.writable.getWriter();
  const steps = chunks.map((c) => w.write(c));
  steps.push(w.close());
  const out = [];
  try {
    for await (const c of stream.readable) out.push(typeof c === 'string' ? c : `${c.constructor.name}[${c.join('.')}]`);
  } catch (e) {
    show('read', e);
  }
  for (const r of await Promise.allSettled(steps)) if (r.status === 'rejected') show('write or close', r.reason);
  return JSON.stringify(out);
};
(async () => {
  console.log(await run(new TextEncoderStream(), ['a\ud83d', '\ude00b', '\ud800', 5, '', 'end\ud83d']));
  console.log(await run(new TextEncoderStream(), [{ toString: () => 'obj' }, null, undefined]));
  console.log(await run(new TextDecoderStream(), [new Uint8Array([0xe2, 0x82]), new Uint8Array([0xac, 0x41]), new Uint8Array([0xe2])]));
  console.log(await run(new TextDecoderStream(), [new Uint8Array([0xef, 0xbb, 0xbf, 0x68]), new Uint8Array([0x69]).buffer, new DataView(new Uint8Array([0x21]).buffer)]));
  console.log(await run(new TextDecoderStream('utf-8', { ignoreBOM: true }), [new Uint8Array([0xef, 0xbb, 0xbf, 0x68])]));
  console.log(await run(new TextDecoderStream('utf-16le'), [new Uint8Array([0x61]), new Uint8Array([0x00, 0x62, 0x00])]));
  console.log(await run(new TextDecoderStream('latin1'), [new Uint8Array([0xe9, 0x41])]));
  console.log(await run(new TextDecoderStream('utf-8', { fatal: true }), [new Uint8Array([0x41]), new Uint8Array([0xff])]));
  console.log(await run(new TextDecoderStream('utf-8', { fatal: true }), [new Uint8Array([0xe2, 0x82])]));
  console.log(await run(new TextDecoderStream(), ['not bytes']));
  console.log(await run(new TextDecoderStream(), [5]));
  const d = new TextDecoderStream('UTF-16', { fatal: 1, ignoreBOM: 'yes' });
  console.log(d.encoding, d.fatal, d.ignoreBOM, new TextEncoderStream().encoding);
  try { new TextDecoderStream('nope'); } catch (e) { show('label', e); }
  const e = new TextEncoderStream();
  console.log(e.readable instanceof ReadableStream, e.writable instanceof WritableStream, e.readable === e.readable);
})().catch((e) => show('failed', e));
