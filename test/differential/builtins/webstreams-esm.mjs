// `node:stream/web` and `stream/web` as ES modules: named imports, the namespace, the default
// export, and the same classes as the globals.
import * as ns from 'node:stream/web';
import web, { ReadableStream as RS, TextDecoderStream as TDS } from 'stream/web';
console.log(Object.keys(ns).join());
console.log(RS === globalThis.ReadableStream, TDS === globalThis.TextDecoderStream, web.CompressionStream === CompressionStream, ns.default === web);
const chunks = [];
for await (const c of RS.from(['esm', 'ok'])) chunks.push(c);
console.log(chunks.join(' '));
