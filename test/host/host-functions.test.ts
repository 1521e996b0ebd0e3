import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeErrorRecord } from '../../bridge/wire/errors.js';
import { decodeResponse, encodeCallHeader, joinFrame, type ResponseFrame } from '../../bridge/wire/frame.js';
import { HostFunctionMethod, Status } from '../../bridge/wire/protocol.js';
import { decodeOutcome, encodeStructured, ValueErrorCode } from '../../bridge/structured/index.js';
import { decodeValue, encodeArgs } from '../../bridge/wire/values.js';
import { createSandbox, Dispatcher } from '../../host/index.js';
import { hostFunctionHandlers, hostRealm, valueLimits, type HostFunction } from '../../host/host-functions/index.js';
import { resolveLimits } from '../../host/sandbox/options.js';

const limits = resolveLimits({ maxValueBytes: 1 << 20 });

function setup(functions: Record<string, HostFunction>) {
  const calls: unknown[][] = [];
  const spied = Object.fromEntries(Object.entries(functions).map(([name, fn]) => [name, (...args: never[]) => (calls.push(args), fn(...args))]));
  const d = new Dispatcher('s1', hostFunctionHandlers(spied, limits));
  let nextId = 1;
  async function call(method: string, args: unknown[] | Uint8Array): Promise<ResponseFrame> {
    const payload = args instanceof Uint8Array ? args : encodeArgs(args);
    return decodeResponse(await d.handle(joinFrame(encodeCallHeader('s1', nextId++, method, payload.length), payload)));
  }
  const invoke = async (name: string, args: unknown[]) => {
    const r = await call(HostFunctionMethod.prefix + name, [encodeStructured(args, hostRealm, valueLimits(limits))]);
    expect(r.status).toBe(Status.Raw);
    return decodeOutcome(r.payload, hostRealm, valueLimits(limits));
  };
  return { calls, call, invoke };
}

describe('host function dispatch', () => {
  it('lists the functions and the effective limits', async () => {
    const { call } = setup({ a: () => 1, 'b.c': () => 2 });
    const r = await call(HostFunctionMethod.list, []);
    expect(decodeValue(r.payload)).toEqual({ names: ['a', 'b.c'], maxDepth: 500, maxBytes: 1 << 20 });
  });

  it('calls with decoded arguments and answers status 2 [outcome, value]; async functions are awaited', async () => {
    const { invoke, calls } = setup({ add: async (a: number, b: number) => a + b, echo: (x: unknown) => x });
    expect(await invoke('add', [2, 3])).toEqual({ threw: false, value: 5 });
    const bytes = Buffer.from([1, 2, 3]);
    const back = await invoke('echo', [bytes]);
    expect(Buffer.isBuffer(calls[1]![0])).toBe(true);
    expect(back.value).toEqual(bytes);
  });

  it('a throw (or rejection) is an outcome, not a bridge error', async () => {
    const { invoke } = setup({
      boom: () => {
        throw Object.assign(new TypeError('bad'), { code: 'E_BAD' });
      },
      reject: () => Promise.reject(new Error('later')),
    });
    const thrown = await invoke('boom', []);
    expect(thrown.threw).toBe(true);
    expect(thrown.value).toBeInstanceOf(TypeError);
    expect((thrown.value as { code: string }).code).toBe('E_BAD');
    expect(((await invoke('reject', [])).value as Error).message).toBe('later');
  });

  it('rejects bad tables when the sandbox is created', () => {
    expect(() => createSandbox({ hostFunctions: { 'has space': () => 1 } })).toThrow(/printable ASCII/);
    expect(() => createSandbox({ hostFunctions: { x: 42 as never } })).toThrow(/not a function/);
  });
});

describe('hostile arguments never reach the function and never crash the host', () => {
  it.each([
    ['no arguments', []],
    ['a string instead of bytes', ['x']],
    ['two byte strings', [Buffer.alloc(1), Buffer.alloc(1)]],
    ['garbage bytes', [Buffer.from([0xff, 0xfe])]],
    ['a structured value that is not an array', [encodeStructured({ a: 1 }, hostRealm, valueLimits(limits))]],
    ['a forward reference', [Buffer.from([0x81, 0xd9, 0x55, 0x03, 0x05])]],
    ['a CBOR map with __proto__', [Buffer.from([0x81, 0xa1, 0x69, ...Buffer.from('__proto__'), 0x01])]],
    ['deep nesting', [Buffer.concat([Buffer.alloc(100_000, 0x81), Buffer.from([0])])]],
    ['over the size limit', [Buffer.alloc((1 << 20) + 1)]],
  ])('%s', async (_name, args) => {
    const { call, calls, invoke } = setup({ f: () => 'called' });
    const r = await call(`${HostFunctionMethod.prefix}f`, args);
    expect(r.status).toBe(Status.Error);
    const record = decodeErrorRecord(r.payload);
    expect([ValueErrorCode.Malformed, ValueErrorCode.TooDeep, ValueErrorCode.TooLarge]).toContain(record.code);
    expect(calls).toEqual([]);
    expect(await invoke('f', [])).toEqual({ threw: false, value: 'called' });
  });

  it('a 1 MB bignum in any call arguments (decoded by the generic codec too) costs linear time', async () => {
    const { call } = setup({ f: () => 'called' });
    const bignum = Buffer.concat([Buffer.from([0x81, 0xc2, 0x5a, 0, 0x10, 0, 0]), Buffer.alloc(0x100000, 0xff)]);
    const start = performance.now();
    const r = await call(`${HostFunctionMethod.prefix}f`, bignum);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(decodeErrorRecord(r.payload).code).toBe(ValueErrorCode.Malformed);
  });
});
