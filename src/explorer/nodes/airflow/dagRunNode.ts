import * as vscode from 'vscode';
import type { AirflowRestApi } from '../../../airflow/restApi';
import { CONTEXT, contextValue } from '../../contextValues';
import { runDescription, type DagRunItem, type TaskInstanceItem } from '../../model/airflowItems';
import { formatTime } from '../../model/resources';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { runStatusIcon } from '../icons';
import { ListChildren, type ListOwner } from '../listChildren';
import { TaskInstanceNode } from './taskInstanceNode';

/** One DAG run; its task instances beneath (one request: a run has at most 100 shown). */
export class DagRunNode implements ListOwner {
  readonly id: string;
  readonly listing: ListChildren<TaskInstanceItem>;

  constructor(
    readonly parent: ExplorerNode & { dagId: string },
    readonly item: DagRunItem,
    ctx: ExplorerContext,
    api: AirflowRestApi,
  ) {
    this.id = item.id;
    const { run } = item;
    this.listing = new ListChildren<TaskInstanceItem>({
      owner: this,
      ctx,
      region: api.region,
      noun: `task instances of ${run.runId}`,
      serviceName: 'Amazon MWAA',
      fetch: async () => {
        const tasks = await api.listTaskInstances(run.dagId, run.runId);
        return { items: tasks.map((task) => ({ id: `${this.id}|task|${task.taskId}|${task.mapIndex}`, name: task.taskId, task, dagId: run.dagId, runId: run.runId })) };
      },
      makeNode: (task) => new TaskInstanceNode(this, task, api),
    });
  }

  getTreeItem(): vscode.TreeItem {
    const { run } = this.item;
    const tree = new vscode.TreeItem(run.runId, vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = this.id;
    tree.description = runDescription(run);
    tree.iconPath = runStatusIcon(run.state);
    const lines = [`Run ${run.runId} of ${run.dagId}: ${run.state}`];
    if (run.runType) lines.push(`Type: ${run.runType}`);
    if (run.logicalDate) lines.push(`Logical date: ${formatTime(run.logicalDate)}`);
    if (run.startDate) lines.push(`Started: ${formatTime(run.startDate)}`);
    if (run.endDate) lines.push(`Ended: ${formatTime(run.endDate)}`);
    if (run.conf) lines.push(`Conf: ${JSON.stringify(run.conf).slice(0, 500)}`);
    tree.tooltip = lines.join('\n');
    tree.contextValue = contextValue(CONTEXT.airflowRun);
    return tree;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return this.listing.getChildren();
  }

  reset(): void {
    this.listing.reset();
  }
}
