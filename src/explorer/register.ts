import * as vscode from 'vscode';
import type { Logger } from '../core/log';

export const RESOURCES_VIEW_ID = 'awsWorkflows.resources';

/** Placeholder tree until the explorer lands: an empty tree so the welcome view shows. */
export function registerExplorer(context: vscode.ExtensionContext, _logger: Logger): void {
  const provider: vscode.TreeDataProvider<never> = {
    getTreeItem: (e) => e,
    getChildren: () => [],
  };
  context.subscriptions.push(vscode.window.createTreeView(RESOURCES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true }));
}
