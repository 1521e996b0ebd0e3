/** The Worker's capabilities behind the guest's `url` built-in (host/worker/caps/url.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface UrlCaps {}
