import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import { CHILD_LISTS, type ChildListKind } from '../model/resources';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import type { ListChildren, ListOwner } from './listChildren';
import { childListing, type ResourceNode } from './resourceNode';

/** "Versions" and "Aliases" under a state machine, "Versions" under an MWAA Serverless workflow (its runs have ServerlessRunListNode). */
export class ChildListNode implements ListOwner {
  readonly id: string;
  readonly listing: ListChildren;

  constructor(
    readonly parent: ResourceNode,
    readonly kind: ChildListKind,
    ctx: ExplorerContext,
  ) {
    this.id = `${parent.id}|${kind}`;
    this.listing = childListing(this, kind, ctx, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const tree = new vscode.TreeItem(CHILD_LISTS[this.kind].label, vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = this.id;
    tree.iconPath = new vscode.ThemeIcon('versions');
    tree.contextValue = contextValue(CONTEXT.childList, CONTEXT.refreshable);
    return tree;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return this.listing.getChildren();
  }

  reset(): void {
    this.listing.reset();
  }
}
