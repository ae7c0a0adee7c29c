// Small statistics helpers for the benchmark: medians with min and max.

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** { median, min, max, runs } of a list of numbers. */
export function summary(values) {
  const nums = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return {
    median: round(median(nums)),
    min: round(Math.min(...nums)),
    max: round(Math.max(...nums)),
    runs: nums.length,
  };
}

export function round(n, digits = 3) {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * The order of variants in run `i`: rotated by one each run, so every variant
 * takes every position equally often (alternating run by run for two).
 */
export function orderFor(variants, i) {
  const k = i % variants.length;
  return [...variants.slice(k), ...variants.slice(0, k)];
}

/** The p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
