// How often a view asks again about running executions: at most once per 2 s per list, backing
// off while nothing changes, and back to 2 s when something did (house rule 15).

export const POLL_MIN_MS = 2000;
export const POLL_MAX_MS = 30_000;
const BACKOFF = 1.5;

/** The delay before the next poll, given the last delay and whether the last poll saw a change. */
export function nextPollDelay(previousMs: number | undefined, changed: boolean): number {
  if (previousMs === undefined || changed) return POLL_MIN_MS;
  return Math.min(POLL_MAX_MS, Math.round(previousMs * BACKOFF));
}

/** A list's statuses as one comparable key. */
export function statusKey(items: readonly { id: string; status?: string }[]): string {
  return items.map((i) => `${i.id}=${i.status ?? ''}`).join('\n');
}

export const RUNNING_STATUSES: ReadonlySet<string> = new Set(['RUNNING', 'PENDING_REDRIVE']);

export function hasRunning(items: readonly { status?: string }[]): boolean {
  return items.some((i) => i.status !== undefined && RUNNING_STATUSES.has(i.status));
}

/** What a polled list reports: one key over its items' statuses, and whether any still moves. */
export function listState<T extends { id: string }>(items: readonly T[], status: (item: T) => string | undefined, active: (status: string | undefined) => boolean): { key: string; running: boolean } {
  return { key: statusKey(items.map((i) => ({ id: i.id, status: status(i) }))), running: items.some((i) => active(status(i))) };
}

/** A Pollable list's poll(): its first page again, one redraw, then its state. */
export async function pollFirstPage<T extends { id: string }>(
  listing: { reset(): void; list: { ensureFirstPage(): Promise<void>; items: readonly T[] } },
  redraw: () => void,
  status: (item: T) => string | undefined,
  active: (status: string | undefined) => boolean,
): Promise<{ key: string; running: boolean }> {
  listing.reset();
  await listing.list.ensureFirstPage();
  redraw();
  return listState(listing.list.items, status, active);
}
