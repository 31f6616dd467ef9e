import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import type { GroupKind } from '../model/groups';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { GroupNode } from './groupNode';

/** "Step Functions": holds the State machines and Activities groups. */
export class ServiceNode implements ExplorerNode {
  readonly id: string;
  readonly groups: GroupNode[];

  constructor(
    readonly parent: ExplorerNode & { readonly region: string },
    readonly label: string,
    kinds: GroupKind[],
    ctx: ExplorerContext,
  ) {
    this.id = `service|${parent.region}|${label}`;
    this.groups = kinds.map((k) => new GroupNode(this, parent.region, k, ctx));
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.contextValue = contextValue(CONTEXT.service, CONTEXT.refreshable);
    return item;
  }

  getChildren(): ExplorerNode[] {
    return this.groups;
  }

  reset(): void {
    this.groups.forEach((g) => g.reset());
  }
}
