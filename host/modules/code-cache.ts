/**
 * V8 code caches of guest modules, held by the host across runs and keyed by the module's source
 * (the Worker hashes it), so a fresh sandbox that loads the same sources skips most of their
 * compilation. Entries are SharedArrayBuffers: a new Worker receives the current set without a copy.
 * Bounded by `maxBytes`; the least recently added entries go first.
 *
 * The data is what V8 produced from the same source text in an earlier run; V8 checks it again when
 * it is used (a rejected cache is only slower). A guest can learn no more from it than that some run
 * loaded the same source before (a timing difference); use one cache per tenant where that matters.
 */
export class CodeCache {
  /** Default bound: 64 MiB. */
  static readonly defaultMaxBytes = 64 * 1024 * 1024;
  readonly maxBytes: number;
  readonly #entries = new Map<string, SharedArrayBuffer>();
  #bytes = 0;

  constructor(options: { maxBytes?: number } = {}) {
    const max = options.maxBytes ?? CodeCache.defaultMaxBytes;
    if (!Number.isInteger(max) || max < 0) throw new RangeError(`codeCache maxBytes must be a non-negative integer, got ${max}`);
    this.maxBytes = max;
  }

  /** Total bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Number of entries held. */
  get size(): number {
    return this.#entries.size;
  }

  /** What a new Worker starts with (shared, not copied). */
  snapshot(): Map<string, SharedArrayBuffer> {
    return new Map(this.#entries);
  }

  /** Keeps `data` under `key` (a content hash), evicting the oldest entries past the bound. */
  add(key: unknown, data: unknown): void {
    if (typeof key !== 'string' || !/^(cjs|esm):[0-9a-f]{40}$/.test(key) || !(data instanceof Uint8Array) || data.length === 0) return;
    if (data.length > this.maxBytes || this.#entries.has(key)) return;
    const shared = new SharedArrayBuffer(data.length);
    new Uint8Array(shared).set(data);
    this.#entries.set(key, shared);
    this.#bytes += data.length;
    for (const [oldKey, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldKey);
      this.#bytes -= old.byteLength;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

/** The cache sandboxes share unless given their own (SandboxOptions.codeCache). */
export const sharedCodeCache = new CodeCache();
