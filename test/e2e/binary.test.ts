import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { base64Length, toLegacyBytes } from '../../bridge/legacy.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import { encodeValue } from '../../bridge/wire/values.js';
import { bothFiles, differential, randomBytes, runGuest, tempDir } from './helpers.js';

const MiB = 1024 * 1024;

/** Every test runs over both wires: results must be identical, only the trace differs. */
const PROTOCOLS = ['raw', 'legacy'] as const;
type Protocol = (typeof PROTOCOLS)[number];

/** What a read of `n` bytes looks like in the trace: status 2 and n bytes, or a status-0 bytes object. */
function readAnswer(protocol: Protocol, n: number): [number, number] {
  return protocol === 'raw' ? [Status.Raw, n] : [Status.Ok, encodeValue(toLegacyBytes(new Uint8Array(n))).length];
}

/** Payload bytes a write of `n` file bytes costs on the wire, before path and options. */
function writeCost(protocol: Protocol, n: number): number {
  return protocol === 'raw' ? n : base64Length(n);
}

/** Prints what a reader would check: lengths, a checksum, the first bytes. */
const SUMMARY = `
function sum(b) { let h = 2166136261; for (let i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619) >>> 0; } return h.toString(16); }
function show(name, b) { console.log(name, Buffer.isBuffer(b), b.length, sum(b), b.subarray(0, 8).toString('hex')); }
`;

describe.each(PROTOCOLS)('binary round trip, identical to plain node (%s)', (protocol) => {
  it('reads a 1 MiB random file and a zero-length one, writes them back, reads again', async () => {
    const fixture = tempDir();
    writeFileSync(join(fixture, 'random.bin'), randomBytes(MiB, 7));
    writeFileSync(join(fixture, 'empty.bin'), Buffer.alloc(0));
    const script = `${SUMMARY}
const fs = require('fs');
for (const name of ['random.bin', 'empty.bin']) {
  const a = fs.readFileSync(name);
  show(name, a);
  fs.writeFileSync('copy-' + name, a);
  show('copy-' + name, fs.readFileSync('copy-' + name));
  fs.writeFileSync('view-' + name, new Uint8Array(a.buffer, a.byteOffset + Math.min(3, a.length), Math.max(0, a.length - 10)));
  show('view-' + name, fs.readFileSync('view-' + name));
}`;
    const d = await differential(script, fixture, { protocol });
    expect(d.guest.stderr).toBe('');
    expect(d.guest.stdout).toBe(d.node.stdout);
    expect(d.node.stdout.split('\n')).toHaveLength(7);
    for (const name of ['copy-random.bin', 'copy-empty.bin', 'view-random.bin']) {
      const [n, g] = bothFiles(d, name);
      expect(g.equals(n)).toBe(true);
    }
    const reads = d.guest.trace.filter((t) => t.method === Method.readFile);
    const writes = d.guest.trace.filter((t) => t.method === Method.writeFile);
    expect(reads.map((t) => [t.status, t.responseBytes])).toEqual([MiB, MiB, MiB - 10, 0, 0, 0].map((n) => readAnswer(protocol, n)));
    // A write request is the file plus a few bytes of path and options: no base64 inflation (raw).
    expect(writes[0]!.requestBytes).toBeGreaterThanOrEqual(writeCost(protocol, MiB));
    expect(writes[0]!.requestBytes).toBeLessThan(writeCost(protocol, MiB) + 64);
    expect(d.guest.trace.every((t) => t.transport === 'sync')).toBe(true);
  });

  it('builds each read Buffer over its own ArrayBuffer: no pool, no second copy', async () => {
    const vol = new Volume();
    vol.writeFileSync('/small', Buffer.from('abc'));
    vol.writeFileSync('/large', randomBytes(100_000));
    const r = await runGuest(
      `const fs = require('fs');
       for (const f of ['/small', '/large']) { const b = fs.readFileSync(f); console.log(b.byteOffset, b.buffer.byteLength === b.length, b.buffer instanceof ArrayBuffer); }`,
      { vol, protocol },
    );
    expect(r.stdout).toBe('0 true true\n0 true true\n');
  });

  it('bytes that look like CBOR, JSON or a legacy bytes object come back unchanged', async () => {
    const fixture = tempDir();
    const cases: Record<string, number[]> = {
      zero: [0x00, 0x00, 0x01],
      a: [0x61, 0x62, 0x63, 0x64],
      bytes41: [0x41, 0x00],
      H: [...Buffer.from('Hello')],
      png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
      ff: [0xff, 0xff, 0x00],
      json: [...Buffer.from('{"__agentOsType":"bytes","base64":"AAEC"}')],
      cborArray: [0x83, 0x01, 0x02, 0x03],
    };
    for (const [name, bytes] of Object.entries(cases)) writeFileSync(join(fixture, name), Buffer.from(bytes));
    const script = `${SUMMARY}
const fs = require('fs');
for (const name of ${JSON.stringify(Object.keys(cases))}) show(name, fs.readFileSync(name));
fs.promises.readFile('json').then((b) => show('promise-json', b));`;
    const d = await differential(script, fixture, { protocol });
    expect(d.guest.stdout).toBe(d.node.stdout);
    expect(d.guest.stdout).toContain('json true 41 ');
  });

  it('writes every view type honouring byteOffset and byteLength, and strings per encoding', async () => {
    const script = `
const fs = require('fs');
const ab = new ArrayBuffer(32); const u8 = new Uint8Array(ab); for (let i = 0; i < 32; i++) u8[i] = i * 3;
const views = { u8: new Uint8Array(ab, 4, 8), i16: new Int16Array(ab, 2, 5), f64: new Float64Array(ab, 8, 2), dv: new DataView(ab, 5, 7), buf: Buffer.from(ab, 9, 3), big: new BigUint64Array(ab, 16, 2) };
for (const [k, v] of Object.entries(views)) { fs.writeFileSync(k, v); console.log(k, fs.readFileSync(k).toString('hex')); }
for (const enc of ['utf8', 'latin1', 'hex', 'base64', 'ucs2']) { fs.writeFileSync('s-' + enc, enc === 'hex' ? 'c3a9ff' : enc === 'base64' ? 'w6n/' : 'é€x', enc); console.log(enc, fs.readFileSync('s-' + enc).toString('hex')); }
fs.writeFileSync('opt', 'abc', { encoding: 'hex' }); console.log('opt', fs.readFileSync('opt').toString('hex'));
`;
    const d = await differential(script, tempDir(), { protocol });
    expect(d.guest.stderr).toBe('');
    expect(d.guest.stdout).toBe(d.node.stdout);
    expect(d.guest.stdout.split('\n').length).toBeGreaterThan(11);
  });
});

describe.each(PROTOCOLS)('chunking and limits (%s)', (protocol) => {
  it('reads and writes 64 MiB through a 4 MiB window', async () => {
    const vol = new Volume();
    const big = randomBytes(64 * MiB, 3);
    vol.writeFileSync('/big.bin', big);
    const r = await runGuest(
      `const fs = require('fs');
       const b = fs.readFileSync('/big.bin');
       let x = 0; for (let i = 0; i < b.length; i += 4099) x = (x + b[i]) | 0;
       console.log(b.length, x, b[0], b[b.length - 1]);
       b[0] ^= 0xff;
       fs.writeFileSync('/out.bin', b);`,
      { vol, protocol },
    );
    expect(r.stderr).toBe('');
    let x = 0;
    for (let i = 0; i < big.length; i += 4099) x = (x + big[i]!) | 0;
    expect(r.stdout).toBe(`${64 * MiB} ${x} ${big[0]} ${big[big.length - 1]}\n`);
    const out = vol.readFileSync('/out.bin') as Buffer;
    expect(out.length).toBe(big.length);
    expect(out[0]).toBe(big[0]! ^ 0xff);
    expect(out.subarray(1).equals(big.subarray(1))).toBe(true);
    const read = r.trace.find((t) => t.method === Method.readFile)!;
    expect([read.status, read.responseBytes]).toEqual(readAnswer(protocol, 64 * MiB));
  });

  it('moves large replies whole or copies them through the window: same bytes either way', async () => {
    const vol = new Volume();
    const data = randomBytes(5 * MiB + 3, 11);
    vol.writeFileSync('/five.bin', data);
    const source = `const fs = require('fs');
       const b = fs.readFileSync('/five.bin');
       const fd = fs.openSync('/five.bin', 'r'); const part = Buffer.alloc(200000); fs.readSync(fd, part, 0, 200000, 1000); fs.closeSync(fd);
       let h = 0; for (let i = 0; i < b.length; i++) h = (Math.imul(h, 31) + b[i]) | 0;
       console.log(b.length, h, b.byteOffset, b.buffer.byteLength, part.subarray(0, 4).toString('hex'));`;
    const moved = await runGuest(source, { vol, protocol });
    const windowed = await runGuest(source, { vol, protocol, limits: { bulkBytes: 0, windowBytes: 64 * 1024 } });
    let h = 0;
    for (let i = 0; i < data.length; i++) h = (Math.imul(h, 31) + data[i]!) | 0;
    const expected = `${data.length} ${h} 0 ${data.length} ${data.subarray(1000, 1004).toString('hex')}\n`;
    expect(moved.stdout).toBe(expected);
    expect(windowed.stdout).toBe(expected);
    for (const r of [moved, windowed]) {
      const read = r.trace.find((t) => t.method === Method.readFile)!;
      expect([read.status, read.responseBytes]).toEqual(readAnswer(protocol, data.length));
    }
  });

  it('over the maximum fails with a clear error both ways, and the next call works', async () => {
    const vol = new Volume();
    vol.writeFileSync('/big.bin', Buffer.alloc(2 * MiB + 1, 1));
    vol.writeFileSync('/small.txt', 'still fine');
    const r = await runGuest(
      `const fs = require('fs');
       for (const f of [() => fs.readFileSync('/big.bin'), () => fs.writeFileSync('/w.bin', Buffer.alloc(${2 * MiB + 5}))]) {
         try { f(); console.log('no error'); } catch (e) { console.log(e instanceof RangeError, e.code, e.message); }
         console.log(fs.readFileSync('/small.txt', 'utf8'));
       }
       fs.promises.readFile('/big.bin').catch((e) => console.log('async', e.code));`,
      { vol, protocol, limits: { maxFileBytes: 2 * MiB, windowBytes: 64 * 1024 } },
    );
    expect(r.stdout).toBe(
      [
        `true ERR_FS_FILE_TOO_LARGE File size (${2 * MiB + 1}) is greater than the sandbox limit of ${2 * MiB} bytes`,
        'still fine',
        `true ERR_FS_FILE_TOO_LARGE File size (${2 * MiB + 5}) is greater than the sandbox limit of ${2 * MiB} bytes`,
        'still fine',
        'async ERR_FS_FILE_TOO_LARGE',
        '',
      ].join('\n'),
    );
    expect(vol.existsSync('/w.bin')).toBe(false);
  });
});

describe.each(PROTOCOLS)('errors (%s)', (protocol) => {
  it('match Node for the same call, and the channel recovers after each', async () => {
    const fixture = tempDir();
    mkdirSync(join(fixture, 'dir'));
    writeFileSync(join(fixture, 'file.txt'), 'ok');
    const script = `
const fs = require('fs');
const attempts = [
  () => fs.readFileSync('missing.txt'), () => fs.readFileSync('/missing/deeper.txt'), () => fs.readFileSync('dir'),
  () => fs.readFileSync('file.txt/x'), () => fs.writeFileSync('dir', 'x'), () => fs.writeFileSync('nodir/x', 'x'),
  () => fs.writeFileSync('file.txt', 'x', { flag: 'wx' }), () => fs.readFileSync({}), () => fs.readFileSync(null),
  () => fs.readFileSync('a\\u0000b'), () => fs.readFileSync('file.txt', 'nope'), () => fs.readFileSync('file.txt', 5),
  () => fs.writeFileSync('x', 5), () => fs.writeFileSync('x', {}), () => fs.writeFileSync('x', 'y', { flag: 'zz' }),
];
for (const a of attempts) {
  try { a(); console.log('no error'); }
  catch (e) { console.log(JSON.stringify([e instanceof Error, e.name, e.message, Object.entries(e), e.stack.split('\\n')[0]])); }
  console.log(fs.readFileSync('file.txt', 'utf8'));
}
fs.readFile('missing.txt', (err, data) => console.log('cb', err.code, err.errno, err.syscall, err.path, data));
fs.promises.readFile('dir').catch((e) => console.log('promise', e.code, e.errno, e.syscall, e.path, e.message));
`;
    const d = await differential(script, fixture, { protocol });
    expect(d.guest.stderr).toBe('');
    expect(d.guest.stdout).toBe(d.node.stdout);
    expect(d.node.stdout).toContain('ENOENT');
  });
});
