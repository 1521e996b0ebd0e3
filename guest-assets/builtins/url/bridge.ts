/**
 * The Worker capabilities of the url built-ins, given once when the module is defined and never
 * reachable from guest code (every call goes through `guard`).
 */
import { guard, type Caps } from '../../caps.js';

let installed: Caps | undefined;

export const urlBridge = {
  install(caps: Caps): void {
    installed = caps;
  },
  /** Calls a capability; a Worker failure becomes a guest-realm error. */
  call<T>(fn: (caps: Caps) => T): T {
    const caps = installed;
    if (caps === undefined) throw new Error('internal: url capabilities not installed');
    return guard(() => fn(caps));
  },
  /** The Worker's last error as [code, name, message]. */
  lastError(): [string, string, string] {
    const text = String(guard(() => installed?.lastError()) ?? '');
    const [code = 'ERR_INTERNAL', name = 'Error', message = ''] = text.split('\u0000');
    return [code, name, message];
  },
};
