import * as vscode from 'vscode';
import type { AirflowRestApi } from '../../../airflow/restApi';
import { statusKey } from '../../../core/runs/polling';
import { CONTEXT, contextValue } from '../../contextValues';
import type { Pollable } from '../../executionPolling';
import { dagDescription, isActiveState, type DagItem, type DagRunItem } from '../../model/airflowItems';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { runStatusIcon } from '../icons';
import { ListChildren, type ListOwner } from '../listChildren';
import { DagRunNode } from './dagRunNode';

/**
 * A DAG: its recent runs beneath, newest first; while a run is queued or running it refreshes
 * itself through the explorer's poller (the one Step Functions executions use: ≤ 1 request per
 * 2 s, backing off, paused while the view is hidden or the DAG collapsed).
 */
export class DagNode implements ListOwner, Pollable {
  readonly id: string;
  readonly listing: ListChildren<DagRunItem>;

  constructor(
    readonly parent: ExplorerNode,
    public item: DagItem,
    private readonly ctx: ExplorerContext,
    readonly api: AirflowRestApi,
  ) {
    this.id = item.id;
    this.listing = new ListChildren<DagRunItem>({
      owner: this,
      ctx,
      region: api.region,
      noun: `runs of ${item.dag.dagId}`,
      serviceName: 'Amazon MWAA',
      fetch: async (token) => {
        const offset = token ? Number(token) : 0;
        const { runs, total } = await api.listRuns(this.item.dag.dagId, offset, Math.min(100, Math.max(1, ctx.pageSize())));
        const next = offset + runs.length;
        return { items: runs.map((run) => ({ id: `${this.id}|run|${run.runId}`, name: run.runId, run })), nextToken: runs.length > 0 && next < total ? String(next) : undefined };
      },
      makeNode: (run) => new DagRunNode(this, run, ctx, api),
    });
  }

  get dagId(): string {
    return this.item.dag.dagId;
  }

  getTreeItem(): vscode.TreeItem {
    const { dag, lastRun } = this.item;
    const tree = new vscode.TreeItem(dag.dagId, vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = this.id;
    tree.description = dagDescription(this.item);
    tree.iconPath = dag.paused ? new vscode.ThemeIcon('debug-pause') : lastRun ? runStatusIcon(lastRun.state) : new vscode.ThemeIcon('symbol-event');
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${escape(dag.dagId)}**${dag.description ? ` — ${escape(dag.description)}` : ''}\n\n`);
    tip.appendMarkdown(`Schedule: ${escape(dag.schedule ?? 'none (triggered only)')}  \nPaused: ${dag.paused ? 'yes' : 'no'}`);
    if (dag.tags.length) tip.appendMarkdown(`  \nTags: ${escape(dag.tags.join(', '))}`);
    if (lastRun) tip.appendMarkdown(`  \nLast run: ${escape(lastRun.runId)} (${lastRun.state})`);
    tree.tooltip = tip;
    tree.contextValue = contextValue(CONTEXT.airflowDag, dag.paused ? CONTEXT.dagPaused : CONTEXT.dagActive, CONTEXT.refreshable);
    return tree;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const children = await this.listing.getChildren();
    // Never fire a refresh from here: VS Code would drop the children it is being given.
    this.takeLastRun();
    this.ctx.poller.update(this, this.runsKey(), this.hasActiveRun());
    return children;
  }

  /** Lists the first page of runs again, then redraws once: the DAG's description and its runs change together. */
  async poll(): Promise<{ key: string; running: boolean }> {
    this.reset();
    await this.listing.list.ensureFirstPage();
    this.takeLastRun();
    this.ctx.refresh(this);
    return { key: this.runsKey(), running: this.hasActiveRun() };
  }

  private runsKey(): string {
    return statusKey(this.listing.list.items.map((r) => ({ id: r.id, status: r.run.state })));
  }

  private hasActiveRun(): boolean {
    return this.listing.list.items.some((r) => isActiveState(r.run.state));
  }

  /** The newest run listed is the DAG's last run; true when that changed what the DAG shows. */
  private takeLastRun(): boolean {
    const newest = this.listing.list.items[0]?.run;
    if (!newest || (newest.runId === this.item.lastRun?.runId && newest.state === this.item.lastRun.state)) return false;
    this.item = { ...this.item, lastRun: newest };
    return true;
  }

  /** After a trigger: the new run shows at once and is followed closely again. */
  watchRuns(): void {
    this.ctx.poller.pause(this.id);
    this.reset();
    this.ctx.refresh(this);
  }

  /** A new paused state from Pause/Unpause. */
  setPaused(paused: boolean): void {
    this.item = { ...this.item, dag: { ...this.item.dag, paused } };
    this.ctx.refresh(this);
  }

  reset(): void {
    this.listing.reset();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
