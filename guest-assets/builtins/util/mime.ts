/**
 * util.MIMEType and util.MIMEParams (Node 20). Parsing is Node's own, in the Worker (Caps.parseMime);
 * the objects, their setters' checks and their serialization are here.
 */
import { guard, type Caps } from '../../caps.js';
import { nodeError } from '../../node-errors.js';
import { failure } from '../failure.js';

const NOT_TOKEN = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
const NOT_QUOTED_STRING = /[^\t\u0020-~\u0080-\u00FF]/;

function invalidSyntax(production: string, text: string, index: number): Error {
  return nodeError('ERR_INVALID_MIME_SYNTAX', 'TypeError', `The MIME syntax for a ${production} in "${text}" is invalid${index !== -1 ? ` at ${index}` : ''}`);
}

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** A token (type, subtype), lower-cased; throws Node's error for an empty or invalid one. */
function token(production: string, value: unknown): string {
  const text = `${value as string}`;
  const bad = text.search(NOT_TOKEN);
  if (text.length === 0 || bad !== -1) throw invalidSyntax(production, text, bad);
  return asciiLower(text);
}

/** A parameter value as serialized: quoted (with `"` and `\` escaped) unless it is a non-empty token. */
function encode(value: string): string {
  if (value.length !== 0 && !NOT_TOKEN.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** Node's MIMEParams: an ordered map of parameter names to values. */
export class MIMEParams {
  #data = new Map<string, string>();

  delete(name: unknown): void {
    this.#data.delete(name as string);
  }

  get(name: unknown): string | null {
    return this.#data.get(name as string) ?? null;
  }

  has(name: unknown): boolean {
    return this.#data.has(name as string);
  }

  set(name: unknown, value: unknown): void {
    const key = `${name as string}`;
    const text = `${value as string}`;
    const badName = key.search(NOT_TOKEN);
    if (key.length === 0 || badName !== -1) throw invalidSyntax('parameter name', key, badName);
    const badValue = text.search(NOT_QUOTED_STRING);
    if (badValue !== -1) throw invalidSyntax('parameter value', text, badValue);
    this.#data.set(key, text);
  }

  *entries(): Generator<[string, string]> {
    yield* this.#data.entries();
  }

  *keys(): Generator<string> {
    yield* this.#data.keys();
  }

  *values(): Generator<string> {
    yield* this.#data.values();
  }

  toString(): string {
    return [...this.#data].map(([key, value]) => `${key}=${encode(value)}`).join(';');
  }

  /** Fills a fresh instance with parsed parameters (already valid), keeping their order. */
  static fill(params: MIMEParams, pairs: string[]): void {
    for (let i = 0; i + 1 < pairs.length; i += 2) params.#data.set(pairs[i]!, pairs[i + 1]!);
  }
}
for (const [key, value] of [[Symbol.iterator, MIMEParams.prototype.entries], ['toJSON', MIMEParams.prototype.toString]] as const) {
  Object.defineProperty(MIMEParams.prototype, key, { value, writable: true, configurable: true, enumerable: false });
}
const fill = MIMEParams.fill;
const paramsToString = MIMEParams.prototype.toString;
Reflect.deleteProperty(MIMEParams, 'fill');

/** Builds MIMEType over the Worker's parser. */
export function createMimeType(caps: Caps) {
  class MIMEType {
    #type: string;
    #subtype: string;
    #params = new MIMEParams();

    constructor(string: unknown) {
      const parsed = guard(() => caps.parseMime(`${string as string}`));
      if (typeof parsed !== 'string') {
        throw failure(caps);
      }
      const [type, subtype, ...pairs] = parsed.split('\u0000');
      this.#type = type!;
      this.#subtype = subtype!;
      fill(this.#params, pairs);
    }

    get type(): string {
      return this.#type;
    }

    set type(value: unknown) {
      this.#type = token('type', value);
    }

    get subtype(): string {
      return this.#subtype;
    }

    set subtype(value: unknown) {
      this.#subtype = token('subtype', value);
    }

    get essence(): string {
      return `${this.#type}/${this.#subtype}`;
    }

    get params(): MIMEParams {
      return this.#params;
    }

    toString(): string {
      const params = Reflect.apply(paramsToString, this.#params, []) as string;
      return params.length ? `${this.essence};${params}` : this.essence;
    }
  }
  Object.defineProperty(MIMEType.prototype, 'toJSON', { value: MIMEType.prototype.toString, writable: true, configurable: true, enumerable: false });
  return MIMEType;
}
