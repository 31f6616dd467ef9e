import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import { listGroupPage } from '../model/listing';
import { GROUPS, type GroupInfo, type GroupKind } from '../model/resources';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { ListChildren, type ListOwner } from './listChildren';
import { ResourceNode } from './resourceNode';

const SERVICE_NAMES: Record<GroupInfo['service'], string> = {
  states: 'Step Functions',
  imagebuilder: 'EC2 Image Builder',
  airflow: 'Amazon MWAA',
  'airflow-serverless': 'MWAA Serverless',
};

/** "State machines", "Image Builder workflows", …: one service list in one region, filterable. */
export class GroupNode implements ListOwner {
  readonly id: string;
  readonly info: GroupInfo;
  readonly listing: ListChildren;

  constructor(
    readonly parent: ExplorerNode,
    readonly region: string,
    readonly kind: GroupKind,
    private readonly ctx: ExplorerContext,
  ) {
    this.id = `group|${region}|${kind}`;
    this.info = GROUPS[kind];
    this.listing = new ListChildren({
      owner: this,
      ctx,
      region,
      noun: this.info.noun,
      serviceName: SERVICE_NAMES[this.info.service],
      fetch: (token) => listGroupPage(ctx.aws, kind, region, ctx.pageSize(), token),
      makeNode: (item) => new ResourceNode(this, item, ctx),
      filter: () => ctx.filters.effective(this.filterKey),
    });
  }

  /** Where this group's filter is remembered. */
  get filterKey(): string {
    return `${this.region}/${this.kind}`;
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

  getChildren(): Promise<ExplorerNode[]> {
    return this.listing.getChildren();
  }

  reset(): void {
    this.listing.reset();
  }
}
