/** The Worker's capabilities behind the guest's `crypto` built-in (host/worker/caps/crypto.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CryptoCaps {}
