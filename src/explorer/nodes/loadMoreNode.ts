import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import type { ExplorerNode } from './explorerNode';
import type { ListOwner } from './listChildren';
import { LOAD_MORE_COMMAND } from '../commands/commandIds';

export { LOAD_MORE_COMMAND };
export const LOAD_MORE_LABEL = 'Load more…';

/** The last child of a list while the service has more pages. */
export class LoadMoreNode implements ExplorerNode {
  readonly id: string;
  constructor(readonly parent: ListOwner) {
    this.id = `${parent.id}|loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(LOAD_MORE_LABEL, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    const loaded = this.parent.listing.list.items.length;
    item.tooltip = `${loaded} loaded; load the next ${this.parent.listing.noun}`;
    item.contextValue = contextValue(CONTEXT.loadMore);
    item.command = { command: LOAD_MORE_COMMAND, title: LOAD_MORE_LABEL, arguments: [this] };
    return item;
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
