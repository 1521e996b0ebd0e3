import { sandboxAdapter } from '../lib/sandbox-adapter.mjs';

/** `raw`: this bridge. Guest code in a v8-fs-bridge sandbox; binary reads answer status 2, raw bytes. */
export const create = sandboxAdapter('raw', 'raw', 'v8-fs-bridge sandbox, raw protocol (status 2 bytes through the shared window)');
