import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import { GROUPS, type GroupInfo, type GroupKind } from '../model/groups';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import type { ListChildren, ListOwner } from './listChildren';

/** "State machines", "Image Builder workflows", …: one service list in one region, filterable. */
export class GroupNode implements ListOwner {
  readonly id: string;
  readonly info: GroupInfo;
  private loadedListing: ListChildren | undefined;
  private pendingListing: Promise<ListChildren> | undefined;

  constructor(
    readonly parent: ExplorerNode,
    readonly region: string,
    readonly kind: GroupKind,
    private readonly ctx: ExplorerContext,
  ) {
    this.id = `group|${region}|${kind}`;
    this.info = GROUPS[kind];
  }

  /** Where this group's filter is remembered. */
  get filterKey(): string {
    return `${this.region}/${this.kind}`;
  }

  /** The list beneath, once `loadListing()` has built it (it has, for any node shown beneath the group). */
  get listing(): ListChildren {
    if (!this.loadedListing) throw new Error(`${this.info.label} in ${this.region} has not been listed yet.`);
    return this.loadedListing;
  }

  /** Builds the list on first use; the listing code loads then, not at activation. */
  loadListing(): Promise<ListChildren> {
    this.pendingListing ??= import('./groupListing').then(({ groupListing }) => (this.loadedListing = groupListing(this, this.ctx)));
    return this.pendingListing;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.info.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const filter = this.ctx.filters.effective(this.filterKey);
    const own = this.ctx.filters.text(this.filterKey) !== undefined;
    if (filter) item.description = `filter: ${filter.text}${own ? '' : ' (view)'}`;
    item.iconPath = new vscode.ThemeIcon(filter ? 'filter-filled' : 'folder');
    item.contextValue = contextValue(CONTEXT.group, CONTEXT.refreshable, own && CONTEXT.filtered);
    item.tooltip = `${this.info.label} in ${this.region}${filter ? ` — filtered by ${filter.text}` : ''}`;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return (await this.loadListing()).getChildren();
  }

  reset(): void {
    this.loadedListing?.reset();
  }
}
