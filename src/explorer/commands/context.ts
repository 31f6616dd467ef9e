import * as vscode from 'vscode';
import type { DefinitionContentProvider } from '../definitionProvider';
import type { FilterStore } from '../filters';
import type { ExplorerAws } from '../model/listing';
import type { ExplorerNode } from '../nodes/explorerNode';
import type { ResourcesTreeProvider } from '../provider';

/** Side effects outside the editor, behind one seam so in-host tests can observe them. */
export interface ExplorerEnvironment {
  openExternal(uri: vscode.Uri): Thenable<boolean>;
  writeClipboard(text: string): Thenable<void>;
  /** Start Execution's prompts; in-host tests answer them (unset: the real quick pick and input box). */
  pick?<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  ask?(options: vscode.InputBoxOptions): Thenable<string | undefined>;
}

export const vscodeEnvironment: ExplorerEnvironment = {
  openExternal: (uri) => vscode.env.openExternal(uri),
  writeClipboard: (text) => vscode.env.clipboard.writeText(text),
};

export interface ExplorerCommandContext {
  provider: ResourcesTreeProvider;
  treeView: vscode.TreeView<ExplorerNode>;
  aws: ExplorerAws;
  definitions: DefinitionContentProvider;
  filters: FilterStore;
  env: ExplorerEnvironment;
  /** Workspace state (Start Execution's last used input per state machine). */
  state?: vscode.Memento;
}
