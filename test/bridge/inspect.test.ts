// Differential tests: the guest-side inspect/format must print exactly what Node 20's util does.
import { describe, it, expect } from 'vitest';
import * as util from 'node:util';
import { format, formatWithOptions, inspect, type InspectOptions } from '../../guest-assets/inspect/index.js';

type Case = [name: string, value: unknown, options?: InspectOptions];

const custom = Symbol.for('nodejs.util.inspect.custom');

class Point {
  constructor(public x: number, public y: number) {}
}
class Temperature {
  constructor(private readonly celsius: number) {}
  [custom](): string {
    return `Temperature<${this.celsius}°C>`;
  }
}
class Wrapper {
  constructor(readonly inner: unknown) {}
  [custom](depth: number, options: InspectOptions, inspectFn: typeof inspect): string {
    return `Wrapper(${depth}) ${inspectFn(this.inner, { ...options, depth: 0 })}`;
  }
}
class MultiLine {
  [custom](): string {
    return 'first line\nsecond line';
  }
}
class Replaced {
  [custom](): unknown {
    return { replaced: true, list: [1, 2] };
  }
}
class Tagged {
  get [Symbol.toStringTag](): string {
    return 'Special';
  }
}
class Animal {
  legs = 4;
}
class Dog extends Animal {
  name = 'rex';
}
class MyList extends Array<number> {}
class MyMap extends Map<string, number> {}
class HttpError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'HttpError';
  }
}
class PlainError extends Error {}
class Accessors {
  get onlyGet(): number {
    return 1;
  }
  set onlySet(_v: number) {}
  get both(): number {
    return 2;
  }
  set both(_v: number) {}
}

function named(): void {}
const arrow = (): void => {};
async function asyncFn(): Promise<void> {}
function* generatorFn(): Generator<number> {
  yield 1;
}
async function* asyncGeneratorFn(): AsyncGenerator<number> {
  yield 1;
}
const withProps = Object.assign(function helper() {}, { retries: 3, label: 'x' });

const circular: Record<string, unknown> = { name: 'root' };
circular['self'] = circular;
const twoCycles: Record<string, unknown> = { a: {}, b: {} };
(twoCycles['a'] as Record<string, unknown>)['back'] = twoCycles['a'];
(twoCycles['b'] as Record<string, unknown>)['up'] = twoCycles;
const cyclicMap = new Map<string, unknown>();
cyclicMap.set('me', cyclicMap);
const cyclicArray: unknown[] = [1];
cyclicArray.push(cyclicArray);

const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
const holes = new Array(5);
const leadingHole = [, 'b']; // eslint-disable-line no-sparse-arrays
const manyHoles: unknown[] = [];
manyHoles[2] = 'x';
manyHoles[10] = 'y';
const arrayWithExtras = Object.assign([1, 2, 3], { extra: true, [Symbol('s')]: 1 });

const errorWithCode = Object.assign(new Error("ENOENT: no such file or directory, open 'missing.txt'"), {
  errno: -2, code: 'ENOENT', syscall: 'open', path: 'missing.txt',
});
const noStack = new Error('no stack here');
noStack.stack = '';
const renamed = new Error('renamed');
renamed.name = 'CustomName';
const causeInner = new Error('inner');
const withCause = new Error('outer', { cause: causeInner });
const aggregate = new AggregateError([new Error('a'), new TypeError('b')], 'many');
const stackless = Object.assign(new Error('x'), { stack: 'Error: x' });
const weirdStack = Object.assign(new Error('x'), { stack: 'not a real stack' });

const dateWithProp = Object.assign(new Date(0), { note: 'epoch' });
const regexWithProp = Object.assign(/ab+c/gi, { source2: 1 });
const boxedString = Object.assign(new String('abc'), { extra: 1 });
const nullProto = Object.assign(Object.create(null) as object, { a: 1, b: 'two' });
const taggedNullProto = Object.create(null) as Record<symbol, string>;
Object.defineProperty(taggedNullProto, Symbol.toStringTag, { value: 'Tagged' });
const frozenProtoChain = Object.create(Object.create(null) as object) as object;
const symbolKeys = { [Symbol('id')]: 1, [Symbol.iterator]: 'not really', regular: true };
const quotedKeys = { 'a-b': 1, $dollar: 2, _under: 3, '1': 4, "it's": 5, 'sp ace': 6, __proto__x: 7, 'é': 8 };
const protoKey = JSON.parse('{"__proto__": 1}') as unknown;
const getters = Object.defineProperties({}, {
  g: { get: () => 1, enumerable: true },
  s: { set: () => undefined, enumerable: true },
  gs: { get: () => 1, set: () => undefined, enumerable: true },
  throwing: { get: () => { throw new Error('boom'); }, enumerable: true },
});
const tenKeys = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`key${i}`, i * 1000]));
const wideObject = { alpha: 'a'.repeat(20), beta: 'b'.repeat(20), gamma: 'c'.repeat(20), delta: 1 };
const nestedMaps = new Map<unknown, unknown>([
  ['outer', new Map<unknown, unknown>([['inner', new Map([['deepest', 1]])]])],
  [{ objectKey: true }, new Set([1, 2])],
]);
const detached = new ArrayBuffer(4);
structuredClone(detached, { transfer: [detached] });

function argumentsOf(..._args: unknown[]): IArguments {
  // eslint-disable-next-line prefer-rest-params
  return arguments;
}

class DepthReporter {
  constructor(readonly child?: DepthReporter) {}
  [custom](depth: number, options: InspectOptions, inspectFn: typeof inspect): string {
    const inner = this.child === undefined ? '' : ` ${inspectFn(this.child, options)}`;
    return `Depth(${depth}, ${String(options.depth)})${inner}`;
  }
}
const sharedChild = { shared: true };
const multiCycle: Record<string, unknown> = { left: { child: sharedChild }, right: [sharedChild] };
(multiCycle['left'] as Record<string, unknown>)['root'] = multiCycle;
(multiCycle['right'] as unknown[]).push(multiCycle['left']);
const nullProtoOf = <T extends object>(value: T): T => Object.setPrototypeOf(value, null) as T;

const numbers = (n: number, f: (i: number) => number = (i) => i): number[] => Array.from({ length: n }, (_, i) => f(i));

const cases: Case[] = [
  ['undefined', undefined],
  ['null', null],
  ['true', true],
  ['false', false],
  ['integer', 42],
  ['negative zero', -0],
  ['NaN', NaN],
  ['Infinity', -Infinity],
  ['float', 3.14159],
  ['huge number', 1e21],
  ['bigint', 12345678901234567890n],
  ['symbol', Symbol('desc')],
  ['symbol without description', Symbol()],
  ['well-known symbol', Symbol.iterator],
  ['string', 'hello'],
  ['string with single quote', "it's"],
  ['string with both quotes', 'it\'s "quoted"'],
  ['string with all quotes', 'it\'s "quoted" `tick`'],
  ['string with escapes', 'tab\tnew\nline\\ \x00\x1b\x7f\x9f \u{1F600} \ud800 end'],
  ['empty string', ''],
  ['long string with newlines', `${'x'.repeat(30)}\n${'y'.repeat(70)}\nz`],
  ['nested long string', { text: `first line of text\nsecond line of text that goes on and on\n${'z'.repeat(60)}` }],
  ['long single-line string', 'w'.repeat(200)],
  ['named function', named],
  ['arrow function', arrow],
  ['anonymous function', [function () {}, () => {}]],
  ['async function', asyncFn],
  ['generator function', generatorFn],
  ['async generator function', asyncGeneratorFn],
  ['class', Point],
  ['derived class', Dog],
  ['anonymous class', [class {}]],
  ['function with properties', withProps],
  ['bound function', named.bind(null)],
  ['method', { method() {} }.method],
  ['empty array', []],
  ['short array', [1, 2, 3]],
  ['array of strings', ['apple', 'banana', 'cherry']],
  ['seven numbers (grouped)', numbers(7)],
  ['26 numbers', numbers(26)],
  ['100 numbers', numbers(100)],
  ['150 numbers (truncated)', numbers(150)],
  ['mixed-width numbers', numbers(40, (i) => i * i * i - 500)],
  ['floats', numbers(20, (i) => i / 7)],
  ['many short strings', Array.from({ length: 30 }, (_, i) => `s${i}`)],
  ['words', 'the quick brown fox jumps over the lazy dog again and again until tired'.split(' ')],
  ['mixed array', [1, 'two', { three: 3 }, [4], null, undefined, true, 8n]],
  ['array of objects', Array.from({ length: 8 }, (_, i) => ({ id: i, name: `item${i}` }))],
  ['nested number arrays', { matrix: [numbers(10), numbers(10, (i) => i * 10), numbers(10, (i) => i * 100)] }],
  ['grouped array nested in object', { data: numbers(30, (i) => i * 3), label: 'values' }],
  ['sparse array', sparse],
  ['array of holes', holes],
  ['leading hole', leadingHole],
  ['many holes', manyHoles],
  ['array with extra keys', arrayWithExtras],
  ['array subclass', MyList.from([1, 2, 3])],
  ['empty object', {}],
  ['simple object', { a: 1, b: 'two', c: [3] }],
  ['nested objects', { level1: { level2: { level3: { level4: 'deep' } } } }],
  ['nested arrays', [[[[['deep']]]]]],
  ['object with 12 keys', tenKeys],
  ['wide object', wideObject],
  ['compact nesting', { a: 1, b: { c: { d: {} } }, e: [1, 2] }],
  ['three inner levels', { x: { y: { z: 1 } } }],
  ['null prototype object', nullProto],
  ['empty null prototype object', Object.create(null)],
  ['null prototype with tag', taggedNullProto],
  ['prototype without constructor', frozenProtoChain],
  ['class instance', new Point(1, 2)],
  ['derived class instance', new Dog()],
  ['toStringTag getter', new Tagged()],
  ['accessors on prototype', new Accessors()],
  ['own accessors', getters],
  ['symbol keys', symbolKeys],
  ['quoted keys', quotedKeys],
  ['__proto__ key', protoKey],
  ['depth limit', { a: { b: { c: { d: { e: 1 } } } } }],
  ['depth limit arrays and maps', { a: { b: { arr: [1], map: new Map([[1, 2]]), set: new Set([1]), fn: withProps } } }],
  ['circular', circular],
  ['two cycles', twoCycles],
  ['circular map', cyclicMap],
  ['circular array', cyclicArray],
  ['map', new Map<unknown, unknown>([['a', 1], [{ k: 1 }, [1, 2]]])],
  ['empty map', new Map()],
  ['nested maps', nestedMaps],
  ['map subclass', new MyMap([['x', 1]])],
  ['set', new Set([1, 'two', { three: 3 }])],
  ['empty set', new Set()],
  ['large set', new Set(numbers(120))],
  ['date', new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))],
  ['invalid date', new Date(NaN)],
  ['date with property', dateWithProp],
  ['regexp', /a+b*c?/gimsuy],
  ['regexp with property', regexWithProp],
  ['error', new Error('something failed')],
  ['type error', new TypeError('bad type')],
  ['error with code', errorWithCode],
  ['error nested in object', { err: errorWithCode, other: 1 }],
  ['errors in array', [new RangeError('r'), noStack]],
  ['error without stack', noStack],
  ['renamed error', renamed],
  ['error subclass with name', new HttpError('not found', 404)],
  ['error subclass without name', new PlainError('plain')],
  ['error with cause', withCause],
  ['aggregate error', aggregate],
  ['error with one-line stack and props', stackless],
  ['error with odd stack', weirdStack],
  ['boxed number', new Number(3)],
  ['boxed string', new String('str')],
  ['boxed string with property', boxedString],
  ['boxed boolean', new Boolean(false)],
  ['boxed symbol', Object(Symbol('boxed'))],
  ['boxed bigint', Object(5n)],
  ['Uint8Array', new Uint8Array([1, 2, 3])],
  ['empty Uint8Array', new Uint8Array(0)],
  ['Float64Array with -0', new Float64Array([-0, 1.5, NaN])],
  ['BigInt64Array', new BigInt64Array([1n, -2n])],
  ['large Uint8Array', new Uint8Array(numbers(130, (i) => i * 7))],
  ['Int16Array grouped', new Int16Array(numbers(12, (i) => i * -300))],
  ['ArrayBuffer', new Uint8Array([1, 2, 255]).buffer],
  ['large ArrayBuffer', new ArrayBuffer(120)],
  ['detached ArrayBuffer', detached],
  ['SharedArrayBuffer', new SharedArrayBuffer(3)],
  ['DataView', new DataView(new ArrayBuffer(4), 1, 2)],
  ['WeakMap', new WeakMap()],
  ['WeakSet', new WeakSet()],
  ['arguments', argumentsOf(1, 'two', [3])],
  ['custom inspect string', new Temperature(21)],
  ['custom inspect using inspect', new Wrapper({ nested: { deeper: true } })],
  ['custom inspect nested multi-line', { value: new MultiLine() }],
  ['custom inspect returning object', [new Replaced()]],
  ['proxy of object', new Proxy({ a: 1 }, {})],
  ['proxy of array', new Proxy([1, 2], {})],
  ['options: depth 0', { a: { b: 1 } }, { depth: 0 }],
  ['options: depth null', { a: { b: { c: { d: { e: {} } } } } }, { depth: null }],
  ['options: depth Infinity', [[[[[1]]]]], { depth: Infinity }],
  ['options: breakLength 40', { alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccc' }, { breakLength: 40 }],
  ['options: breakLength Infinity', tenKeys, { breakLength: Infinity }],
  ['options: compact false', { a: [1, 2], b: { c: 1 } }, { compact: false }],
  ['options: compact 1', { a: { b: { c: 1 } }, arr: numbers(10) }, { compact: 1 }],
  ['options: compact true', { a: { b: { c: 1 } }, long: 'x'.repeat(90) }, { compact: true }],
  ['options: sorted', { b: 1, a: 2, c: new Map([['z', 1], ['y', 2]]) }, { sorted: true }],
  ['options: maxArrayLength', numbers(10), { maxArrayLength: 3 }],
  ['options: maxStringLength', 'abcdefghij', { maxStringLength: 4 }],
  ['options: showHidden', { arr: [1, 2], ta: new Uint8Array(2), err: new Error('hidden') }, { showHidden: true }],
  ['options: customInspect false', new Temperature(5), { customInspect: false }],
  ['options: showHidden class instance', new Accessors(), { showHidden: true }],
  ['options: showHidden class', Dog, { showHidden: true }],
  ['options: sorted array extras', Object.assign([3, 1, 2], { z: 1, a: 2 }), { sorted: true }],
  ['options: maxArrayLength 0', { list: [1, 2, 3], set: new Set([1]) }, { maxArrayLength: 0 }],
  ['null prototype builtins', [
    nullProtoOf(new Map([[1, 2]])), nullProtoOf(new Set([1])), nullProtoOf([1, 2]), nullProtoOf(new Uint8Array(2)),
    nullProtoOf(function nf() {}), nullProtoOf(new Date(0)), nullProtoOf(/re/), nullProtoOf(new Number(2)),
  ]],
  ['null prototype error', nullProtoOf(new Error('orphan'))],
  ['shared and circular references', multiCycle],
  ['custom inspect depth argument', { a: new DepthReporter(new DepthReporter(new DepthReporter())) }],
  ['error with string cause', new Error('failed', { cause: 'disk full' })],
  ['error with multi-line message', new Error('line one\nline two')],
  ['error with empty message', new Error('')],
  ['CJK and emoji strings grouped', ['中文', '😀', '한국어', 'ｆｕｌｌ', 'e\u0301', '👍🏽', '🇩🇪', 'plain', '✓']],
  ['wide symbols grouped', Array.from({ length: 8 }, (_, i) => (i % 2 ? Symbol('🇩🇪') : 'abcdef'))],
];

describe('inspect matches node:util.inspect', () => {
  it('has a large table', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });
  for (const [name, value, options] of cases) {
    it(name, () => {
      expect(inspect(value, options)).toBe(util.inspect(value, options as util.InspectOptions));
    });
  }
});

const formatCases: Array<[name: string, args: unknown[]]> = [
  ['no arguments', []],
  ['plain string', ['hello']],
  ['extra strings are raw', ['a', 'b', 'c']],
  ['non-string first argument', [1, 'two', { three: 3 }]],
  ['objects appended', ['value:', { a: [1, 2] }, [3]]],
  ['%s string', ['%s!', 'hi']],
  ['%s number and -0', ['%s %s', 42, -0]],
  ['%s bigint symbol null undefined', ['%s %s %s %s', 1n, Symbol('q'), null, undefined]],
  ['%s object', ['%s', { a: { b: { c: 1 } } }]],
  ['%s array', ['%s', [1, [2, [3]]]]],
  ['%s class instance', ['%s', new Point(1, 2)]],
  ['%s custom toString', ['%s', { toString: () => 'custom' }]],
  ['%s Symbol.toPrimitive', ['%s', { [Symbol.toPrimitive]: () => 'prim' }]],
  ['%s date', ['%s', new Date(0)]],
  ['%s error', ['%s', new Error('boom')]],
  ['%s function', ['%s', function source() { return 1; }]],
  ['%s null prototype', ['%s', Object.create(null)]],
  ['%d', ['%d %d %d %d', '42.5', -0, 7n, Symbol('x')]],
  ['%d object', ['%d', {}]],
  ['%i', ['%i %i %i', '42.9px', -3.7, 9n]],
  ['%f', ['%f %f', '1.5e3abc', Symbol('y')]],
  ['%j', ['%j', { a: [1, 'b'], c: null }]],
  ['%j circular', ['%j', circular]],
  ['%j undefined', ['%j', undefined]],
  ['%o', ['%o', { a: [1, 2], nested: { deep: { deeper: { deepest: {} } } } }]],
  ['%o function', ['%o', named]],
  ['%O', ['%O', { a: { b: { c: { d: 1 } } } }]],
  ['%c', ['%cstyled%c', 'color: red', 'color: blue']],
  ['%%', ['100%% sure %s', 'yes']],
  ['unknown placeholder', ['%x %s', 1]],
  ['missing arguments', ['%s and %s', 'one']],
  ['trailing percent', ['50%', 1]],
  ['lone percent with args', ['%', 1]],
  ['more args than placeholders', ['%s:', 'key', 'value', { extra: true }]],
  ['placeholder at end', ['end %s', 'x']],
];

describe('format matches node:util.format', () => {
  for (const [name, args] of formatCases) {
    it(name, () => {
      expect(format(...args)).toBe(util.format(...args));
    });
  }
  it('formatWithOptions', () => {
    const args = ['%O and', { a: { b: { c: 1 } } }, { d: [1, 2, 3] }];
    expect(formatWithOptions({ depth: 0 }, ...args)).toBe(util.formatWithOptions({ depth: 0 }, ...args));
  });
});

describe('values Node inspects through V8 internals', () => {
  it('prints promises without their state', () => {
    expect(inspect(Promise.resolve(1))).toBe('Promise { <unknown> }');
    expect(inspect({ p: Object.assign(Promise.resolve(), { id: 7 }) })).toBe('{ p: Promise { <unknown>, id: 7 } }');
  });
  it('prints revoked proxies like Node', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(inspect(proxy)).toBe(util.inspect(proxy));
  });
});

describe('never throws on hostile values', () => {
  const throwingTrap = new Proxy({}, {
    ownKeys() { throw new Error('no keys for you'); },
    getOwnPropertyDescriptor() { throw new Error('no descriptor'); },
  });
  const throwingConstructor = Object.create(new Proxy({}, {
    getOwnPropertyDescriptor() { throw new Error('constructor lookup'); },
  })) as object;
  const throwingCustom = { [custom]() { throw new Error('custom failed'); } };
  const throwingTag = Object.create({ get [Symbol.toStringTag]() { throw new Error('tag'); } }) as object;
  const throwingErrorFields = Object.defineProperties(new Error('x'), {
    stack: { get() { throw new Error('stack'); } },
    message: { get() { throw new Error('message'); } },
    name: { get() { throw new Error('name'); } },
  });
  const throwingValue = new Proxy({ a: 1 }, {
    getOwnPropertyDescriptor() { return undefined; },
    get() { throw new Error('get trap'); },
  });
  const hostile: unknown[] = [
    throwingTrap, throwingConstructor, throwingCustom, throwingTag, throwingErrorFields, throwingValue,
    { sibling: 1, bad: throwingCustom, after: 2 },
  ];

  for (const [index, value] of hostile.entries()) {
    it(`hostile value #${index}`, () => {
      expect(typeof inspect(value)).toBe('string');
      expect(typeof format('%s %d %j %o', value, value, value, value)).toBe('string');
    });
  }

  it('keeps printing siblings of a value that throws', () => {
    expect(inspect({ sibling: 1, bad: throwingCustom, after: 2 }))
      .toBe('{ sibling: 1, bad: <Inspection threw (custom failed)>, after: 2 }');
  });

  it('prints what it can when a property read throws', () => {
    class BadCause extends Error {
      override get cause(): unknown {
        throw new Error('cause getter');
      }
    }
    const printed = inspect({ error: new BadCause('x'), next: 1 });
    expect(printed).toContain('cause: <Inspection threw (cause getter)>');
    expect(printed).toMatch(/next: 1\n}$/);
  });

  it('does not throw for %j of a BigInt', () => {
    expect(format('%j', 1n)).toBe('<Inspection threw (Do not know how to serialize a BigInt)>');
  });
});
