/** The Worker's capabilities behind the guest's `path` built-in (host/worker/caps/path.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface PathCaps {}
