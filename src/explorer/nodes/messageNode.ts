import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import type { ExplorerNode } from './explorerNode';

/** A leaf that says something: "No state machines in eu-west-1", "… is not offered in …". */
export class MessageNode implements ExplorerNode {
  constructor(
    readonly parent: ExplorerNode,
    readonly id: string,
    readonly message: string,
    private readonly icon: string = 'info',
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = contextValue(CONTEXT.message);
    return item;
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
