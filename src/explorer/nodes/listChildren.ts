// The children of any node that lists a service's resources page by page: the items that pass the
// filter, then exactly one of: an error, "not offered", "no … in <region>", or "Load more…".

import { AwsActionError } from '../../aws/errors';
import { isServiceNotOffered } from '../model/availability';
import type { ResourceFilter } from '../model/filter';
import { PagedList, type PageFetcher } from '../model/pagedList';
import type { ResourceItem } from '../model/resources';
import { ErrorNode } from './errorNode';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';

export interface ListOwner extends ExplorerNode {
  readonly listing: ListChildren<ListItem>;
}

/** What a list shows: resources, or anything else with a stable id and a name to filter on (DAGs, runs). */
export interface ListItem {
  id: string;
  name: string;
}

export interface ListChildrenOptions<T extends ListItem = ResourceItem> {
  owner: ListOwner;
  ctx: ExplorerContext;
  region: string;
  /** Lower-case plural: "state machines". */
  noun: string;
  /** Human service name for "not offered": "MWAA Serverless". */
  serviceName: string;
  fetch: PageFetcher<T>;
  makeNode(item: T): ExplorerNode;
  filter?(): ResourceFilter | undefined;
}

export class ListChildren<T extends ListItem = ResourceItem> {
  readonly list: PagedList<T>;
  private readonly nodes = new Map<string, ExplorerNode>();

  constructor(private readonly options: ListChildrenOptions<T>) {
    this.list = new PagedList(options.fetch);
  }

  get noun(): string {
    return this.options.noun;
  }

  filter(): ResourceFilter | undefined {
    return this.options.filter?.();
  }

  /** Loads the first page (and more while a filter finds nothing), then builds the children. */
  async getChildren(): Promise<ExplorerNode[]> {
    const { ctx } = this.options;
    const filter = this.filter();
    const needsLoad = !this.list.hasLoadedFirstPage || (filter && !this.list.items.some((i) => filter.matches(i.name)) && this.list.hasMore);
    if (needsLoad && this.list.error === undefined) {
      await ctx.withProgress(async () => {
        await this.list.ensureFirstPage();
        if (filter) await this.list.loadUntil((items) => items.some((i) => filter.matches(i.name)));
      });
    }
    return this.children();
  }

  /** One more page; with a filter, pages until one more match turns up or there are no more. */
  async loadMore(): Promise<void> {
    const filter = this.filter();
    await this.options.ctx.withProgress(async () => {
      if (!filter) return this.list.loadMore();
      const count = (items: readonly T[]) => items.reduce((n, i) => n + (filter.matches(i.name) ? 1 : 0), 0);
      const before = count(this.list.items);
      await this.list.loadMore();
      await this.list.loadUntil((items) => count(items) > before);
    });
    this.options.ctx.refresh(this.options.owner);
  }

  /** Asks again after a failure. */
  async retry(): Promise<void> {
    await this.options.ctx.withProgress(() => this.list.loadMore());
    this.options.ctx.refresh(this.options.owner);
  }

  reset(): void {
    this.list.reset();
    this.nodes.clear();
  }

  /** The node for a loaded item, if it is loaded (for reveal). */
  nodeFor(item: T): ExplorerNode {
    let node = this.nodes.get(item.id);
    if (!node) {
      node = this.options.makeNode(item);
      this.nodes.set(item.id, node);
    }
    return node;
  }

  private children(): ExplorerNode[] {
    const { owner, region, noun, serviceName } = this.options;
    const filter = this.filter();
    const visible = filter ? this.list.items.filter((i) => filter.matches(i.name)) : this.list.items;
    const children: ExplorerNode[] = visible.map((item) => this.nodeFor(item));
    const error = this.list.error;
    if (error !== undefined) {
      if (isServiceNotOffered(error) && this.list.items.length === 0) {
        children.push(new MessageNode(owner, `${owner.id}|notOffered`, `${serviceName} is not offered in ${region}`, 'circle-slash'));
      } else {
        children.push(new ErrorNode(owner, noun, failureSentence(error)));
      }
      return children;
    }
    if (visible.length === 0 && !this.list.hasMore) {
      const message = filter ? `No ${noun} match "${filter.text}" in ${region}` : `No ${noun} in ${region}`;
      children.push(new MessageNode(owner, `${owner.id}|empty`, message));
    }
    if (this.list.hasMore) children.push(new LoadMoreNode(owner));
    return children;
  }
}

/** Every AWS call goes through callAws, whose AwsActionError carries the sentence; anything else is a bug's message. */
function failureSentence(err: unknown): string {
  if (err instanceof AwsActionError) return err.message;
  return err instanceof Error && err.message ? err.message : String(err);
}
