import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { base64Length } from '../../bridge/legacy.js';
import { Method, Status } from '../../bridge/wire/protocol.js';
import type { TraceEntry } from '../../host/index.js';
import { randomBytes, runGuest } from './helpers.js';
import { COMBINATIONS } from './legacy-helpers.js';

const MiB = 1024 * 1024;

const SIZES: Record<string, number> = { zero: 0, one: 1, mid: 300_000, big: 20 * MiB + 3 };

/** Files whose first bytes are valid CBOR items or JSON text: they must never be parsed. */
const LOOKALIKES: Record<string, number[]> = {
  cborZero: [0x00, 0x01],
  cborText: [0x61, 0x62, 0x63],
  cborBytes: [0x41, 0x00],
  cborMap: [0xa1, 0x61, 0x61, 0x01],
  cborBreak: [0xff],
  json: [...Buffer.from('{"__agentOsType":"bytes","base64":"AAEC"}')],
  base64: [...Buffer.from('AAEC')],
};

const SCRIPT = `
const fs = require('fs');
// Math is read once: a global lookup per byte is slow in a vm context.
function sum(b) { const imul = Math.imul; let h = 2166136261; for (let i = 0; i < b.length; i++) { h ^= b[i]; h = imul(h, 16777619) >>> 0; } return h.toString(16); }
const out = {};
for (const name of ${JSON.stringify(Object.keys(SIZES))}) {
  const a = fs.readFileSync('/in/' + name);
  out[name] = [Buffer.isBuffer(a), a.byteOffset, a.length, sum(a)];
  fs.writeFileSync('/out/' + name, a);
  fs.writeFileSync('/out/view-' + name, new Uint8Array(a.buffer, a.byteOffset + Math.min(1, a.length), Math.max(0, a.length - 2)));
}
for (const name of ${JSON.stringify(Object.keys(LOOKALIKES))}) out[name] = fs.readFileSync('/in/' + name).toString('hex');
(async () => {
  const p = await fs.promises.readFile('/in/mid');
  out.promise = [Buffer.isBuffer(p), p.length, sum(p)];
  await fs.promises.writeFile('/out/dataview', new DataView(p.buffer, p.byteOffset + 5, 1000));
  const ab = new ArrayBuffer(16); new Uint8Array(ab).forEach((_, i, u) => { u[i] = 0xf0 + i; });
  fs.writeFileSync('/out/u16', new Uint16Array(ab, 6, 3));
  console.log(JSON.stringify(out));
})();
`;

function fnv(b: Uint8Array): string {
  let h = 2166136261;
  for (const x of b) h = Math.imul(h ^ x, 16777619) >>> 0;
  return h.toString(16);
}

function fixture(): { vol: Volume; files: Record<string, Buffer> } {
  const vol = new Volume();
  vol.mkdirSync('/in');
  vol.mkdirSync('/out');
  const files: Record<string, Buffer> = {};
  for (const [name, n] of Object.entries(SIZES)) files[name] = randomBytes(n, n + 1);
  for (const [name, bytes] of Object.entries(LOOKALIKES)) files[name] = Buffer.from(bytes);
  for (const [name, data] of Object.entries(files)) vol.writeFileSync(`/in/${name}`, data);
  return { vol, files };
}

/** The trace entries of reads and writes that moved `n` file bytes. */
function entriesFor(trace: TraceEntry[], method: string, n: number, raw: boolean): TraceEntry[] {
  const size = (t: TraceEntry) => (method === Method.readFile ? t.responseBytes : t.requestBytes);
  const cost = raw ? n : base64Length(n);
  return trace.filter((t) => t.method === method && size(t) >= cost && size(t) < cost + 64);
}

describe.each(COMBINATIONS)('host $protocol x guest $guestProtocol', ({ protocol, guestProtocol }) => {
  const raw = protocol === 'raw' && guestProtocol === 'negotiate';

  it('round-trips 0, 1, 300 000 and 20 MiB + 3 bytes, lookalike files and views at offsets', async () => {
    const { vol, files } = fixture();
    const r = await runGuest(SCRIPT, { vol, protocol, guestProtocol });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const name of Object.keys(SIZES)) {
      const data = files[name]!;
      expect(out[name]).toEqual([true, 0, data.length, fnv(data)]);
      expect((vol.readFileSync(`/out/${name}`) as Buffer).equals(data)).toBe(true);
      expect((vol.readFileSync(`/out/view-${name}`) as Buffer).equals(data.subarray(Math.min(1, data.length), Math.max(1, data.length - 1)))).toBe(true);
    }
    for (const [name, bytes] of Object.entries(LOOKALIKES)) expect(out[name]).toBe(Buffer.from(bytes).toString('hex'));
    expect(out.promise).toEqual([true, SIZES.mid, fnv(files.mid!)]);
    expect((vol.readFileSync('/out/dataview') as Buffer).equals(files.mid!.subarray(5, 1005))).toBe(true);
    expect([...(vol.readFileSync('/out/u16') as Buffer)]).toEqual([0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb]);
  });

  it(`the trace shows the ${raw ? 'raw' : 'legacy'} wire: ${raw ? 'status 2, exact sizes' : 'status 0, about 4/3 the size'}`, async () => {
    const { vol } = fixture();
    const r = await runGuest(SCRIPT, { vol, protocol, guestProtocol });
    const hello = r.trace.filter((t) => t.method === Method.hello);
    expect(hello.map((t) => t.status)).toEqual(guestProtocol === 'legacy' ? [] : [protocol === 'raw' ? Status.Ok : Status.Error]);
    for (const n of Object.values(SIZES)) {
      const reads = entriesFor(r.trace, Method.readFile, n, raw);
      expect(reads.length).toBeGreaterThanOrEqual(1);
      expect(reads.every((t) => t.status === (raw ? Status.Raw : Status.Ok))).toBe(true);
      expect(entriesFor(r.trace, Method.writeFile, n, raw).length).toBeGreaterThanOrEqual(1);
    }
    const big = entriesFor(r.trace, Method.readFile, SIZES.big!, raw)[0]!;
    if (raw) {
      expect(big.responseBytes).toBe(SIZES.big);
      // Nothing binary travels as a value: every status-0 answer is small.
      expect(r.trace.filter((t) => t.status === Status.Ok && t.responseBytes > 1024)).toEqual([]);
    } else {
      expect(big.responseBytes / SIZES.big!).toBeCloseTo(4 / 3, 3);
      expect(r.trace.filter((t) => t.status === Status.Raw)).toEqual([]);
    }
  });
});
