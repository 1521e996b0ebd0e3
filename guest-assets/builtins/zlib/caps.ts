/** The Worker's capabilities behind the guest's `zlib` built-in (host/worker/caps/zlib.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ZlibCaps {}
