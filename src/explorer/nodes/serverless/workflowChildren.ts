// Under an MWAA Serverless workflow: its versions, and its recent runs, which refresh themselves
// while one is active (the explorer's poller: ≤ 1 request per 2 s, backing off, paused while the
// view is hidden or the list collapsed). Under a run, its task instances with status, attempt,
// duration and error. Loaded on the first expand of a workflow (resourceNode.ts).

import * as vscode from 'vscode';
import { SHOW_SERVERLESS_TASK_LOG_COMMAND } from '../../commands/airflowCommandIds';
import { CONTEXT, contextValue } from '../../contextValues';
import { pollFirstPage } from '../../../core/runs/polling';
import { followedChildren, type Pollable } from '../../executionPolling';
import { listChildPage } from '../../model/listing';
import { formatDuration, formatTime, type ResourceItem } from '../../model/resources';
import { ACTIVE_RUN_STATUSES, canStopRun, listServerlessTasks, type ServerlessRunRef, type ServerlessTask } from '../../model/serverlessRuns';
import { ChildListNode } from '../childListNode';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { runStatusIcon } from '../icons';
import { ListChildren, type ListOwner } from '../listChildren';
import { ResourceNode } from '../resourceNode';

/** contextValue tags of these nodes (package.json's menus match them); kept here, off the activation path. */
const TAGS = { stopRun: 'canStopRun', task: 'awsWorkflowsServerlessTask', taskLog: 'hasServerlessTaskLog' } as const;

const isActive = (status: string | undefined) => status !== undefined && ACTIVE_RUN_STATUSES.has(status);

export function workflowChildren(workflow: ResourceNode, ctx: ExplorerContext): ExplorerNode[] {
  return [new ChildListNode(workflow, 'mwaaServerlessVersions', ctx), new ServerlessRunListNode(workflow, ctx)];
}

/** "Recent runs": newest first, paged; polls while a run is starting, queued, running or stopping. */
export class ServerlessRunListNode implements ListOwner, Pollable {
  readonly id: string;
  readonly listing: ListChildren;

  constructor(
    readonly parent: ResourceNode,
    private readonly ctx: ExplorerContext,
  ) {
    this.id = `${parent.id}|mwaaServerlessRuns`;
    this.listing = new ListChildren({
      owner: this,
      ctx,
      region: parent.item.region,
      noun: `runs of ${parent.item.name}`,
      serviceName: 'MWAA Serverless',
      fetch: (token) => listChildPage(ctx.aws, 'mwaaServerlessRuns', parent.item, ctx.pageSize(), token),
      makeNode: (item) => new ServerlessRunNode(this, item, ctx),
    });
  }

  getTreeItem(): vscode.TreeItem {
    const tree = new vscode.TreeItem('Recent runs', vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = this.id;
    tree.iconPath = new vscode.ThemeIcon('history');
    tree.contextValue = contextValue(CONTEXT.childList, CONTEXT.refreshable);
    return tree;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return followedChildren(this, this.listing, this.ctx.poller, (r) => r.status, isActive);
  }

  /** Lists the first page again and redraws (expanded runs list their tasks again); the poller calls this. */
  poll(): Promise<{ key: string; running: boolean }> {
    return pollFirstPage(this.listing, () => this.ctx.refresh(this), (r) => r.status, isActive);
  }

  /** After Start Run or Stop Run: list at once and follow closely again. */
  watch(): void {
    this.ctx.poller.restart(this, (node) => this.ctx.refresh(node));
  }

  reset(): void {
    this.listing.reset();
  }
}

/** One run: status icon, start time and duration; its task instances beneath. */
export class ServerlessRunNode extends ResourceNode {
  readonly tasks: ListChildren<ServerlessTask>;
  readonly run: ServerlessRunRef;

  constructor(
    readonly runList: ServerlessRunListNode,
    item: ResourceItem,
    ctx: ExplorerContext,
  ) {
    super(runList, item, ctx);
    this.run = { region: item.region, workflowArn: item.arn ?? '', workflowName: item.workflowName ?? '', runId: item.name, workflowVersion: item.workflowVersion };
    this.tasks = new ListChildren<ServerlessTask>({
      owner: this,
      ctx,
      region: item.region,
      noun: `task instances of run ${item.name}`,
      serviceName: 'MWAA Serverless',
      fetch: (token) => listServerlessTasks(ctx.aws, this.run, ctx.pageSize(), token, this.id),
      makeNode: (task) => new ServerlessTaskNode(this, task),
    });
    // "Load more…" and "Retry" under the run act on its owner's listing: the task instances.
    Object.assign(this, { listing: this.tasks });
  }

  override get hasChildren(): boolean {
    return true;
  }

  override getTreeItem(): vscode.TreeItem {
    const tree = super.getTreeItem();
    tree.contextValue = contextValue(tree.contextValue, CONTEXT.refreshable, canStopRun(this.item.status) && TAGS.stopRun);
    return tree;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return this.tasks.getChildren();
  }

  override reset(): void {
    super.reset();
    this.tasks.reset();
  }
}

function taskDescription(task: ServerlessTask): string {
  const parts: string[] = [task.status ?? 'no status'];
  if (task.attempt) parts.push(`attempt ${task.attempt}`);
  if (task.durationSeconds !== undefined) parts.push(formatDuration(task.durationSeconds * 1000));
  if (task.error) parts.push(task.error.length > 80 ? `${task.error.slice(0, 79)}…` : task.error);
  return parts.join(' · ');
}

/** A task instance of a run; a click shows its log. */
export class ServerlessTaskNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ServerlessRunNode,
    readonly task: ServerlessTask,
  ) {
    this.id = task.id;
  }

  getTreeItem(): vscode.TreeItem {
    const { task } = this;
    const tree = new vscode.TreeItem(task.taskId, vscode.TreeItemCollapsibleState.None);
    tree.id = this.id;
    tree.description = taskDescription(task);
    tree.iconPath = task.status && task.status !== 'NONE' ? runStatusIcon(task.status) : new vscode.ThemeIcon('circle-outline');
    const lines = [`${task.taskId}: ${task.status ?? 'no status'}`];
    if (task.operator) lines.push(`Operator: ${task.operator}`);
    if (task.attempt) lines.push(`Attempt: ${task.attempt}`);
    if (task.startedAt) lines.push(`Started: ${formatTime(task.startedAt)}`);
    if (task.endedAt) lines.push(`Ended: ${formatTime(task.endedAt)}`);
    if (task.durationSeconds !== undefined) lines.push(`Duration: ${formatDuration(task.durationSeconds * 1000)}`);
    if (task.error) lines.push(`Error: ${task.error}`);
    if (task.logStream) lines.push(`Log stream: ${task.logStream}`);
    tree.tooltip = lines.join('\n');
    tree.contextValue = contextValue(TAGS.task, task.logStream && TAGS.taskLog);
    if (task.logStream) tree.command = { command: SHOW_SERVERLESS_TASK_LOG_COMMAND, title: 'Show Task Log', arguments: [this] };
    return tree;
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
