/**
 * util.debuglog (util.debug): sections named in NODE_DEBUG, as the guest's environment had it at
 * start (Node reads it once, at startup), print `SECTION <pid>: message` to stderr.
 */
import { format } from '../../inspect/index.js';
import type { GuestProcess } from '../registry.js';

type Logger = ((...args: unknown[]) => void) & { enabled: boolean };

/** NODE_DEBUG's test: comma-separated names, `*` a wildcard, case-insensitive, each matching a whole name. */
function sectionTest(env: string | undefined): (section: string) => boolean {
  if (!env) return () => false;
  const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replaceAll('*', '.*').replaceAll(',', '$|^');
  const re = new RegExp(`^${pattern}$`, 'i');
  return (section) => re.test(section);
}

function noop(): void {}

/** Node's `util.debuglog(section, callback)` over the guest's process. */
export function createDebuglog(process: GuestProcess, emitWarning: (...args: unknown[]) => void) {
  const enabledFor = sectionTest(process.env.NODE_DEBUG);
  const impls = new Map<string, (...args: unknown[]) => void>();

  function implFor(section: string, enabled: boolean): (...args: unknown[]) => void {
    let impl = impls.get(section);
    if (impl !== undefined) return impl;
    if (enabled) {
      const pid = process.pid;
      if (section === 'HTTP' || section === 'HTTP2') {
        emitWarning(`Setting the NODE_DEBUG environment variable to '${section.toLowerCase()}' can expose sensitive data (such as passwords, tokens and authentication headers) in the resulting log.`);
      }
      impl = function debug(...args: unknown[]) {
        process.stderr.write(`${section} ${pid}: ${format(...args)}\n`);
      };
    } else {
      impl = noop;
    }
    impls.set(section, impl);
    return impl;
  }

  return function debuglog(set: string, cb?: (fn: (...args: unknown[]) => void) => void): Logger {
    let section = set;
    let enabled: boolean | undefined;
    const init = () => {
      section = String.prototype.toUpperCase.call(section);
      enabled = enabledFor(section);
    };
    let debug = (...args: unknown[]): void => {
      init();
      // The section is settled on the first call, as Node does.
      debug = implFor(section, enabled!);
      if (typeof cb === 'function') cb(debug);
      debug(...args);
    };
    let test = (): boolean => {
      init();
      test = () => enabled!;
      return enabled!;
    };
    const logger = ((...args: unknown[]) => debug(...args)) as Logger;
    Object.defineProperty(logger, 'enabled', { get: () => test(), configurable: true, enumerable: true });
    return logger;
  };
}
