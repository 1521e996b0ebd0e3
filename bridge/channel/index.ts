/**
 * The shared-memory channel: the host's end (host.ts: waits for calls, answers them, spins or
 * sleeps), the guest's end (guest.ts: posts a call and blocks on the answer), and the aligned copies
 * into and out of the shared window both ends use (copy.ts).
 */
export * from './host.js';
export * from './guest.js';
export * from './copy.js';
