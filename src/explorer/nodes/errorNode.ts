import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import type { ExplorerNode } from './explorerNode';
import type { ListOwner } from './listChildren';
import { RETRY_COMMAND } from '../commands/commandIds';

export { RETRY_COMMAND };

/** "Could not list state machines — <reason>": the one child of a list whose request failed. */
export class ErrorNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ListOwner,
    readonly noun: string,
    readonly reason: string,
  ) {
    this.id = `${parent.id}|error`;
  }

  get label(): string {
    return `Could not list ${this.noun} — ${this.reason}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = new vscode.MarkdownString().appendText(`${this.reason}\n\nClick to try again.`);
    item.contextValue = contextValue(CONTEXT.error);
    item.command = { command: RETRY_COMMAND, title: 'Retry', arguments: [this] };
    return item;
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
