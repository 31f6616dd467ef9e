import * as vscode from 'vscode';
import type { AirflowRestApi } from '../../../airflow/restApi';
import { SHOW_TASK_LOG_COMMAND } from '../../commands/airflowCommandIds';
import { CONTEXT, contextValue } from '../../contextValues';
import { taskInstanceDescription, type TaskInstanceItem } from '../../model/airflowItems';
import { formatTime } from '../../model/resources';
import type { ExplorerNode } from '../explorerNode';
import { runStatusIcon } from '../icons';


/** A task instance of a run: state, try, duration; click shows the log of its latest try. */
export class TaskInstanceNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    readonly item: TaskInstanceItem,
    readonly api: AirflowRestApi,
  ) {
    this.id = item.id;
  }

  getTreeItem(): vscode.TreeItem {
    const { task } = this.item;
    const tree = new vscode.TreeItem(task.mapIndex >= 0 ? `${task.taskId} [${task.mapIndex}]` : task.taskId, vscode.TreeItemCollapsibleState.None);
    tree.id = this.id;
    tree.description = taskInstanceDescription(task);
    tree.iconPath = task.state ? runStatusIcon(task.state) : new vscode.ThemeIcon('circle-outline');
    const lines = [`${task.taskId}: ${task.state ?? 'not started'}`];
    if (task.operator) lines.push(`Operator: ${task.operator}`);
    if (task.tryNumber) lines.push(`Try: ${task.tryNumber}`);
    if (task.startDate) lines.push(`Started: ${formatTime(task.startDate)}`);
    if (task.endDate) lines.push(`Ended: ${formatTime(task.endDate)}`);
    tree.tooltip = lines.join('\n');
    const hasLog = task.tryNumber > 0;
    tree.contextValue = contextValue(CONTEXT.airflowTask, hasLog && CONTEXT.taskLog);
    // A click opens the latest try; the inline and context menu action asks which try.
    if (hasLog) tree.command = { command: SHOW_TASK_LOG_COMMAND, title: 'Show Task Log', arguments: [this, task.tryNumber] };
    return tree;
  }

  getChildren(): ExplorerNode[] {
    return [];
  }
}
