/** util's system error names (libuv's table, from the Worker) and parseEnv (Node's dotenv parser, in the Worker). */
import { guard, type Caps } from '../../caps.js';
import { invalidArgType } from '../../node-errors.js';
import { failure } from '../failure.js';
import { validateString } from '../validate.js';

/** getSystemErrorName, getSystemErrorMap and the name lookup the error factories use. */
export function createSystemErrors(caps: Caps) {
  let table: Array<[number, [string, string]]> | undefined;
  const entries = () => {
    table ??= guard(() => caps.systemErrorMap())
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const [errno, name, description] = line.split('\u0000');
        return [Number(errno), [name!, description!]];
      });
    return table;
  };
  function getSystemErrorName(err: unknown): string {
    if (typeof err !== 'number') throw invalidArgType('err', ['number'], [], err);
    const name = guard(() => caps.systemErrorName(err));
    if (typeof name === 'string') return name;
    throw failure(caps);
  }
  function getSystemErrorMap(): Map<number, [string, string]> {
    return new Map(entries().map(([errno, [name, description]]) => [errno, [name, description]]));
  }
  /** libuv's name for an errno, or `Unknown system error <n>`. */
  function errname(errno: number): string {
    const found = entries().find(([n]) => n === errno);
    return found ? found[1][0] : `Unknown system error ${errno}`;
  }
  function parseEnv(content: unknown): Record<string, string> {
    validateString(content, 'content');
    const json = guard(() => caps.parseEnv(content));
    return (json === '' ? {} : JSON.parse(json)) as Record<string, string>;
  }
  return { getSystemErrorName, getSystemErrorMap, errname, parseEnv };
}
