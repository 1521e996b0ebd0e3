'use strict';
// FileHandle.readableWebStream: chunk kinds and sizes of both stream types, BYOB reads, reading on
// from the handle's position, one stream per handle, and the argument and state errors.
const fs = require('fs');
const show = (e) => `${e.name} ${e.code} ${e.message}`;
const pattern = Buffer.alloc(200000);
for (let i = 0; i < pattern.length; i++) pattern[i] = (i * 31 + 7) & 0xff;
fs.writeFileSync('web.bin', pattern);
fs.writeFileSync('empty.bin', '');
(async () => {
  for (const options of [undefined, { type: 'bytes' }, { type: 'other' }, 'text']) {
    const fh = await fs.promises.open('web.bin');
    const stream = fh.readableWebStream(options);
    console.log(JSON.stringify(options), Object.prototype.toString.call(stream));
    try { fh.readableWebStream(); } catch (e) { console.log(' again:', show(e)); }
    const parts = [];
    const kinds = [];
    for await (const chunk of stream) {
      kinds.push(`${Object.prototype.toString.call(chunk).slice(8, -1)}:${chunk.byteLength}`);
      parts.push(Buffer.from(chunk instanceof ArrayBuffer ? chunk : chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength)));
    }
    console.log(' chunks', kinds.join(' '));
    console.log(' same bytes', Buffer.concat(parts).equals(pattern));
    await fh.close();
    try { fh.readableWebStream(); } catch (e) { console.log(' closed:', show(e)); }
  }
  // From the handle's position on.
  const fh = await fs.promises.open('web.bin');
  await fh.read(Buffer.alloc(1000), 0, 1000, null);
  let total = 0;
  for await (const chunk of fh.readableWebStream()) total += chunk.byteLength;
  console.log('after 1000 read', total);
  await fh.close();
  // BYOB reads into the caller's views.
  const byob = await fs.promises.open('web.bin');
  const reader = byob.readableWebStream({ type: 'bytes' }).getReader({ mode: 'byob' });
  const first = await reader.read(new Uint8Array(100));
  console.log('byob', first.done, first.value.length, Buffer.from(first.value).equals(pattern.subarray(0, 100)));
  const second = await reader.read(new Uint16Array(8));
  console.log('byob u16', second.value.constructor.name, second.value.length);
  await reader.cancel();
  console.log('after cancel, fd open', byob.fd >= 0);
  await byob.close();
  // Empty files and argument errors.
  const empty = await fs.promises.open('empty.bin');
  const none = [];
  for await (const chunk of empty.readableWebStream({ type: 'bytes' })) none.push(chunk.byteLength);
  console.log('empty', none.length);
  await empty.close();
  for (const bad of [{ type: 5 }, { type: null }, null]) {
    const h = await fs.promises.open('web.bin');
    try { h.readableWebStream(bad); console.log('accepted', bad); } catch (e) { console.log('bad', JSON.stringify(bad), show(e)); }
    try { h.readableWebStream(); } catch (e) { console.log(' then:', show(e)); }
    await h.close();
  }
})();
