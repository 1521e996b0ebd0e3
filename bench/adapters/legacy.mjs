import { sandboxAdapter } from '../lib/sandbox-adapter.mjs';

/**
 * `legacy`: the same sandbox with `protocol: 'legacy'`: the host answers as a pre-raw host would
 * (status 0 values, bytes as `{__agentOsType: "bytes", base64}`), and the guest, whose hello that
 * host does not know, sends its write data the same way.
 */
export const create = sandboxAdapter('legacy', 'legacy', "the same sandbox with protocol 'legacy' (base64 bytes objects in status-0 values)");
