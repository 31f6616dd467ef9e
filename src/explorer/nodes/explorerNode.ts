import type * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import type { ExecutionPoller } from '../executionPolling';
import type { FilterStore } from '../filters';
import type { ExplorerAws } from '../model/listing';

/** What every node needs, passed down through constructors (no globals). */
export interface ExplorerContext {
  aws: ExplorerAws;
  pageSize(): number;
  filters: FilterStore;
  logger: Logger;
  /** Redraws a node (or the whole tree); the provider's onDidChangeTreeData. */
  refresh(node?: ExplorerNode): void;
  /** Shows the view's progress bar while `task` runs. */
  withProgress<T>(task: () => Promise<T>): Promise<T>;
  /** Refreshes lists with running executions until they end. */
  poller: ExecutionPoller;
}

export interface ExplorerNode {
  /** Unique and stable: the TreeItem id, so selection and expansion survive refreshes. */
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren(): ExplorerNode[] | Promise<ExplorerNode[]>;
  resolveTreeItem?(item: vscode.TreeItem, token: vscode.CancellationToken): Promise<vscode.TreeItem>;
  /** Forgets what was loaded beneath, so the next expand lists again. */
  reset?(): void;
}
