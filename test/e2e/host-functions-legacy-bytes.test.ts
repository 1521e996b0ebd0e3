import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';

/** Old host code hands out bytes as `{__agentOsType: "bytes", base64}` objects. */
const bytes = (b64: string) => ({ __agentOsType: 'bytes', base64: b64 });

const GUEST = `
const host = require('host');
const show = (v) => Buffer.isBuffer(v) ? 'Buffer<' + v.toString('hex') + '>' : Array.isArray(v) ? '[' + v.map(show).join(',') + ']'
  : v instanceof Map ? 'Map{' + [...v].map(([k, x]) => k + '=' + show(x)).join(',') + '}'
  : v && typeof v === 'object' ? '{' + Object.keys(v).map((k) => k + ':' + show(v[k])).join(',') + '}' : String(v);
for (const name of ['top', 'nested', 'inMap', 'shared', 'lookalike']) console.log(name, show(host[name]()));
(async () => {
  console.log('async', show(await require('host/promises').nested()));
  for (const name of ['badBase64', 'extraKey', 'notString']) {
    try { host[name](); console.log(name, 'accepted'); } catch (e) { console.log(name, e.name, e.code, e instanceof Error); }
  }
  console.log('after', show(host.top()));
})();
`;

describe('legacy bytes objects returned by host functions reach the guest as Buffers', () => {
  it.each(['raw', 'legacy'] as const)('at any depth, malformed ones as ERR_BRIDGE_INVALID_BYTES (%s wire)', async (protocol) => {
    const shared = bytes('AQI=');
    const run = await runGuest(GUEST, {
      protocol,
      hostFunctions: {
        top: () => bytes('AAH/'),
        nested: () => ({ a: [1, { b: bytes('YWJj') }], c: bytes('') }),
        inMap: () => new Map([['k', bytes('3q0=')]]),
        shared: () => [shared, shared],
        lookalike: () => ({ __agentOsType: 'other', base64: 'AA==' }),
        badBase64: () => bytes('!!!'),
        extraKey: () => ({ ...bytes('AA=='), more: 1 }),
        notString: () => ({ __agentOsType: 'bytes', base64: 5 }),
      },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      'top Buffer<0001ff>',
      'nested {a:[1,{b:Buffer<616263>}],c:Buffer<>}',
      'inMap Map{k=Buffer<dead>}',
      'shared [Buffer<0102>,Buffer<0102>]',
      'lookalike {__agentOsType:other,base64:AA==}',
      'async {a:[1,{b:Buffer<616263>}],c:Buffer<>}',
      'badBase64 TypeError ERR_BRIDGE_INVALID_BYTES true',
      'extraKey TypeError ERR_BRIDGE_INVALID_BYTES true',
      'notString TypeError ERR_BRIDGE_INVALID_BYTES true',
      'after Buffer<0001ff>',
      '',
    ]);
  });
});
