/**
 * The first phase of util.parseArgs: arguments to tokens (`option`, `positional`,
 * `option-terminator`), with short option groups expanded, as Node 20's.
 */

/** The options configuration (validated by parse-args.ts). */
export type OptionsConfig = Record<string, Record<string, unknown>>;

export type Token =
  | { kind: 'option'; name: string; rawName: string; index: number; value: string | undefined; inlineValue: boolean | undefined }
  | { kind: 'positional'; index: number; value: string }
  | { kind: 'option-terminator'; index: number };

const hasOwn = (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key);

/** `obj[prop]` if it is an own property. */
export function ownValue(obj: object, prop: string): unknown {
  return hasOwn(obj, prop) ? (obj as Record<string, unknown>)[prop] : undefined;
}

/** `options[long][prop]` if both are own properties. */
export function optionValue(options: OptionsConfig, long: string, prop: string): unknown {
  return hasOwn(options, long) ? ownValue(options[long]!, prop) : undefined;
}

/** The long name configured for a short option, or the short name itself. */
export function longFor(short: string, options: OptionsConfig): string {
  const entry = Object.entries(options).find(([, config]) => ownValue(config, 'short') === short);
  return entry?.[0] ?? short;
}

const isString = (options: OptionsConfig, long: string) => optionValue(options, long, 'type') === 'string';
const isLoneShort = (arg: string) => arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
const isLoneLong = (arg: string) => arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
const isLongWithValue = (arg: string) => arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
const isShortCluster = (arg: string) => arg.length > 2 && arg[0] === '-' && arg[1] !== '-';

/** Splits `-abc` into `-a -b -c`; a string option inside the group takes the rest as its value (`-abfFILE`). */
function expandGroup(arg: string, options: OptionsConfig): string[] {
  const expanded: string[] = [];
  for (let i = 1; i < arg.length; i++) {
    const short = arg.charAt(i);
    if (!isString(options, longFor(short, options)) || i === arg.length - 1) {
      expanded.push(`-${short}`);
    } else {
      expanded.push(`-${arg.slice(i)}`);
      break;
    }
  }
  return expanded;
}

/** Node's tokenizer: `index` is the position of the argument a token came from. */
export function tokenize(args: readonly string[], options: OptionsConfig): Token[] {
  const tokens: Token[] = [];
  const rest = args.slice();
  let index = -1;
  let groupCount = 0;
  while (rest.length > 0) {
    const arg = rest.shift()!;
    const next = rest[0];
    if (groupCount > 0) groupCount--;
    else index++;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const value of rest) tokens.push({ kind: 'positional', index: ++index, value });
      break;
    }
    if (isLoneShort(arg) || isLoneLong(arg)) {
      const name = isLoneShort(arg) ? longFor(arg.charAt(1), options) : arg.slice(2);
      let value: string | undefined;
      let inlineValue: boolean | undefined;
      if (isString(options, name) && next != null) {
        value = rest.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isShortCluster(arg)) {
      const name = longFor(arg.charAt(1), options);
      if (isString(options, name)) {
        tokens.push({ kind: 'option', name, rawName: `-${arg.charAt(1)}`, index, value: arg.slice(2), inlineValue: true });
      } else {
        const expanded = expandGroup(arg, options);
        rest.unshift(...expanded);
        groupCount = expanded.length;
      }
      continue;
    }
    if (isLongWithValue(arg)) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals);
      tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(equals + 1), inlineValue: true });
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}
