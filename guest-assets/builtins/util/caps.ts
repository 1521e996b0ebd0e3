/** The Worker's capabilities behind the guest's `util` built-in (host/worker/caps/util.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface UtilCaps {}
