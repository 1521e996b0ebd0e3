/** Small statistics helpers: medians and percentiles by nearest rank over sorted copies. */

export function sorted(samples) {
  return Float64Array.from(samples).sort();
}

/** The p-th percentile (0..100) by nearest rank; NaN for no samples. */
export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const s = sorted(samples);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

export function median(samples) {
  if (samples.length === 0) return NaN;
  const s = sorted(samples);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Rounds for JSON: 2 significant decimals below 100, integers above. */
export function round(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100;
}

/** MB/s (MB = 10^6 bytes) of `bytes` moved in `us` microseconds: bytes per microsecond. */
export function mbPerS(bytes, us) {
  return us > 0 ? bytes / us : NaN;
}
