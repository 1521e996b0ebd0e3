import type { EmbeddedRunOptions } from '../same-thread.mjs';

/** Runs `source` as the guest's /main.js in a separate guest process; resolves to its exit status. */
export function runTwoProcess(source: string, options?: EmbeddedRunOptions): Promise<number>;
