/** util.parseArgs, as Node 20.20's: configuration checks, strict-mode usage errors, defaults. */
import { describeReceived, invalidArgType, invalidArgValue, nodeError } from '../../node-errors.js';
import type { GuestProcess } from '../registry.js';
import { optionValue, ownValue, tokenize, type OptionsConfig, type Token } from './parse-args-tokens.js';
import { validateArray, validateBoolean, validateObject, validateString } from '../validate.js';

type OptionToken = Extract<Token, { kind: 'option' }>;
interface Config {
  options: OptionsConfig;
  allowPositionals: boolean;
  allowNegative: boolean;
}

const hasOwn = (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key);
const invalidOptionValue = (message: string) => nodeError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', 'TypeError', message);

function unknownOption(rawName: string, allowPositionals: boolean): Error {
  const hint = allowPositionals ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(rawName)}` : '';
  return nodeError('ERR_PARSE_ARGS_UNKNOWN_OPTION', 'TypeError', `Unknown option '${rawName}'${hint}`);
}

function validateTypeUnion(value: unknown, name: string): void {
  if (value === 'string' || value === 'boolean') return;
  throw nodeError('ERR_INVALID_ARG_TYPE', 'TypeError', `The "${name}" property must be ('string|boolean').${describeReceived(value)}`);
}

function validateArrayOf(value: unknown, name: string, type: 'string' | 'boolean'): void {
  validateArray(value, name);
  value.forEach((item, i) => {
    if (typeof item !== type) throw invalidArgType(`${name}[${i}]`, [type], [], item);
  });
}

function validateOption(long: string, config: unknown): void {
  const name = `options.${long}`;
  validateObject(config, name);
  const type = ownValue(config, 'type');
  validateTypeUnion(type, `${name}.type`);
  if (hasOwn(config, 'short')) {
    const short = config.short;
    validateString(short, `${name}.short`);
    if (short.length !== 1) throw invalidArgValue(`${name}.short`, short, 'must be a single character');
  }
  const multiple = ownValue(config, 'multiple');
  if (hasOwn(config, 'multiple')) validateBoolean(multiple, `${name}.multiple`);
  const fallback = ownValue(config, 'default');
  if (fallback !== undefined) {
    const kind = type as 'string' | 'boolean';
    if (multiple) validateArrayOf(fallback, `${name}.default`, kind);
    else if (kind === 'string') validateString(fallback, `${name}.default`);
    else validateBoolean(fallback, `${name}.default`);
  }
}

/** Strict mode: an option that is not configured, or used with the wrong kind of value. */
function checkUsage(config: Config, token: OptionToken): void {
  let name = token.name;
  if (!hasOwn(config.options, name)) {
    const negated = config.allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
    if (negated === undefined || !hasOwn(config.options, negated) || optionValue(config.options, negated, 'type') !== 'boolean') {
      throw unknownOption(token.rawName, config.allowPositionals);
    }
    name = negated;
  }
  const short = optionValue(config.options, name, 'short');
  const both = `${short ? `-${short as string}, ` : ''}--${name}`;
  const type = optionValue(config.options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') throw invalidOptionValue(`Option '${both} <value>' argument missing`);
  if (type === 'boolean' && token.value != null) throw invalidOptionValue(`Option '${both}' does not take an argument`);
}

/** Strict mode: `--port --verbose` when port takes a string is most likely a missing value. */
function checkOptionLikeValue(token: OptionToken): void {
  const value = token.value;
  if (token.inlineValue || value == null || !(value.length > 1 && value[0] === '-')) return;
  const example = token.rawName.startsWith('--') ? `'${token.rawName}=-XYZ'` : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
  throw invalidOptionValue(
    `Option '${token.rawName}' argument is ambiguous.\nDid you forget to specify the option argument for '${token.rawName}'?\nTo specify an option argument starting with a dash use ${example}.`,
  );
}

function store(token: OptionToken, options: OptionsConfig, values: Record<string, unknown>, allowNegative: boolean): void {
  let name = token.name;
  let value: unknown = token.value;
  if (name === '__proto__') return;
  if (allowNegative && name.startsWith('no-') && value === undefined) {
    name = name.slice(3);
    token.name = name;
    value = false;
  }
  const stored = value ?? true;
  if (optionValue(options, name, 'multiple')) {
    if (values[name]) (values[name] as unknown[]).push(stored);
    else values[name] = [stored];
  } else {
    values[name] = stored;
  }
}

/** Node's `util.parseArgs(config)`; `args` defaults to the guest's `process.argv.slice(2)`. */
export function createParseArgs(process: GuestProcess) {
  return function parseArgs(config: Record<string, unknown> = {}) {
    const args = ownValue(config, 'args') ?? process.argv.slice(2);
    const strict = ownValue(config, 'strict') ?? true;
    const allowPositionals = ownValue(config, 'allowPositionals') ?? !strict;
    const returnTokens = ownValue(config, 'tokens') ?? false;
    const allowNegative = ownValue(config, 'allowNegative') ?? false;
    const options = (ownValue(config, 'options') ?? { __proto__: null }) as OptionsConfig;
    validateArray(args, 'args');
    validateBoolean(strict, 'strict');
    validateBoolean(allowPositionals, 'allowPositionals');
    validateBoolean(returnTokens, 'tokens');
    validateBoolean(allowNegative, 'allowNegative');
    validateObject(options, 'options');
    for (const [long, optionConfig] of Object.entries(options)) validateOption(long, optionConfig);

    const tokens = tokenize(args as string[], options);
    const result: { values: Record<string, unknown>; positionals: string[]; tokens?: Token[] } = { values: { __proto__: null } as Record<string, unknown>, positionals: [] };
    if (returnTokens) result.tokens = tokens;
    const usage: Config = { options, allowPositionals, allowNegative };
    for (const token of tokens) {
      if (token.kind === 'option') {
        if (strict) {
          checkUsage(usage, token);
          checkOptionLikeValue(token);
        }
        store(token, options, result.values, allowNegative);
      } else if (token.kind === 'positional') {
        if (!allowPositionals) throw nodeError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', 'TypeError', `Unexpected argument '${token.value}'. This command does not take positional arguments`);
        result.positionals.push(token.value);
      }
    }
    for (const [long, optionConfig] of Object.entries(options)) {
      const fallback = ownValue(optionConfig, 'default');
      if (fallback !== undefined && result.values[long] === undefined && long !== '__proto__') result.values[long] = fallback;
    }
    return result;
  };
}
