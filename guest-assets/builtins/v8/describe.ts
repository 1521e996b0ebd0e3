/**
 * How V8 names a value it cannot clone (`<description> could not be cloned.`): without running any
 * of the value's code. Functions show their source (cut in the middle past 128 characters), symbols
 * `Symbol(desc)`, objects `#<Constructor>` when they inherit Object.prototype.toString, otherwise
 * `[object Tag]`.
 */
const functionToString = Function.prototype.toString;
const objectToString = Object.prototype.toString;
const errorToString = Error.prototype.toString;
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag)!.get!;

/** The hooks describe needs from the classifier (V8 cannot look inside a Proxy, neither can we). */
export interface DescribeHooks {
  isProxy(value: object): boolean;
  isSymbolObject(value: object): boolean;
  isNativeError(value: object): boolean;
  /** The guest's global object (V8's global proxy, named `#<Object>`). */
  readonly globalObject: object;
}

/** A data property found along the prototype chain, as V8's GetDataProperty: accessors give undefined. */
function dataProperty(hooks: DescribeHooks, object: object, key: PropertyKey): unknown {
  let o: object | null = object;
  for (let depth = 0; o !== null && depth < 10000; depth++) {
    if (hooks.isProxy(o)) return undefined;
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d !== undefined) return 'value' in d ? d.value : undefined;
    o = Object.getPrototypeOf(o) as object | null;
  }
  return undefined;
}

function functionSource(fn: Function): string {
  const text = String(Reflect.apply(functionToString, fn, []));
  return text.length > 128 ? `${text.slice(0, 111)}...<omitted>...${text.slice(-2)}` : text;
}

function builtinTag(hooks: DescribeHooks, value: object): string {
  if (Array.isArray(value)) return 'Array';
  if (ArrayBuffer.isView(value) && !(hooks.isProxy(value))) {
    const tag = Reflect.apply(typedArrayTag, value, []) as unknown;
    if (typeof tag === 'string') return tag;
    return 'DataView';
  }
  if (hooks.isSymbolObject(value)) return 'Symbol';
  return 'Object';
}

/** V8's description of `value` for a DataCloneError message. */
export function describeUncloneable(hooks: DescribeHooks, value: unknown): string {
  if (typeof value === 'symbol') return String(value);
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return String(value);
  if (typeof value === 'function') return functionSource(value);
  if (value === hooks.globalObject) return '#<Object>';
  if (hooks.isProxy(value)) return Array.isArray(value) ? '[object Array]' : '#<Object>';
  const toString = dataProperty(hooks, value, 'toString');
  if (hooks.isNativeError(value) || toString === errorToString) {
    const name = dataProperty(hooks, value, 'name');
    const message = dataProperty(hooks, value, 'message');
    const n = typeof name === 'string' ? name : 'Error';
    const m = typeof message === 'string' ? message : '';
    return n === '' ? m : m === '' ? n : `${n}: ${m}`;
  }
  if (toString === objectToString) {
    const ctor = dataProperty(hooks, value, 'constructor');
    if (typeof ctor === 'function') {
      const name = dataProperty(hooks, ctor, 'name');
      if (typeof name === 'string' && name !== '') return `#<${name}>`;
    }
  }
  const tag = dataProperty(hooks, value, Symbol.toStringTag);
  return `[object ${typeof tag === 'string' ? tag : builtinTag(hooks, value)}]`;
}
