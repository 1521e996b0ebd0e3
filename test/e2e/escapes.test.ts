import { runInNewContext } from 'node:vm';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';
import { PROBE } from './realm-probe.js';

/**
 * Realm escapes: the known routes out of a vm context, tried against what the bridge hands the
 * guest and against every hook through which bridge or built-in code calls guest code back. Each
 * route keeps what it reached (`keep`); at the end the realm probe walks all of it (prototypes,
 * constructors, properties) and every object must belong to the guest's realm. A route that never
 * fired fails the test too, so the suite cannot pass by not trying.
 */
const PRELUDE = `${PROBE}
const kept = [];
const keep = (label, value) => { kept.push([label, value]); };
const fs = require('fs');
fs.writeFileSync('/x.txt', 'some text');
`;

const FINISH = `
Promise.resolve(globalThis.pendingRoute).finally(() => setTimeout(() => {
  const roots = {};
  kept.forEach(([label, value], i) => { roots[label + '#' + i] = value; });
  const out = probe(roots);
  console.log(JSON.stringify({ ...out, labels: [...new Set(kept.map(([l]) => l))] }));
}, 150));
`;

interface Outcome {
  seen: number;
  foreign: string[];
  labels: string[];
}

async function attempt(body: string, options: Parameters<typeof runGuest>[1] = {}): Promise<Outcome> {
  const vol = options.vol ?? new Volume();
  const r = await runGuest(`${PRELUDE}\n${body}\n${FINISH}`, { ...options, vol, hostFunctions: { echo: (v: unknown) => v, fail: () => { throw new Error('host side'); } } });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Outcome;
}

function expectNoEscape(out: Outcome, mustHaveFired: string[]): void {
  expect(out.foreign).toEqual([]);
  for (const label of mustHaveFired) expect(out.labels, `route "${label}" never fired; fired: ${out.labels.join(', ')}`).toContain(label);
}


/**
 * Guest source of `grab(label)`: a callback that keeps its `this`, its arguments and every caller up
 * its chain, then runs `extra` (more routes) inside itself.
 */
function grabSource(extra: string): string {
  return `function grab(label) {
        return function callback() {
          keep(label + ' this', this);
          try { keep(label + ' arguments', callback.arguments); } catch {}
          let f = callback;
          for (let i = 0; i < 25; i++) {
            let c;
            try { c = f.caller; } catch { break; }
            if (!c) break;
            keep(label + ' caller', c);
            f = c;
          }${extra}
        };
      }`;
}

describe('realm escapes', () => {
  it('the probe notices an object of another realm (the check can fail)', () => {
    const out = runInNewContext(`${PROBE}; probe({ own: {}, theirs: outside, nested: { deeper: [another] } })`, { outside: { inner: () => 1 }, another: [] }) as Outcome;
    expect(out.foreign).toEqual(expect.arrayContaining(['theirs', 'nested.deeper.0']));
    expect(out.foreign).not.toContain('own');
  });

  it('Error.prepareStackTrace: CallSite getThis/getFunction of errors raised by the bridge, built-ins and callbacks', async () => {
    const out = await attempt(`
      Error.prepareStackTrace = (error, frames) => {
        keep('frames', frames);
        for (const f of frames) {
          keep('getThis', f.getThis()); keep('getFunction', f.getFunction());
          keep('getTypeName', f.getTypeName()); keep('getEvalOrigin', f.getEvalOrigin());
          keep('callsite', f);
        }
        return 'stack';
      };
      const raise = (f) => { try { f(); } catch (e) { keep('error', e); void e.stack; } };
      raise(() => fs.readFileSync('/missing'));
      raise(() => fs.readFileSync({}));
      raise(() => require('zlib').gunzipSync(Buffer.from('not gzip')));
      raise(() => new URL('not a url'));
      raise(() => require('crypto').createHash('no-such-hash'));
      raise(() => require('host').fail());
      raise(() => require('nope-not-installed'));
      raise(() => require('child_process').spawn('ls'));
      raise(() => Buffer.alloc(-1));
      raise(() => require('util').inspect(new Proxy({}, { getPrototypeOf() { throw new Error('trap'); } })));
      fs.readFile('/missing', (e) => { void e.stack; keep('async error', e); });
      fs.promises.readFile('/missing').catch((e) => { void e.stack; keep('promise error', e); });
      require('host/promises').fail().catch((e) => { void e.stack; keep('host promise error', e); });
      setTimeout(() => void new Error('in a timer').stack, 1);
      setImmediate(() => void new Error('in an immediate').stack);
      process.nextTick(() => void new Error('in a tick').stack);
      fs.createReadStream('/x.txt').on('data', () => void new Error('in a stream callback').stack);
      require('zlib').gzip('x', () => void new Error('in a zlib callback').stack);
      require('crypto').randomBytes(8, () => void new Error('in a crypto callback').stack);
    `);
    expectNoEscape(out, ['frames', 'getFunction', 'getThis', 'callsite', 'error', 'async error', 'promise error', 'host promise error']);
  });

  it('arguments.callee.caller and `this` of callbacks the bridge invokes', async () => {
    const out = await attempt(`
      ${grabSource('')}
      fs.readFile('/x.txt', grab('readFile'));
      fs.stat('/x.txt', grab('stat'));
      setTimeout(grab('setTimeout'), 1);
      setInterval(function () { grab('setInterval').call(this); clearInterval(this); }, 1);
      setImmediate(grab('setImmediate'));
      process.nextTick(grab('nextTick'));
      queueMicrotask(grab('queueMicrotask'));
      Promise.resolve().then(grab('then'));
      fs.promises.readFile('/x.txt').then(grab('fs promise then'));
      fs.createReadStream('/x.txt').on('data', grab('stream data')).on('close', grab('stream close'));
      const ws = fs.createWriteStream('/w.txt'); ws.write('a', grab('stream write callback')); ws.end(grab('stream end'));
      new (require('events'))().on('e', grab('emit')).emit('e', 1);
      const et = new EventTarget(); et.addEventListener('x', grab('EventTarget listener')); et.dispatchEvent(new Event('x'));
      const ac = new AbortController(); ac.signal.addEventListener('abort', grab('abort listener')); ac.abort();
      require('zlib').gzip('x', grab('zlib callback'));
      require('crypto').randomBytes(4, grab('crypto callback'));
      require('crypto').pbkdf2('p', 's', 1, 8, 'sha1', grab('pbkdf2 callback'));
      require('util').promisify(fs.readFile)('/x.txt').then(grab('promisified then'));
      require('util').callbackify(async () => 1)(grab('callbackified'));
      require('host/promises').echo(1).then(grab('host promise then'));
      process.on('exit', grab('exit listener'));
      require('timers/promises').setTimeout(1).then(grab('timers/promises then'));
      [3, 1, 2].sort(function (a, b) { grab('sort comparator').call(this); return a - b; });
    `);
    expectNoEscape(out, ['readFile this', 'setTimeout this', 'readFile arguments', 'stream data this', 'zlib callback this', 'host promise then this', 'abort listener this']);
  });

  it('watchers: callers, `this` and arguments of their listeners, and stack frames of their errors', async () => {
    const out = await attempt(`
      ${grabSource(`
          Error.prepareStackTrace = (e, frames) => { for (const fr of frames) { keep(label + ' getThis', fr.getThis()); keep(label + ' getFunction', fr.getFunction()); } return 'stack'; };
          void new Error('in a listener').stack;
          Error.prepareStackTrace = undefined;`)}
      fs.mkdirSync('/w');
      const w = fs.watch('/w', grab('watch'));
      const r = fs.watch('/w', { recursive: true }, grab('recursive'));
      fs.watchFile('/w/polled', { interval: 10 }, grab('watchFile'));
      const ac = new AbortController();
      const it = fs.promises.watch('/w', { signal: ac.signal });
      globalThis.pendingRoute = it.next().then((v) => { keep('promises value', v); ac.abort(); return it.next(); }).catch((e) => { keep('promises error', e); });
      try { fs.watch('/nope'); } catch (e) { Error.prepareStackTrace = (x, frames) => { keep('watch error frames', frames); return ''; }; void e.stack; Error.prepareStackTrace = undefined; keep('watch error', e); }
      fs.writeFileSync('/w/new', 'x');
      setTimeout(() => { w.close(); r.close(); fs.unwatchFile('/w/polled'); }, 100);
    `);
    expectNoEscape(out, ['watch this', 'watch arguments', 'recursive this', 'watchFile this', 'watchFile arguments', 'promises value', 'promises error', 'watch error', 'watch getFunction']);
  });

  it('util.inspect.custom hooks reached by console output, format and error reports', async () => {
    const out = await attempt(`
      const custom = Symbol.for('nodejs.util.inspect.custom');
      const hooked = (label) => ({ [custom](depth, options, inspect) {
        keep(label + ' this', this); keep(label + ' options', options); keep(label + ' inspect', inspect);
        keep(label + ' stylize', options.stylize); keep(label + ' depth', depth);
        return 'hooked';
      } });
      console.log(hooked('console.log'));
      console.log({ nested: [hooked('nested')] });
      console.dir(hooked('console.dir'));
      require('util').format('%o %O %j', hooked('format %o'), hooked('format %O'), { a: 1 });
      require('util').inspect(new Proxy(hooked('proxy target'), {}), { showProxy: true });
      require('util').inspect(new Proxy(hooked('proxy'), {}));
      try { require('assert').deepStrictEqual(hooked('assert actual'), { x: 1 }); } catch (e) { keep('assertion error', e); void e.message; }
      const err = new Error('custom'); err[custom] = hooked('error hook')[custom]; console.log(err);
      console.log(new Map([[hooked('map key'), hooked('map value')]]), new Set([hooked('set value')]));
    `);
    expectNoEscape(out, ['console.log options', 'console.log inspect', 'nested options', 'console.dir options', 'format %o options', 'assertion error', 'error hook options', 'map key options']);
  });

  it('Proxies and getters passed as paths, options and data', async () => {
    const out = await attempt(`
      function trap(label) {
        return new Proxy({}, {
          get(t, k, r) { keep(label + ' get target', t); keep(label + ' get receiver', r); return undefined; },
          has(t, k) { keep(label + ' has', t); return false; },
          ownKeys(t) { keep(label + ' ownKeys', t); return []; },
          getOwnPropertyDescriptor(t, k) { keep(label + ' descriptor', t); return undefined; },
          getPrototypeOf(t) { keep(label + ' getPrototypeOf', t); return Object.prototype; },
        });
      }
      function sloppyGetter(label) {
        const o = {};
        Object.defineProperty(o, 'encoding', { enumerable: true, get: function () { keep(label + ' this', this); try { keep(label + ' caller', arguments.callee.caller); } catch {} return 'utf8'; } });
        return o;
      }
      const attempts = {
        'readFileSync path': () => fs.readFileSync(trap('path')),
        'readFileSync options': () => fs.readFileSync('/x.txt', trap('read options')),
        'readFileSync getter': () => fs.readFileSync('/x.txt', sloppyGetter('read getter')),
        'writeFileSync options': () => fs.writeFileSync('/y.txt', 'y', trap('write options')),
        'writeFileSync data': () => fs.writeFileSync('/y.txt', trap('write data')),
        'mkdirSync options': () => fs.mkdirSync('/d', trap('mkdir options')),
        'readdirSync options': () => fs.readdirSync('/', trap('readdir options')),
        'stream options': () => fs.createReadStream('/x.txt', trap('stream options')).destroy(),
        'URL input': () => new URL(trap('url')),
        'URLSearchParams init': () => new URLSearchParams(trap('search params')),
        'hash update': () => require('crypto').createHash('sha1').update(trap('hash data')),
        'zlib options': () => require('zlib').gzipSync('x', trap('zlib options')),
        'host function argument': () => require('host').echo(trap('host argument')),
        'host function getter': () => require('host').echo(sloppyGetter('host getter')),
        'structuredClone': () => structuredClone(trap('clone')),
        'Buffer.from': () => Buffer.from(trap('buffer from')),
        'TextEncoder': () => new TextEncoder().encode(trap('text encoder')),
        'path.join': () => require('path').join(trap('path join')),
        'util.format': () => require('util').format('%s %d', trap('format s'), trap('format d')),
      };
      for (const [label, f] of Object.entries(attempts)) { try { keep(label + ' result', f()); } catch (e) { keep(label + ' error', e); } }
    `);
    expectNoEscape(out, ['read options get target', 'read getter this', 'read getter caller', 'write data get target', 'host argument ownKeys', 'stream options ownKeys', 'hash data get target']);
  });

  it('Symbol.species, Symbol.toPrimitive and toJSON on arguments', async () => {
    const out = await attempt(`
      class Species extends Uint8Array { static get [Symbol.species]() { keep('species this', this); return Uint8Array; } }
      const prim = (label, value) => ({ [Symbol.toPrimitive](hint) { keep(label + ' hint', hint); keep(label + ' this', this); return value; } });
      const json = (label) => ({ toJSON(key) { keep(label + ' this', this); keep(label + ' key', key); return 1; } });
      const attempts = {
        'write a species view': () => fs.writeFileSync('/s.bin', new Species([1, 2, 3]).subarray(1)),
        'Buffer.from species': () => Buffer.from(new Species([1, 2])),
        'hash a species view': () => require('crypto').createHash('md5').update(new Species([1])).digest('hex'),
        'gzip a species view': () => require('zlib').gzipSync(new Species([1, 2])),
        'chmod mode': () => fs.chmodSync('/x.txt', prim('chmod mode', 0o644)),
        'open mode': () => fs.closeSync(fs.openSync('/p.txt', 'w', prim('open mode', 0o644))),
        'alloc size': () => Buffer.alloc(prim('alloc size', 4)),
        'setTimeout delay': () => clearTimeout(setTimeout(() => {}, prim('timer delay', 5))),
        'host toJSON': () => require('host').echo(json('host argument')),
        'JSON in the guest': () => JSON.stringify(json('guest json')),
        'format %j': () => require('util').format('%j', json('format j')),
        'URL toPrimitive': () => new URL(prim('url', 'http://a/')),
        'path toPrimitive': () => fs.existsSync(prim('path', '/x.txt')),
      };
      for (const [label, f] of Object.entries(attempts)) { try { keep(label + ' result', f()); } catch (e) { keep(label + ' error', e); } }
    `);
    expectNoEscape(out, ['species this', 'timer delay hint', 'guest json this', 'format j this', 'url hint', 'host toJSON error']);
  });

  it('thenables returned to the bridge, dynamic import() and import.meta', async () => {
    const vol = new Volume();
    vol.writeFileSync('/thenable.mjs', "export function then(resolve, reject) { globalThis.keep('module then resolve', resolve); globalThis.keep('module then reject', reject); globalThis.keep('module then this', this); resolve('settled'); }");
    vol.writeFileSync('/plain.mjs', 'export const value = 1; export const meta = import.meta;');
    vol.writeFileSync('/data.json', '{"a": 1}');
    vol.writeFileSync('/main.mjs', `
      import fs from 'fs';
      const keep = globalThis.keep;
      keep('import.meta', import.meta);
      keep('import.meta.resolve', import.meta.resolve);
      keep('resolved', import.meta.resolve('./plain.mjs'));
      const thenable = { then(resolve, reject) { keep('await thenable resolve', resolve); keep('await thenable reject', reject); resolve(1); } };
      keep('awaited thenable', await thenable);
      keep('thenable module', await import('./thenable.mjs'));
      const ns = await import('./plain.mjs');
      keep('namespace', ns); keep('namespace meta', ns.meta);
      keep('json module', await import('./data.json', { with: { type: 'json' } }));
      keep('builtin namespace', await import('fs'));
      keep('import promise', import('./plain.mjs'));
      keep('missing import', await import('./missing.mjs').catch((e) => e));
      keep('bad attributes', await import('./data.json', { with: { type: 'css' } }).catch((e) => e));
      const weird = { toString() { keep('specifier toString this', this); return './plain.mjs'; } };
      keep('object specifier', await import(weird));
      keep('fs promise with thenable data', await fs.promises.writeFile('/t.txt', 'x').then(() => thenable));
      const { createRequire } = await import('module');
      const require = createRequire(import.meta.url);
      keep('promisify', await require('util').promisify((cb) => cb(null, thenable))());
      keep('host promise', await require('host/promises').echo(1));
      keep('createRequire', require);
    `);
    const body = `globalThis.keep = keep; globalThis.pendingRoute = import('/main.mjs').catch((e) => { console.error(String(e && e.stack)); process.exitCode = 1; });`;
    const out = await attempt(body, { vol });
    expectNoEscape(out, ['import.meta', 'module then resolve', 'await thenable resolve', 'namespace', 'json module', 'missing import', 'specifier toString this', 'createRequire']);
  });
});
