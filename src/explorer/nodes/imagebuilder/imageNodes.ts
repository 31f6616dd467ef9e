// Image Builder images → build versions → workflow executions → steps, under "Image Builder images"
// (imagesGroupNode.ts, loaded with it on a region's first expand). Build versions and
// executions that still move refresh themselves through the explorer's poller (≤ 1 request per
// 2 s per list, backing off, paused while the view is hidden or the list collapsed).

import * as vscode from 'vscode';
import { SHOW_WORKFLOW_STEP_COMMAND } from '../../commands/airflowCommandIds';
import { CONTEXT, contextValue } from '../../contextValues';
import { pollFirstPage } from '../../../core/runs/polling';
import { followedChildren, type Pollable } from '../../executionPolling';
import {
  executionDescription,
  type ImageBuilderRuns,
  imageBuildLabel,
  isActiveExecution,
  isActiveImage,
  isActiveStep,
  stepDescription,
  workflowLabel,
  type ImageBuildItem,
  type ImageVersionItem,
  type WorkflowExecutionItem,
  type WorkflowStepItem,
} from '../../model/imageBuilderRuns';
import { formatTime } from '../../model/resources';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { runStatusIcon } from '../icons';
import { ListChildren, type ListItem, type ListOwner } from '../listChildren';
import type { Page } from '../../model/resources';

/** Keeps one node per id across polls, with the newest item: expansion and selection survive a relist. */
class NodeCache<T extends ListItem, N extends { item: T }> {
  private readonly nodes = new Map<string, N>();
  constructor(private readonly make: (item: T) => N) {}
  get(item: T): N {
    const node = this.nodes.get(item.id);
    if (node) {
      node.item = item;
      return node;
    }
    const made = this.make(item);
    this.nodes.set(item.id, made);
    return made;
  }
}

/**
 * Image Builder's statuses in the words the shared icons know (COMPLETED is a success; a completed
 * rollback means the workflow failed; CANCELLED and SKIPPED steps never ran).
 */
const ICON_STATUS: Record<string, string> = { COMPLETED: 'SUCCEEDED', ROLLBACK_IN_PROGRESS: 'RUNNING', ROLLBACK_COMPLETED: 'FAILED', CANCELLED: 'STOPPED', SKIPPED: 'STOPPED' };

function statusIcon(status: string | undefined): vscode.ThemeIcon {
  if (status === 'PENDING') return new vscode.ThemeIcon('circle-outline');
  if (status === 'CANCELLED' || status === 'SKIPPED') return new vscode.ThemeIcon('circle-slash');
  return runStatusIcon(status === undefined ? undefined : (ICON_STATUS[status] ?? status));
}

/**
 * A node whose children are one paged list that the explorer's poller lists again while any item
 * still moves (its first page, ≤ 1 request per 2 s, backing off; paused while hidden or collapsed).
 * Nodes are kept per id across polls (NodeCache), so expansion survives and items stay current.
 */
abstract class PolledListNode<T extends ListItem, N extends ExplorerNode & { item: T }> implements ListOwner, Pollable {
  readonly id: string;
  readonly listing: ListChildren<T>;

  constructor(
    readonly parent: ExplorerNode,
    item: { id: string; name: string; region: string },
    protected readonly ctx: ExplorerContext,
    list: { noun: string; fetch: (token: string | undefined) => Promise<Page<T>>; make: (item: T) => N },
    private readonly statusOf: (item: T) => string | undefined,
    private readonly active: (status: string | undefined) => boolean,
  ) {
    this.id = item.id;
    const nodes = new NodeCache<T, N>(list.make);
    this.listing = new ListChildren<T>({
      owner: this,
      ctx,
      region: item.region,
      noun: `${list.noun} of ${item.name}`,
      serviceName: 'EC2 Image Builder',
      fetch: list.fetch,
      makeNode: (i) => nodes.get(i),
    });
  }

  abstract getTreeItem(): vscode.TreeItem;

  /** Whether to keep polling even when no listed item moves. */
  protected stillMoving(): boolean {
    return false;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return followedChildren(this, this.listing, this.ctx.poller, this.statusOf, this.active, () => this.stillMoving());
  }

  poll(): Promise<{ key: string; running: boolean }> {
    return pollFirstPage(this.listing, () => this.ctx.refresh(this), this.statusOf, this.active);
  }

  reset(): void {
    this.listing.reset();
  }
}

/** One image version (ListImages); its build versions beneath, listed again while one is being built. */
export class ImageVersionNode extends PolledListNode<ImageBuildItem, ImageBuildNode> {
  constructor(
    parent: ExplorerNode,
    public item: ImageVersionItem,
    ctx: ExplorerContext,
    runs: ImageBuilderRuns,
  ) {
    super(
      parent,
      item,
      ctx,
      { noun: 'build versions', fetch: (token) => runs.listBuilds(this.item, ctx.pageSize(), token), make: (b) => new ImageBuildNode(this, b, ctx, runs) },
      (b) => b.status,
      isActiveImage,
    );
  }

  getTreeItem(): vscode.TreeItem {
    const tree = new vscode.TreeItem(this.item.name, vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = this.id;
    tree.iconPath = new vscode.ThemeIcon('package');
    tree.description = [this.item.platform, this.item.osVersion].filter(Boolean).join(' · ');
    tree.tooltip = [this.item.arn, ...(this.item.createdAt ? [`Created ${formatTime(this.item.createdAt)}`] : [])].join('\n');
    tree.contextValue = contextValue(CONTEXT.childList, CONTEXT.refreshable);
    return tree;
  }
}

/** One image build version: its status, and the workflow executions it ran, in order. */
export class ImageBuildNode extends PolledListNode<WorkflowExecutionItem, WorkflowExecutionNode> {
  constructor(
    parent: ExplorerNode,
    public item: ImageBuildItem,
    ctx: ExplorerContext,
    runs: ImageBuilderRuns,
  ) {
    super(
      parent,
      item,
      ctx,
      { noun: 'workflow executions', fetch: (token) => runs.listExecutions(this.item.arn, ctx.pageSize(), token), make: (e) => new WorkflowExecutionNode(this, e, ctx, runs) },
      (e) => e.status,
      isActiveExecution,
    );
  }

  getTreeItem(): vscode.TreeItem {
    const { item } = this;
    const tree = new vscode.TreeItem(imageBuildLabel(item.arn), vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = this.id;
    tree.description = item.status;
    tree.iconPath = statusIcon(item.status);
    const lines = [item.arn];
    if (item.status) lines.push(`Status: ${item.status}${item.reason ? ` — ${item.reason}` : ''}`);
    if (item.createdAt) lines.push(`Created ${formatTime(item.createdAt)}`);
    if (item.amis.length) lines.push(`AMIs: ${item.amis.join(', ')}`);
    tree.tooltip = lines.join('\n');
    tree.contextValue = contextValue(CONTEXT.childList, CONTEXT.refreshable);
    return tree;
  }
}

/** One workflow execution of a build: its steps beneath; Show Execution Details shows GetWorkflowExecution. */
export class WorkflowExecutionNode extends PolledListNode<WorkflowStepItem, WorkflowStepNode> {
  declare readonly parent: ImageBuildNode;

  constructor(
    parent: ImageBuildNode,
    public item: WorkflowExecutionItem,
    ctx: ExplorerContext,
    readonly runs: ImageBuilderRuns,
  ) {
    super(
      parent,
      item,
      ctx,
      { noun: 'steps', fetch: (token) => runs.listSteps(this.item, ctx.pageSize(), token), make: (st) => new WorkflowStepNode(this, st, runs) },
      (st) => st.status,
      isActiveStep,
    );
  }

  getTreeItem(): vscode.TreeItem {
    const { item } = this;
    const tree = new vscode.TreeItem(item.name, vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = this.id;
    tree.description = executionDescription(item);
    tree.iconPath = statusIcon(item.status);
    const lines = [`${workflowLabel(item.workflowArn)} (${item.type ?? 'workflow'}): ${item.status ?? 'unknown'}`, `Execution ${item.executionId}`];
    if (item.message) lines.push(item.message);
    if (item.totalSteps !== undefined) lines.push(`Steps: ${item.totalSteps} — ${item.succeeded ?? 0} succeeded, ${item.failed ?? 0} failed, ${item.skipped ?? 0} skipped`);
    if (item.startedAt) lines.push(`Started ${formatTime(item.startedAt)}`);
    if (item.endedAt) lines.push(`Ended ${formatTime(item.endedAt)}`);
    if (item.parallelGroup) lines.push(`Parallel group: ${item.parallelGroup}`);
    if (item.retried) lines.push('Retried');
    tree.tooltip = lines.join('\n');
    tree.contextValue = contextValue(CONTEXT.workflowExecution, CONTEXT.refreshable);
    return tree;
  }

  /** The rollback runs after the last step has settled: keep following until the execution ends. */
  protected override stillMoving(): boolean {
    return isActiveExecution(this.item.status);
  }

  override async poll(): Promise<{ key: string; running: boolean }> {
    const state = await super.poll();
    if (!state.running && this.stillMoving()) {
      this.item = { ...this.item, ...(await this.runs.getExecution(this.item.executionId).then(executionUpdate)) };
      this.ctx.refresh(this);
    }
    return { key: `${state.key}\n${this.item.status}`, running: state.running || isActiveExecution(this.item.status) };
  }

  /** After Resume/Stop: list the steps again now, and follow them closely until they settle. */
  watch(): void {
    this.ctx.poller.restart(this, (node) => this.ctx.refresh(node));
  }
}

function executionUpdate(out: Awaited<ReturnType<ImageBuilderRuns['getExecution']>>): Partial<WorkflowExecutionItem> {
  return {
    status: out.status,
    message: out.message,
    totalSteps: out.totalStepCount,
    succeeded: out.totalStepsSucceeded,
    failed: out.totalStepsFailed,
    skipped: out.totalStepsSkipped,
    endedAt: out.endTime ? new Date(out.endTime) : undefined,
  };
}

/** One step; a waiting WaitForAction step offers Resume and Stop. Click shows GetWorkflowStepExecution. */
export class WorkflowStepNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    public item: WorkflowStepItem,
    readonly runs: ImageBuilderRuns,
  ) {
    this.id = `${parent.id}|${item.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { item } = this;
    const inWaitingList = !(this.parent instanceof WorkflowExecutionNode);
    const tree = new vscode.TreeItem(item.name, vscode.TreeItemCollapsibleState.None);
    tree.id = this.id;
    tree.description = inWaitingList ? `${imageBuildLabel(item.imageArn)} · ${workflowLabel(item.workflowArn)}${item.startedAt ? ` · since ${formatTime(item.startedAt)}` : ''}` : stepDescription(item);
    tree.iconPath = item.waiting ? new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('list.warningForeground')) : statusIcon(item.status);
    const lines = [`${item.name}${item.action ? ` (${item.action})` : ''}: ${item.waiting ? 'waiting for an action' : (item.status ?? 'unknown')}`];
    if (item.description) lines.push(item.description);
    if (item.message) lines.push(item.message);
    if (item.rollbackStatus) lines.push(`Rollback: ${item.rollbackStatus}`);
    if (item.startedAt) lines.push(`Started ${formatTime(item.startedAt)}`);
    if (item.endedAt) lines.push(`Ended ${formatTime(item.endedAt)}`);
    lines.push(`Image build: ${item.imageArn}`);
    tree.tooltip = lines.join('\n');
    tree.contextValue = contextValue(item.waiting && CONTEXT.waitingStep);
    tree.command = { command: SHOW_WORKFLOW_STEP_COMMAND, title: 'Show Step Details', arguments: [this] };
    return tree;
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
