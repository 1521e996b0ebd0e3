import type { Vfs } from '../../host/index.js';

export interface EmbeddedRunOptions {
  /** The guest's filesystem (default: a new in-memory one). */
  vfs?: Vfs;
  /** 'raw' (default) or 'legacy': the host answers as an old host (base64 bytes objects, text errors). */
  protocol?: 'raw' | 'legacy';
  stdout?: (bytes: Uint8Array) => void;
  stderr?: (bytes: Uint8Array) => void;
}

/** Runs `source` as the guest's /main.js in a vm context on this thread; resolves to its exit status. */
export function runSameThread(source: string, options?: EmbeddedRunOptions): Promise<number>;
