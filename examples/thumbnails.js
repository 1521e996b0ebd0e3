'use strict';
// thumbnails.js: the v8-fs-bridge showcase guest program.
//
// It moves binary files raw through the sandbox's fs. The script draws four
// images, saves them as 24-bit BMPs, reads them back, makes grayscale PNG
// thumbnails, packs those into a ustar archive, and then reads the archive back
// to check every member byte for byte against the files on disk. It encodes
// every format by hand (BMP, PNG with zlib/CRC-32/Adler-32, tar), so only
// fs.readFileSync and fs.writeFileSync stand between the guest and its bytes.
//
// The only fs calls are mkdirSync(p, {recursive: true}), writeFileSync(p, buf)
// and readFileSync(p), all with paths relative to the cwd. The output is
// deterministic and is the same under `npm start` (sandbox, empty in-memory fs)
// and under plain node in an empty directory.

const fs = require('fs');
const { Buffer } = require('buffer');

const THUMB_MAX = 128;        // longest thumbnail side, in pixels
const TAR_MTIME = 1704067200; // 2024-01-01T00:00:00Z, fixed so the archive is reproducible

// ---- file I/O, counted ------------------------------------------------------

const io = { read: 0, written: 0 };

function readFile(p) {
  const buf = fs.readFileSync(p);
  io.read += buf.length;
  return buf;
}

function writeFile(p, buf) {
  fs.writeFileSync(p, buf);
  io.written += buf.length;
}

// ---- checksums --------------------------------------------------------------

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes) {
  let a = 1, b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const hex32 = (n) => n.toString(16).padStart(8, '0');

// ---- procedural source images (integer RGB, top-down rows) ------------------
// Only + - * / and Math.sqrt (which is exactly rounded), so every engine draws the same pixels.

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : v | 0);
const rgb = (r, g, b) => (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);

function makeImage(width, height, color) {
  const px = new Uint8Array(width * height * 3);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      const c = color(x, y);
      px[i] = c >> 16; px[i + 1] = (c >> 8) & 0xff; px[i + 2] = c & 0xff;
    }
  }
  return { width, height, px };
}

function sunset(x, y) {
  const d = Math.sqrt((x - 320) ** 2 + (y - 300) ** 2);
  if (y >= 360) return rgb(20 + (y - 360) / 4, 40 + ((x + y) % 40), 110 - (y - 360) / 3); // sea
  if (d < 80) return rgb(255, 235 - d, 90 + d);                                        // sun
  return rgb(40 + y / 2, 20 + y / 4, 140 - y / 4);                                      // sky
}

function mandelbrot(x, y) {
  const cr = -2.2 + (x * 3) / 512, ci = -1.5 + (y * 3) / 512;
  let zr = 0, zi = 0, n = 0;
  while (n < 100 && zr * zr + zi * zi <= 4) {
    const t = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci;
    zr = t;
    n++;
  }
  return n === 100 ? 0 : rgb(n * 12, n * 5, 255 - n * 3);
}

function checker(x, y) {
  const on = (((x / 50) | 0) + ((y / 50) | 0)) & 1;
  const base = on ? 215 : 35;
  return rgb(base + x / 20 - 20, base, base + y / 15 - 20);
}

function rings(x, y) {
  const d = Math.sqrt((x - 166) ** 2 + (y - 125) ** 2);
  const t = Math.abs((d % 24) - 12) / 12; // triangle wave, 0..1
  return rgb(255 * t, 90 + 120 * t, 255 - 200 * t);
}

// 333 px wide gives 999-byte BMP rows, so the 4-byte row padding really gets used.
const SOURCES = [
  { name: 'sunset', width: 640, height: 480, color: sunset },
  { name: 'mandelbrot', width: 512, height: 512, color: mandelbrot },
  { name: 'checker', width: 800, height: 600, color: checker },
  { name: 'rings', width: 333, height: 250, color: rings },
];

// ---- BMP: 24-bit BI_RGB, BITMAPINFOHEADER, bottom-up rows padded to 4 bytes --

function encodeBmp({ width, height, px }) {
  const rowSize = (width * 3 + 3) & ~3;
  const buf = Buffer.alloc(54 + rowSize * height);
  buf[0] = 0x42; buf[1] = 0x4d;          // "BM"
  buf.writeUInt32LE(buf.length, 2);      // file size
  buf.writeUInt32LE(54, 10);             // offset of the pixel data
  buf.writeUInt32LE(40, 14);             // BITMAPINFOHEADER size
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(height, 22);          // positive: rows stored bottom-up
  buf.writeUInt16LE(1, 26);              // planes
  buf.writeUInt16LE(24, 28);             // bits per pixel
  buf.writeUInt32LE(0, 30);              // BI_RGB, uncompressed
  buf.writeUInt32LE(rowSize * height, 34);
  buf.writeInt32LE(2835, 38);            // 72 dpi, in pixels per metre
  buf.writeInt32LE(2835, 42);
  for (let y = 0; y < height; y++) {
    let o = 54 + (height - 1 - y) * rowSize;
    for (let i = y * width * 3, end = i + width * 3; i < end; i += 3, o += 3) {
      buf[o] = px[i + 2]; buf[o + 1] = px[i + 1]; buf[o + 2] = px[i]; // BGR
    }
  }
  return buf;
}

function decodeBmp(buf, name) {
  const fail = (why) => { throw new Error(`${name}: not a 24-bit BMP we can read (${why})`); };
  if (buf.length < 54) fail(`only ${buf.length} bytes`);
  if (buf[0] !== 0x42 || buf[1] !== 0x4d) fail('missing "BM" magic');
  if (buf.readUInt32LE(2) !== buf.length) fail('size field does not match the file length');
  const offset = buf.readUInt32LE(10), headerSize = buf.readUInt32LE(14);
  const width = buf.readInt32LE(18), rawHeight = buf.readInt32LE(22);
  const height = Math.abs(rawHeight), rowSize = (width * 3 + 3) & ~3;
  if (headerSize < 40) fail(`info header is ${headerSize} bytes`);
  if (width <= 0 || height === 0) fail(`bad dimensions ${width}x${rawHeight}`);
  if (buf.readUInt16LE(26) !== 1) fail('planes is not 1');
  if (buf.readUInt16LE(28) !== 24) fail(`${buf.readUInt16LE(28)} bits per pixel`);
  if (buf.readUInt32LE(30) !== 0) fail('compressed');
  if (offset < 14 + headerSize || offset + rowSize * height > buf.length) fail('pixel data out of range');
  const px = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    let o = offset + (rawHeight > 0 ? height - 1 - y : y) * rowSize;
    for (let i = y * width * 3, end = i + width * 3; i < end; i += 3, o += 3) {
      px[i] = buf[o + 2]; px[i + 1] = buf[o + 1]; px[i + 2] = buf[o];
    }
  }
  return { width, height, px };
}

// ---- grayscale thumbnail: box filter over integer luma ----------------------

function thumbSize(w, h) {
  const long = Math.max(w, h);
  if (long <= THUMB_MAX) return [w, h];
  return [Math.max(1, Math.round((w * THUMB_MAX) / long)), Math.max(1, Math.round((h * THUMB_MAX) / long))];
}

function grayThumbnail({ width, height, px }) {
  const [tw, th] = thumbSize(width, height);
  const gray = new Uint8Array(tw * th);
  for (let ty = 0; ty < th; ty++) {
    const y0 = Math.floor((ty * height) / th), y1 = Math.floor(((ty + 1) * height) / th);
    for (let tx = 0; tx < tw; tx++) {
      const x0 = Math.floor((tx * width) / tw), x1 = Math.floor(((tx + 1) * width) / tw);
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0, i = (y * width + x0) * 3; x < x1; x++, i += 3) {
          sum += 77 * px[i] + 150 * px[i + 1] + 29 * px[i + 2]; // BT.601 luma, weights sum to 256
        }
      }
      gray[ty * tw + tx] = Math.round(sum / ((x1 - x0) * (y1 - y0) * 256));
    }
  }
  return { width: tw, height: th, gray };
}

// ---- PNG: 8-bit grayscale, IDAT as a zlib stream of stored deflate blocks ---

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function writeAscii(buf, offset, text) {
  for (let i = 0; i < text.length; i++) buf[offset + i] = text.charCodeAt(i);
}

function pngChunk(type, data) {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  writeAscii(chunk, 4, type);
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length); // CRC of type + data
  return chunk;
}

function zlibStored(data) {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = Buffer.alloc(2 + 5 * blocks + data.length + 4);
  out[0] = 0x78; out[1] = 0x01; // deflate, 32K window, no dictionary; 0x7801 % 31 === 0
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535, len = Math.min(65535, data.length - start);
    out[o] = b === blocks - 1 ? 1 : 0; // BFINAL bit, BTYPE 00 (stored)
    out.writeUInt16LE(len, o + 1);
    out.writeUInt16LE(len ^ 0xffff, o + 3);
    out.set(data.subarray(start, start + len), o + 5);
    o += 5 + len;
  }
  out.writeUInt32BE(adler32(data), o);
  return out;
}

function encodePng({ width, height, gray }) {
  const raw = Buffer.alloc((width + 1) * height); // each row: filter byte 0 (None), then pixels
  for (let y = 0; y < height; y++) raw.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grayscale), compression, filter, interlace all 0
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlibStored(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

// ---- tar: POSIX ustar --------------------------------------------------------

const octal = (n, width) => n.toString(8).padStart(width - 1, '0') + '\0';
const byteSum = (bytes) => bytes.reduce((s, b) => s + b, 0);

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function readAscii(buf, offset, length) {
  let s = '';
  for (let i = offset; i < offset + length && buf[i] !== 0; i++) s += String.fromCharCode(buf[i]);
  return s;
}

function tarHeader(name, size) {
  if (name.length > 100) throw new Error(`tar: name too long: ${name}`);
  const h = Buffer.alloc(512);
  writeAscii(h, 0, name);
  writeAscii(h, 100, octal(0o644, 8));      // mode
  writeAscii(h, 108, octal(0, 8));          // uid
  writeAscii(h, 116, octal(0, 8));          // gid
  writeAscii(h, 124, octal(size, 12));
  writeAscii(h, 136, octal(TAR_MTIME, 12));
  writeAscii(h, 148, '        ');           // checksum is computed with this field as spaces
  writeAscii(h, 156, '0');                  // regular file
  writeAscii(h, 257, 'ustar\u000000');      // magic "ustar\0", version "00"
  writeAscii(h, 265, 'guest');              // uname
  writeAscii(h, 297, 'guest');              // gname
  writeAscii(h, 148, octal(byteSum(h), 7) + ' ');
  return h;
}

function packTar(files) {
  const parts = [];
  for (const { name, data } of files) {
    parts.push(tarHeader(name, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024)); // end of archive: two zero blocks
  return Buffer.concat(parts);
}

function readTar(tar) {
  const entries = [];
  for (let off = 0; off + 512 <= tar.length; ) {
    const h = tar.subarray(off, off + 512);
    if (byteSum(h) === 0) return entries; // first zero block: end of archive
    if (readAscii(h, 257, 6) !== 'ustar') throw new Error(`tar: no ustar magic at offset ${off}`);
    const checksum = parseInt(readAscii(h, 148, 8), 8);
    if (checksum !== byteSum(h) - byteSum(h.subarray(148, 156)) + 8 * 32) throw new Error(`tar: bad checksum at offset ${off}`);
    const prefix = readAscii(h, 345, 155), name = readAscii(h, 0, 100);
    const size = parseInt(readAscii(h, 124, 12), 8);
    if (off + 512 + size > tar.length) throw new Error(`tar: ${name} runs past the end of the archive`);
    entries.push({ name: prefix ? `${prefix}/${name}` : name, data: tar.subarray(off + 512, off + 512 + size) });
    off += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error('tar: missing end-of-archive blocks');
}

// ---- the pipeline -------------------------------------------------------------

function main() {
  fs.mkdirSync('photos', { recursive: true });
  fs.mkdirSync('thumbs', { recursive: true });

  // 1. Draw the sources and write them as BMPs.
  for (const src of SOURCES) writeFile(`photos/${src.name}.bmp`, encodeBmp(makeImage(src.width, src.height, src.color)));

  // 2. Read each BMP back, shrink it to a grayscale thumbnail and write that as a PNG.
  const thumbs = SOURCES.map(({ name }) => {
    const bmpPath = `photos/${name}.bmp`, pngPath = `thumbs/${name}.png`;
    const bmp = readFile(bmpPath);
    const thumb = grayThumbnail(decodeBmp(bmp, bmpPath));
    const png = encodePng(thumb);
    writeFile(pngPath, png);
    return { bmpPath, bmpSize: bmp.length, pngPath, png, width: thumb.width, height: thumb.height };
  });

  // Corrupt input has to fail loudly, not produce garbage.
  let rejected = false;
  try { decodeBmp(Buffer.from('GIF89a, not a bitmap at all, honestly'.repeat(2)), 'bogus.bmp'); } catch { rejected = true; }
  if (!rejected) throw new Error('decodeBmp accepted a file that is not a BMP');

  // 3. Pack the thumbnails into a tar archive.
  writeFile('thumbs.tar', packTar(thumbs.map((t) => ({ name: t.pngPath, data: t.png }))));

  // 4. Read the archive back and check every member against the file on disk.
  const tar = readFile('thumbs.tar');
  const entries = readTar(tar);
  if (entries.map((e) => e.name).join() !== thumbs.map((t) => t.pngPath).join()) {
    throw new Error(`tar: unexpected members ${entries.map((e) => e.name).join(', ')}`);
  }
  for (const { name, data } of entries) {
    if (!sameBytes(readFile(name), data)) throw new Error(`tar: ${name} differs from the file on disk`);
  }

  // 5. Report.
  for (const t of thumbs) {
    console.log(
      `${t.bmpPath.padEnd(22)} ${String(t.bmpSize).padStart(8)} B -> ` +
      `${t.pngPath.padEnd(21)} ${`${t.width}x${t.height}`.padStart(7)} ${String(t.png.length).padStart(6)} B  crc32 ${hex32(crc32(t.png))}`
    );
  }
  console.log(`thumbs.tar: ${entries.length} members verified, ${tar.length} B  crc32 ${hex32(crc32(tar))}`);
  console.log(`ok: ${thumbs.length} images, ${io.read} bytes read, ${io.written} bytes written`);
}

main();
