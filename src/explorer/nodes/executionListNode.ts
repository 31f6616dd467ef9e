import * as vscode from 'vscode';
import { pollFirstPage, RUNNING_STATUSES } from '../../core/runs/polling';
import { CONTEXT, contextValue } from '../contextValues';
import { followedChildren, type Pollable } from '../executionPolling';
import { listChildPage } from '../model/listing';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { ListChildren } from './listChildren';
import { MessageNode } from './messageNode';
import { ResourceNode } from './resourceNode';

const isRunning = (status: string | undefined) => status !== undefined && RUNNING_STATUSES.has(status);

/** ListExecutions' statusFilter values, with the words the filter picker shows. */
export const EXECUTION_STATUSES = [
  { status: 'RUNNING', label: 'Running' },
  { status: 'SUCCEEDED', label: 'Succeeded' },
  { status: 'FAILED', label: 'Failed' },
  { status: 'TIMED_OUT', label: 'Timed out' },
  { status: 'ABORTED', label: 'Aborted' },
  { status: 'PENDING_REDRIVE', label: 'Pending redrive' },
] as const;

/**
 * "Executions" under a state machine or version: newest first, paged, optionally one status
 * only; running ones refresh by themselves (ExecutionPoller). Express state machines have none
 * to list: their executions are recorded in CloudWatch Logs.
 */
export class ExecutionListNode implements Pollable {
  readonly id: string;
  readonly listing: ListChildren;
  statusFilter: string | undefined;

  constructor(
    readonly parent: ResourceNode,
    private readonly ctx: ExplorerContext,
  ) {
    this.id = `${parent.id}|stateMachineExecutions`;
    this.listing = new ListChildren({
      owner: this,
      ctx,
      region: parent.item.region,
      noun: `executions of ${parent.item.name}`,
      serviceName: 'Step Functions',
      fetch: (token) => listChildPage(ctx.aws, 'stateMachineExecutions', parent.item, ctx.pageSize(), token, { statusFilter: this.statusFilter }),
      makeNode: (item) => new ResourceNode(this, item, ctx),
    });
  }

  private get express(): boolean {
    return this.parent.item.type === 'EXPRESS';
  }

  getTreeItem(): vscode.TreeItem {
    const tree = new vscode.TreeItem('Executions', vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = this.id;
    tree.iconPath = new vscode.ThemeIcon('history');
    const label = EXECUTION_STATUSES.find((s) => s.status === this.statusFilter)?.label;
    tree.description = label ? `${label.toLowerCase()} only` : undefined;
    tree.contextValue = contextValue(CONTEXT.childList, CONTEXT.refreshable, !this.express && CONTEXT.executionList, this.statusFilter && CONTEXT.filtered);
    return tree;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (this.express) {
      return [new MessageNode(this, `${this.id}|express`, 'Express executions are not listed by Step Functions: they are recorded in the state machine\'s CloudWatch Logs log group.', 'info')];
    }
    return followedChildren(this, this.listing, this.ctx.poller, (e) => e.status, isRunning);
  }

  /** Lists the first page again and redraws; the poller calls this. */
  poll(): Promise<{ key: string; running: boolean }> {
    return pollFirstPage(this.listing, () => this.ctx.refresh(this), (e) => e.status, isRunning);
  }

  setStatusFilter(status: string | undefined): void {
    this.statusFilter = status;
    this.reset();
  }

  reset(): void {
    this.listing.reset();
  }
}
