/** Capabilities behind the guest's `util` built-in (guest-assets/builtins/util). */
import * as util from 'node:util';
import { getSystemErrorMap, getSystemErrorName, types } from 'node:util';
import { NATIVE_TYPE_CHECKS, type UtilCaps } from '../../../guest-assets/builtins/util/caps.js';
import { quietly, type Realm } from '../realm.js';

// Bound once, by index: the guest names a check by number, so no guest string ever selects a property here.
const CHECKS = NATIVE_TYPE_CHECKS.map((name) => types[name] as (value: unknown) => boolean);

export function utilCaps(realm: Realm): UtilCaps {
  return {
    utilType: (check, value) =>
      quietly(() => {
        const fn = typeof check === 'number' ? CHECKS[check] : undefined;
        // The checks are V8 brand tests: they read no property and call nothing of `value`.
        return fn !== undefined && fn(value) === true;
      }, false),
    // Only numbers cross: the guest validates the type itself, so Node's message never inspects a guest object here.
    systemErrorName: (err) => realm.codec(() => getSystemErrorName(typeof err === 'number' ? err : Number.NaN)),
    systemErrorMap: () =>
      quietly(() => {
        let text = '';
        for (const [errno, [name, description]] of getSystemErrorMap()) text += `${errno}\u0000${name}\u0000${description}\n`;
        return text;
      }, ''),
    bytesEqual: (a, b) => quietly(() => realm.isGuestView(a) && realm.isGuestView(b) && realm.hostView(a).equals(realm.hostView(b)), false),
    parseMime: (text) =>
      realm.codec(() => {
        const mime = new util.MIMEType(typeof text === 'string' ? text : '');
        return [mime.type, mime.subtype, ...[...mime.params].flat()].join('\u0000');
      }),
    parseEnv: (content) =>
      quietly(() => (typeof content === 'string' ? JSON.stringify((util as unknown as { parseEnv(s: string): object }).parseEnv(content)) : ''), ''),
  };
}
