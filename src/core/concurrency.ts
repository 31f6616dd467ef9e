// Bounded concurrency for fan-out calls (one Describe/Get per listed item). Pure, so a feature's
// chunk can use it without pulling in another feature's code.

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of `items`. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
