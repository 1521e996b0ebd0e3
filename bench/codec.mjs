#!/usr/bin/env node
/**
 * npm run bench:codec [-- --runs N]
 *
 * The host-function value codec (bridge/structured/index.ts) against JSON with base64 binary fields (what
 * a JSON bridge does) and v8.serialize (a reference: Node's own structured clone, which the guest
 * realm cannot use). Each adapter encodes a payload to bytes and decodes it back; the time of that
 * round trip is measured `runs` times after a warm-up, and the median is reported with the ratio to
 * this codec. Every adapter's output is verified. Runs on the built dist/ (npm run build first).
 */
import os from 'node:os';
import v8 from 'node:v8';
import { decodeStructured, encodeStructured } from '../dist/bridge/structured/index.js';
import { Defaults } from '../dist/bridge/wire/protocol.js';
import { hostRealm } from '../dist/host/host-functions/index.js';
import { payloads, verify } from './codec-payloads.mjs';

const limits = { maxDepth: Defaults.maxValueDepth, maxBytes: 256 * 1024 * 1024 };

/**
 * JSON whose binary fields are `{__agentOsType: "bytes", base64}` objects, sent as UTF-8 bytes: a walk
 * swaps the fields (a JSON.stringify replacer would be slower: Buffer.toJSON runs before it), then
 * plain JSON.stringify; JSON.parse, then a walk swaps them back.
 */
function toJsonable(v) {
  if (ArrayBuffer.isView(v)) return { __agentOsType: 'bytes', base64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (Array.isArray(v)) return v.map(toJsonable);
  if (typeof v !== 'object' || v === null) return v;
  const out = {};
  for (const k of Object.keys(v)) out[k] = toJsonable(v[k]);
  return out;
}

function fromJsonable(v) {
  if (typeof v !== 'object' || v === null) return v;
  if (v.__agentOsType === 'bytes') return Buffer.from(v.base64, 'base64');
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = fromJsonable(v[i]);
  } else {
    for (const k of Object.keys(v)) v[k] = fromJsonable(v[k]);
  }
  return v;
}

const jsonEncode = (value) => Buffer.from(JSON.stringify(toJsonable(value)), 'utf8');
const jsonDecode = (wire) => fromJsonable(JSON.parse(wire.toString('utf8')));

/** One adapter per implementation, with the same shape. */
const ADAPTERS = [
  { name: 'structured (this codec)', encode: (v) => encodeStructured(v, hostRealm, limits), decode: (b) => decodeStructured(b, hostRealm, limits) },
  { name: 'JSON + base64', encode: jsonEncode, decode: jsonDecode },
  { name: 'v8.serialize (reference)', encode: (v) => v8.serialize(v), decode: (b) => v8.deserialize(b) },
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function measure(adapter, value, runs) {
  const encode = [];
  const decode = [];
  let wireBytes = 0;
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    const wire = adapter.encode(value);
    const t1 = performance.now();
    const back = adapter.decode(wire);
    const t2 = performance.now();
    if (i === 0) verify('payload', adapter.name, value, back);
    if (i < 5) continue; // warm-up
    encode.push(t1 - t0);
    decode.push(t2 - t1);
    wireBytes = wire.length;
  }
  const total = encode.map((e, i) => e + decode[i]);
  return { encode: median(encode), decode: median(decode), total: median(total), wireBytes };
}

function parseRuns(argv) {
  const i = argv.indexOf('--runs');
  const n = i >= 0 ? Number(argv[i + 1]) : 201;
  if (!Number.isInteger(n) || n < 1) throw new Error('--runs takes a positive integer');
  return n;
}

const ms = (x) => x.toFixed(3);
const runs = parseRuns(process.argv.slice(2));
console.log(`# Host function value codec: ${runs} round trips per case, medians (ms)\n`);
console.log(`${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} CPUs, ${os.platform()} ${os.arch()}, Node ${process.version}\n`);
let failed = false;
for (const { name, value } of payloads()) {
  console.log(`## ${name}\n`);
  console.log('| codec | encode | decode | round trip | wire bytes | round trip vs this codec |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const results = ADAPTERS.map((a) => ({ a, r: measure(a, value, runs) }));
  const ours = results[0].r.total;
  for (const { a, r } of results) {
    console.log(`| ${a.name} | ${ms(r.encode)} | ${ms(r.decode)} | ${ms(r.total)} | ${r.wireBytes} | ${(r.total / ours).toFixed(2)}x |`);
  }
  console.log('');
  if (name.startsWith('mixed') && !(results[1].r.total > ours)) failed = true;
  if (name.startsWith('binary') && !(results[1].r.total >= 10 * ours)) failed = true;
}
console.log(failed ? 'TARGETS MISSED: faster than JSON+base64 on the mixed payload, 10x on 1 MiB binary' : 'Targets met: faster than JSON+base64 on the mixed payload, at least 10x on 1 MiB binary');
process.exitCode = failed ? 1 : 0;
