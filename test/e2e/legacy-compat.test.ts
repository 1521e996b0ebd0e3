import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { Method } from '../../bridge/wire/protocol.js';
import type { Handler } from '../../host/index.js';
import { runGuest } from './helpers.js';
import { bytesObject, COMBINATIONS } from './legacy-helpers.js';

/** Guest helper: true when `v` and everything on its prototype chain belong to the guest's realm. */
const REALM = `
function guestRealm(v) {
  for (let o = v; o !== null; o = Object.getPrototypeOf(o)) {
    const C = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (C && typeof C.value === 'function' && C.value.constructor('return globalThis')() !== globalThis) return false;
  }
  return true;
}`;

const GLOBALS_SCRIPT = `${REALM}
const names = ['_fsReadFileBinary', '_fsReadFile', '_fsWriteFileBinary', '_fsWriteFile'];
const all = names.flatMap((n) => [n, n + 'Async']);
const r = {};
r.kinds = all.map((n) => typeof globalThis[n]).join();
r.hidden = all.every((n) => !Object.keys(globalThis).includes(n));
r.realm = all.every((n) => guestRealm(globalThis[n]));
const b = _fsReadFileBinary('/in.bin');
r.bin = [Buffer.isBuffer(b), b.toString('hex'), guestRealm(b), guestRealm(b.buffer)];
r.text = [_fsReadFile('/in.txt', 'utf8'), _fsReadFile('/in.txt'), _fsReadFile('/in.bin', 'hex'), _fsReadFile('/in.txt', 'UTF8')];
r.writes = [_fsWriteFileBinary('/w1', { __agentOsType: 'bytes', base64: 'AAEC/w==' }), _fsWriteFile('/w2', 'héllo'), _fsWriteFileBinary('/w3', new Uint8Array([9, 8, 7]).subarray(1))];
const fail = (f) => { try { f(); return 'no error'; } catch (e) { return [e instanceof Error, e.name, e.code, e.errno, e.syscall, e.path, e.message, guestRealm(e)]; } };
r.enoent = fail(() => _fsReadFileBinary('/missing'));
r.badBytes = fail(() => _fsWriteFileBinary('/w4', { __agentOsType: 'bytes', base64: 'AB==' }));
r.extraKey = fail(() => _fsWriteFileBinary('/w4', { __agentOsType: 'bytes', base64: 'AA==', size: 1 }));
r.badPath = fail(() => _fsReadFileBinary(42));
r.badEncoding = fail(() => _fsReadFile('/in.txt', 'klingon'));
r.after = _fsReadFile('/in.txt');
Promise.all([
  _fsReadFileBinaryAsync('/in.bin').then((x) => [Buffer.isBuffer(x), x.toString('hex'), guestRealm(x)]),
  _fsReadFileAsync('/in.txt', 'latin1'),
  _fsWriteFileBinaryAsync('/w5', { __agentOsType: 'bytes', base64: 'BQ==' }),
  _fsWriteFileAsync('/w6', 'async'),
  _fsReadFileBinaryAsync('/missing').catch((e) => [e.code, guestRealm(e)]),
]).then((values) => { r.async = values; console.log(JSON.stringify(r)); });
`;

/** Values an embedder's method returns, by the path the guest passes (the method stands in for fs.mkdir). */
const VALUES: Record<string, unknown> = {
  '/nested': { outer: [{ inner: bytesObject('AAEC') }, bytesObject('')], top: bytesObject('/w==') },
  '/top': bytesObject('SGk='),
  '/ordinary': { a: { __agentOsType: 'text', base64: 'AB==' }, b: { base64: 'AAE', extra: 1 }, c: { type: 'buffer', data: [1, 2] } },
  '/malformed': { list: [{ data: bytesObject('AB==') }] },
  '/extra': [{ ...bytesObject('AA=='), length: 1 }],
  '/number': { x: bytesObject(12) },
};

const EMBEDDER_SCRIPT = `${REALM}
const fs = require('fs');
const r = {};
const v = fs.mkdirSync('/nested');
r.nested = [v.outer[0].inner, v.outer[1], v.top].map((b) => [Buffer.isBuffer(b), b.toString('hex'), guestRealm(b)]);
r.top = [Buffer.isBuffer(fs.mkdirSync('/top')), fs.mkdirSync('/top').toString()];
r.ordinary = fs.mkdirSync('/ordinary');
const fail = (f) => { try { f(); return 'no error'; } catch (e) { return [e instanceof TypeError, e.code, e.message, guestRealm(e)]; } };
r.malformed = ['/malformed', '/extra', '/number'].map((p) => fail(() => fs.mkdirSync(p)));
r.base64 = [fs.readFileSync('/good').toString('hex'), _fsReadFileBinary('/good').toString('hex'), fail(() => fs.readFileSync('/bad'))];
fs.promises.mkdir('/nested').then((a) => {
  r.async = Buffer.isBuffer(a.outer[0].inner) && a.outer[0].inner.toString('hex');
  return fs.promises.mkdir('/malformed').catch((e) => e.code);
}).then((code) => { r.asyncMalformed = code; console.log(JSON.stringify(r)); });
`;

describe.each(COMBINATIONS)('host $protocol x guest $guestProtocol', ({ protocol, guestProtocol }) => {
  it('the old low-level globals behave as before, as guest-realm functions', async () => {
    const vol = new Volume();
    vol.writeFileSync('/in.bin', Buffer.from([0x00, 0xa1, 0xff]));
    vol.writeFileSync('/in.txt', 'hé');
    const r = await runGuest(GLOBALS_SCRIPT, { vol, protocol, guestProtocol });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.kinds).toBe(Array(8).fill('function').join());
    expect(out.hidden).toBe(true);
    expect(out.realm).toBe(true);
    expect(out.bin).toEqual([true, '00a1ff', true, true]);
    expect(out.text).toEqual(['hé', 'hé', '00a1ff', 'hé']);
    expect(out.writes).toEqual([null, null, null]);
    expect(out.enoent).toEqual([true, 'Error', 'ENOENT', -2, 'open', '/missing', "ENOENT: no such file or directory, open '/missing'", true]);
    expect(out.badBytes).toEqual([true, 'TypeError', 'ERR_BRIDGE_INVALID_BYTES', null, null, null, expect.stringContaining('non-canonical base64'), true]);
    expect(out.extraKey).toEqual([true, 'TypeError', 'ERR_BRIDGE_INVALID_BYTES', null, null, null, expect.stringContaining('unexpected key "size"'), true]);
    expect(out.badPath).toEqual([true, 'TypeError', 'ERR_INVALID_ARG_TYPE', null, null, null, expect.stringContaining('"path" argument'), true]);
    expect(out.badEncoding).toEqual([true, 'TypeError', 'ERR_INVALID_ARG_VALUE', null, null, null, expect.stringContaining('klingon'), true]);
    expect(out.after).toBe('hé');
    expect(out.async).toEqual([[true, '00a1ff', true], Buffer.from('hé').toString('latin1'), null, null, ['ENOENT', true]]);
    expect([...(vol.readFileSync('/w1') as Buffer)]).toEqual([0, 1, 2, 0xff]);
    expect(vol.readFileSync('/w2', 'utf8')).toBe('héllo');
    expect([...(vol.readFileSync('/w3') as Buffer)]).toEqual([8, 7]);
    expect(vol.existsSync('/w4')).toBe(false);
    expect([...(vol.readFileSync('/w5') as Buffer)]).toEqual([5]);
    expect(vol.readFileSync('/w6', 'utf8')).toBe('async');
  });

  it('embedder bytes objects arrive as Buffers at any depth; other objects untouched; malformed ones fail clearly', async () => {
    const base64: Record<string, string> = { '/good': 'AAEC', '/bad': 'AAE' };
    const methods: Record<string, Handler> = {
      [Method.mkdir]: (args) => VALUES[String(args[0])],
      // An old host's module-read path answers a binary read with a plain base64 string.
      [Method.readFile]: (args) => base64[String(args[0])],
    };
    const r = await runGuest(EMBEDDER_SCRIPT, { protocol, guestProtocol, methods });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.nested).toEqual([
      [true, '000102', true],
      [true, '', true],
      [true, 'ff', true],
    ]);
    expect(out.top).toEqual([true, 'Hi']);
    expect(out.ordinary).toEqual(VALUES['/ordinary']);
    expect(out.malformed).toEqual([
      [true, 'ERR_BRIDGE_INVALID_BYTES', 'invalid legacy bytes at result["list"][0]["data"].base64: non-canonical base64 (nonzero bits before the padding at offset 1)', true],
      [true, 'ERR_BRIDGE_INVALID_BYTES', 'invalid legacy bytes at result[0]: unexpected key "length" on a bytes object', true],
      [true, 'ERR_BRIDGE_INVALID_BYTES', 'invalid legacy bytes at result["x"]: base64 must be a string, got number', true],
    ]);
    expect(out.base64).toEqual(['000102', '000102', [true, 'ERR_BRIDGE_INVALID_BYTES', 'invalid legacy bytes at result: 3 characters is not a multiple of 4', true]]);
    expect(out.async).toBe('000102');
    expect(out.asyncMalformed).toBe('ERR_BRIDGE_INVALID_BYTES');
  });
});

describe('a new guest copes with whatever an old host answers to bridge.hello', () => {
  const refuse = () => {
    throw new Error('no such method');
  };
  it.each([
    ['undefined', () => undefined],
    ['a bytes object', () => bytesObject('AA==')],
    ['raw without a version', () => ({ protocol: 'raw' })],
    ['a thrown error', refuse],
  ])('%s: the guest speaks legacy and everything still works', async (_name, hello) => {
    const vol = new Volume();
    vol.writeFileSync('/in', Buffer.from([0xa1, 0x00, 0xff]));
    const r = await runGuest(`const fs = require('fs'); const b = fs.readFileSync('/in'); fs.writeFileSync('/out', b.subarray(1)); console.log(b.toString('hex'));`, {
      vol,
      methods: { [Method.hello]: hello },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('a100ff\n');
    expect([...(vol.readFileSync('/out') as Buffer)]).toEqual([0x00, 0xff]);
    const write = r.trace.find((t) => t.method === Method.writeFile)!;
    // Legacy on both ends: the write carried a bytes object (base64 "AP8=" plus CBOR framing).
    expect(write.requestBytes).toBeGreaterThan(30);
    expect(r.trace.some((t) => t.status === 2)).toBe(false);
  });
});
