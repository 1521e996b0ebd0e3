// zlib as an ES module: the default export is the CommonJS exports, named exports for its
// enumerable keys, node:zlib the same module; a round trip through the named functions.
import zlib, { gzipSync, gunzipSync, createGzip, constants, codes, crc32 } from 'zlib';
import * as ns from 'node:zlib';

console.log(typeof zlib.gzipSync, zlib.gzipSync === gzipSync, ns.default === zlib, ns.createGzip === createGzip);
console.log(gunzipSync(gzipSync('esm')).toString(), constants.Z_BEST_COMPRESSION, codes.Z_BUF_ERROR, crc32('esm'));
console.log(Object.keys(ns).filter((k) => k !== 'default').sort().join(','));
const gz = createGzip();
gz.end('streamed');
const parts = [];
for await (const c of gz) parts.push(c);
console.log(gunzipSync(Buffer.concat(parts)).toString());
