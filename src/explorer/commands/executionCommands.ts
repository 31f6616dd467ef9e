// Executions in the tree: filter a list by status, Stop and Redrive one execution.

import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import { UserCancelled } from '../../common/commands';
import { redriveExecution, stopExecution, type ExecutionRef } from '../model/executionActions';
import { EXECUTION_STATUSES, ExecutionListNode } from '../nodes/executionListNode';
import type { ExplorerNode } from '../nodes/explorerNode';
import { ResourceNode } from '../nodes/resourceNode';
import type { ExplorerCommandContext } from './context';
import { FILTER_EXECUTIONS_COMMAND, STOP_EXECUTION_COMMAND, REDRIVE_EXECUTION_COMMAND } from './commandIds';

export interface FilterExecutionsOptions {
  /** A ListExecutions status, or '' for all; skips the picker. */
  status?: string;
}

export function filterExecutionsCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: FILTER_EXECUTIONS_COMMAND,
    execute: async (node?: unknown, options?: FilterExecutionsOptions) => {
      if (!(node instanceof ExecutionListNode)) throw new Error('Choose an Executions list in the AWS Workflows view to filter.');
      let status = options?.status;
      if (status === undefined) {
        type Pick = vscode.QuickPickItem & { status: string };
        const picks: Pick[] = [{ label: 'All statuses', status: '' }, ...EXECUTION_STATUSES.map((s) => ({ label: s.label, status: s.status, picked: s.status === node.statusFilter }))];
        const chosen = await vscode.window.showQuickPick(picks, { title: `Executions of ${node.parent.item.name}`, placeHolder: 'Show executions with this status' });
        if (!chosen) throw new UserCancelled();
        status = chosen.status;
      }
      node.setStatusFilter(status || undefined);
      cmd.provider.redraw(node);
    },
  };
}

/** The execution a command is about: a tree node, or `{region, executionArn}` (palette, webview, tests). */
function executionRef(arg: unknown): { ref: ExecutionRef; node?: ResourceNode } {
  if (arg instanceof ResourceNode && arg.item.kind === 'stateMachineExecution' && arg.item.arn) return { ref: { region: arg.item.region, executionArn: arg.item.arn }, node: arg };
  const given = arg as Partial<ExecutionRef> | undefined;
  if (given?.region && given.executionArn) return { ref: { region: given.region, executionArn: given.executionArn } };
  throw new Error('Choose an execution in the AWS Workflows view.');
}

/** After a change, the list the execution is in lists again (and polls while it runs). */
function relist(cmd: ExplorerCommandContext, node: ResourceNode | undefined): void {
  const list: ExplorerNode | undefined = node?.parent;
  if (list instanceof ExecutionListNode) cmd.provider.refresh(list);
}

/** Stop or Redrive: the action's sentence is shown, and the list the execution is in lists again. */
function executionActionCommand(cmd: ExplorerCommandContext, id: string, action: (aws: ExplorerCommandContext['aws'], ref: ExecutionRef) => Promise<string>): Command {
  return {
    id,
    execute: async (arg?: unknown) => {
      const { ref, node } = executionRef(arg);
      const done = await action(cmd.aws, ref);
      relist(cmd, node);
      void vscode.window.showInformationMessage(done);
      return done;
    },
  };
}

export const stopExecutionCommand = (cmd: ExplorerCommandContext): Command => executionActionCommand(cmd, STOP_EXECUTION_COMMAND, (aws, ref) => stopExecution(aws, ref));
export const redriveExecutionCommand = (cmd: ExplorerCommandContext): Command => executionActionCommand(cmd, REDRIVE_EXECUTION_COMMAND, redriveExecution);
