// One sandbox's share of the load: `ops` mixed operations on its own directory, every result checked
// against a model of what the directory must hold. Arguments: seed, ops, largest file, directory.
// Prints one JSON line: counts, mismatches (with the first few described) and latencies per kind.
const fs = require('fs');
const host = require('host');
const hostAsync = require('host/promises');
const [seedArg, opsArg, maxArg, dir] = process.argv.slice(2);
const OPS = Number(opsArg);
const MAX = Number(maxArg);
let state = Number(seedArg) >>> 0 || 1;
const rand = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (list) => list[Math.floor(rand() * list.length)];

// Mostly small files, some large, a few up to MAX.
function sizeOf() {
  const r = rand();
  if (r < 0.6) return Math.floor(rand() * 4096);
  if (r < 0.9) return Math.floor(rand() * 256 * 1024);
  if (r < 0.99) return Math.floor(rand() * 2 * 1024 * 1024);
  return Math.floor(rand() * (MAX + 1));
}
// A file's bytes tell which write made them: its tag in every byte, and whole in the first four.
function content(tag, size) {
  const b = Buffer.alloc(size, tag & 0xff);
  if (size >= 4) b.writeUInt32LE(tag >>> 0, 0);
  return b;
}

const model = new Map();
const latency = {};
const counts = {};
let mismatches = 0;
const wrong = [];
const check = (ok, what) => {
  if (ok) return;
  mismatches++;
  if (wrong.length < 10) wrong.push(what);
};
async function timed(kind, op) {
  const t = performance.now();
  await op();
  (latency[kind] ??= []).push(performance.now() - t);
  counts[kind] = (counts[kind] ?? 0) + 1;
}
const names = Array.from({ length: 48 }, (_, i) => `f${i}`);
const existing = () => [...model.keys()];
const path = (name) => `${dir}/${name}`;

const OPERATIONS = [
  ['writeFileSync', 14, async (i) => {
    const name = pick(names);
    const size = sizeOf();
    fs.writeFileSync(path(name), content(i, size));
    model.set(name, { tag: i, size });
  }],
  ['promises.writeFile', 8, async (i) => {
    const name = pick(names);
    const size = sizeOf();
    model.set(name, { tag: i, size });
    await fs.promises.writeFile(path(name), content(i, size));
  }],
  ['readFileSync', 18, async () => {
    const name = pick(existing());
    if (name === undefined) return;
    const m = model.get(name);
    check(fs.readFileSync(path(name)).equals(content(m.tag, m.size)), `readFileSync ${name}`);
  }],
  ['promises.readFile (8 at once)', 6, async () => {
    const chosen = [...new Set(Array.from({ length: 8 }, () => pick(existing())))].filter(Boolean);
    const expected = chosen.map((n) => model.get(n));
    const got = await Promise.all(chosen.map((n) => fs.promises.readFile(path(n))));
    got.forEach((b, k) => check(b.equals(content(expected[k].tag, expected[k].size)), `promises.readFile ${chosen[k]}`));
  }],
  ['statSync', 16, async () => {
    const name = pick(existing());
    if (name === undefined) return;
    check(fs.statSync(path(name)).size === model.get(name).size, `statSync ${name}`);
  }],
  ['promises.stat', 6, async () => {
    const name = pick(existing());
    if (name === undefined) return;
    const size = model.get(name).size;
    check((await fs.promises.stat(path(name))).size === size, `promises.stat ${name}`);
  }],
  ['readdirSync', 6, async () => {
    check(JSON.stringify(fs.readdirSync(dir).sort()) === JSON.stringify(existing().sort()), 'readdirSync');
  }],
  ['renameSync', 6, async () => {
    const from = pick(existing());
    const to = pick(names);
    if (from === undefined || from === to) return;
    fs.renameSync(path(from), path(to));
    model.set(to, model.get(from));
    model.delete(from);
  }],
  ['unlinkSync', 4, async () => {
    const name = pick(existing());
    if (name === undefined) return;
    fs.unlinkSync(path(name));
    model.delete(name);
  }],
  ['host function', 10, async (i) => {
    const bytes = content(i, i % 700);
    const back = host.echo({ i, bytes });
    check(back.i === i && Buffer.isBuffer(back.bytes) && back.bytes.equals(bytes), `host.echo ${i}`);
  }],
  ['host function (async)', 6, async (i) => {
    const bytes = content(i, i % 300);
    const back = await hostAsync.echo({ i, bytes });
    check(back.i === i && back.bytes.equals(bytes), `host/promises.echo ${i}`);
  }],
];
const total = OPERATIONS.reduce((n, [, w]) => n + w, 0);
function choose() {
  let r = rand() * total;
  for (const op of OPERATIONS) if ((r -= op[1]) < 0) return op;
  return OPERATIONS[0];
}

(async () => {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < OPS; i++) {
    const [kind, , op] = choose();
    await timed(kind, () => op(i));
  }
  // The directory as the model says, file by file.
  for (const [name, m] of model) check(fs.readFileSync(path(name)).equals(content(m.tag, m.size)), `final ${name}`);
  check(fs.readdirSync(dir).length === model.size, 'final listing');
  const summary = {};
  for (const [kind, list] of Object.entries(latency)) {
    list.sort((a, b) => a - b);
    summary[kind] = { n: list.length, p50: list[Math.floor(list.length * 0.5)], p99: list[Math.min(list.length - 1, Math.floor(list.length * 0.99))] };
  }
  console.log(JSON.stringify({ ops: OPS, mismatches, wrong, latency: summary }));
})();
