// The paging state of one list in the tree: pages loaded so far, the token for the next one, the
// last error, and at most one request in flight, so expanding twice quickly never loads twice.

import type { Page } from './resources';

export type PageFetcher<T> = (token: string | undefined) => Promise<Page<T>>;

export class PagedList<T> {
  private loadedItems: T[] = [];
  private nextToken: string | undefined;
  private started = false;
  private inFlight: Promise<void> | undefined;
  private generation = 0;
  private lastError: unknown;

  constructor(private readonly fetchPage: PageFetcher<T>) {}

  get items(): readonly T[] {
    return this.loadedItems;
  }

  /** True before the first page and while the service returned a next token. */
  get hasMore(): boolean {
    return !this.started || this.nextToken !== undefined;
  }

  get hasLoadedFirstPage(): boolean {
    return this.started;
  }

  /** The failure of the last request, cleared by the next one. */
  get error(): unknown {
    return this.lastError;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  /** Loads the first page unless it is loaded, loading or failed. Never rejects: failures land in `error`. */
  ensureFirstPage(): Promise<void> {
    // After a failure only an explicit retry (loadMore) asks again, not every redraw.
    if (this.started || this.lastError !== undefined) return this.inFlight ?? Promise.resolve();
    return this.loadMore();
  }

  /** Loads the next page; joins the request in flight instead of starting another. Never rejects. */
  loadMore(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (!this.hasMore && this.lastError === undefined) return Promise.resolve();
    const generation = this.generation;
    const token = this.nextToken;
    const request = (async () => {
      try {
        const page = await this.fetchPage(token);
        if (generation !== this.generation) return;
        this.loadedItems = this.loadedItems.concat(page.items);
        this.nextToken = page.nextToken || undefined;
        this.started = true;
        this.lastError = undefined;
      } catch (err) {
        if (generation !== this.generation) return;
        this.lastError = err;
      } finally {
        if (generation === this.generation) this.inFlight = undefined;
      }
    })();
    this.inFlight = request;
    return request;
  }

  /**
   * Keeps loading pages until `satisfied` holds (e.g. an item matches the filter), the service has no more, or a page fails.
   * `onPage` runs after each page, so the tree can show progress.
   */
  async loadUntil(satisfied: (items: readonly T[]) => boolean, onPage?: () => void): Promise<void> {
    if (this.inFlight) await this.inFlight;
    if (this.lastError !== undefined) return;
    while (!satisfied(this.loadedItems) && this.hasMore) {
      await this.loadMore();
      onPage?.();
      if (this.lastError !== undefined) return;
    }
  }

  /** Forgets everything; a request in flight finishes without effect. */
  reset(): void {
    this.generation++;
    this.loadedItems = [];
    this.nextToken = undefined;
    this.started = false;
    this.inFlight = undefined;
    this.lastError = undefined;
  }
}
