// "Did you mean": the closest known name to a misspelt one.

import { editDistance } from './intrinsics';

/** Closest candidate by case-insensitive match or small edit distance. */
export function closest(value: string, candidates: Iterable<string>, generous = false): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    if (Math.abs(c.length - value.length) > 3 + (generous ? 2 : 0)) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  const limit = generous ? Math.max(2, Math.floor(value.length / 3)) : Math.max(1, Math.min(3, Math.floor(value.length / 4)));
  return bestDistance <= limit ? best : undefined;
}
