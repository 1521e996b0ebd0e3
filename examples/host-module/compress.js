// Guest program for examples/host-module/gzip.mjs:
//   v8-fs-bridge run examples/host-module/compress.js --host-module examples/host-module/gzip.mjs
// Builds 1 MiB of data, compresses it on the host, stores and reloads it through fs, decompresses it
// (blocking and promise calls) and checks every byte with a host-side SHA-256.
const fs = require('fs');
const { gzip, gunzip, sha256 } = require('host');
const hostAsync = require('host/promises');

const data = Buffer.alloc(1024 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i % 251) ^ ((i >> 12) & 0xff);
const digest = sha256(data);
const packed = gzip(data, 9);
fs.writeFileSync('/data.bin.gz', packed);
console.log(`data ${data.length} bytes, sha256 ${digest.toString('hex').slice(0, 16)}...`);
console.log(`gzip ${packed.length} bytes (${(packed.length / data.length * 100).toFixed(1)}%), Buffer: ${Buffer.isBuffer(packed)}`);

const unpacked = gunzip(fs.readFileSync('/data.bin.gz'));
console.log(`gunzip (blocking) ${unpacked.equals(data) ? 'matches' : 'DIFFERS'}`);

try {
  gunzip(new Uint8Array([1, 2, 3]));
} catch (e) {
  console.log(`corrupt input: ${e.name} ${e.code}`);
}

hostAsync
  .gunzip(packed)
  .then((bytes) => hostAsync.sha256(bytes))
  .then((again) => {
    const ok = again.equals(digest);
    console.log(`gunzip (promise) sha256 ${ok ? 'matches' : 'DIFFERS'}`);
    if (!ok) process.exitCode = 1;
  });
