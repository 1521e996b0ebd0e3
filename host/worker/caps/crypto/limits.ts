/**
 * The sandbox's bounds on crypto work. A native crypto call cannot be interrupted (not even by the
 * sandbox's timeout, which ends the Worker only once the call returns), so one call's work and
 * memory are bounded here; Node's own limits (and errors) apply below these. A call over a bound
 * throws a RangeError with code ERR_CRYPTO_SANDBOX_LIMIT and leaves the sandbox usable.
 */

/**
 * Live Hash and Hmac objects per sandbox (each holds about 1 KB of Worker memory until its digest,
 * or until the guest object is collected).
 */
export const MAX_LIVE_HASHES = 16_384;

/**
 * PBKDF2 work per call: iterations × output blocks (keylen / digest size, rounded up). 2^23 HMAC
 * rounds is about 2.5 s with SHA-256 and 13 s with SHA3-512 on a 2020s core; common settings
 * (600 000 rounds of SHA-256) are far below.
 */
export const MAX_PBKDF2_WORK = 2 ** 23;

/**
 * Output bytes of one pbkdf2, scrypt or hkdf call and of an XOF digest (shake128/256's
 * outputLength): Node allows 2^31 - 1 and 2^32 - 1 (4 GiB, about 40 s of work).
 */
export const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * scrypt's memory per call: a larger `maxmem` is lowered to this, so parameters needing more end
 * with Node's own ERR_CRYPTO_INVALID_SCRYPT_PARAMS (memory limit exceeded).
 */
export const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

/** scrypt's work per call, N × r × p: 2^23 is 64 times Node's default cost (about 3.5 s). */
export const MAX_SCRYPT_WORK = 2 ** 23;
