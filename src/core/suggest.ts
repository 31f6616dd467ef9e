// "Did you mean …?" for every checker: the closest known name to a misspelt one, with one threshold.

/**
 * Damerau-Levenshtein distance (optimal string alignment: a swap of two neighbours costs 1),
 * stopping early with `limit + 1` once the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  let before: number[] = [];
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      current[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[cols - 1];
}

/**
 * The candidate `value` was most likely meant to be: the same name in another case, else the
 * nearest within a third of its length (at least 1 edit). Undefined when nothing is that close.
 */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  const limit = Math.max(1, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    const d = editDistance(lower, other, Math.min(limit, bestDistance - 1));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
