// Resume / Stop a workflow step waiting on WaitForAction (SendWorkflowStepAction), and the details
// of a workflow execution or step (GetWorkflowExecution / GetWorkflowStepExecution) in a read-only
// JSON document. Loaded on first use.

import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import { UserCancelled } from '../../common/commands';
import { confirmation, imageBuildLabel, parsedJson, reasonProblem, type StepAction } from '../model/imageBuilderRuns';
import type { ExplorerNode } from '../nodes/explorerNode';
import { ImagesGroupNode } from '../nodes/imagebuilder/imagesGroupNode';
import { WorkflowExecutionNode, WorkflowStepNode } from '../nodes/imagebuilder/imageNodes';
import type { ExplorerCommandContext } from './context';
import { RESUME_WORKFLOW_STEP_COMMAND, SHOW_WORKFLOW_EXECUTION_COMMAND, SHOW_WORKFLOW_STEP_COMMAND, STOP_WORKFLOW_STEP_COMMAND } from './airflowCommandIds';

export interface StepActionOptions {
  /** Skips the input box ('' for none). */
  reason?: string;
  /** Skips the modal confirmation (tests, keybindings that already asked). */
  confirmed?: boolean;
}

function stepNodeOf(node: unknown, title: string): WorkflowStepNode {
  if (node instanceof WorkflowStepNode) return node;
  throw new Error(`${title} works on a workflow step in the AWS Workflows view: expand Image Builder images (or Waiting for an action) and choose a step.`);
}

/** Resume or Stop: reads the step (what it waits for, whether it still waits), asks for a reason, confirms, sends. */
function stepActionCommand(cmd: ExplorerCommandContext, id: string, action: StepAction): Command {
  const title = action === 'RESUME' ? 'Resume Step' : 'Stop Step';
  return {
    id,
    execute: async (node?: unknown, options: StepActionOptions = {}) => {
      const step = stepNodeOf(node, title);
      const { runs } = step;
      const current = await runs.getStep(step.item.stepId);
      const item = { ...step.item, description: current.description ?? step.item.description, message: current.message, startedAt: current.startTime ? new Date(current.startTime) : step.item.startedAt };
      if (current.action !== 'WaitForAction' || current.status !== 'RUNNING') {
        throw new Error(`Did not ${action === 'RESUME' ? 'resume' : 'stop'} ${item.name}: it is not waiting for an action (it is ${current.status ?? 'in an unknown state'}). Refresh to see it.`);
      }
      const reason =
        options.reason ??
        (await vscode.window.showInputBox({
          title: `${title}: ${item.name} of ${imageBuildLabel(item.imageArn)}`,
          prompt: 'Reason (optional): recorded with the action',
          validateInput: reasonProblem,
        }));
      if (reason === undefined) throw new UserCancelled();
      const problem = reasonProblem(reason);
      if (problem) throw new Error(`Did not send ${action}: ${problem}`);
      if (!options.confirmed) {
        const { message, detail } = confirmation(item, action, reason);
        const verb = action === 'RESUME' ? 'Resume' : 'Stop';
        if ((await vscode.window.showWarningMessage(message, { modal: true, detail }, verb)) !== verb) throw new UserCancelled();
      }
      // One token per decision: a retry of this request (SDK retries) is taken once.
      await runs.sendAction(item, action, reason || undefined, randomUUID());
      afterAction(cmd, step);
      const done = `${action === 'RESUME' ? 'Resumed' : 'Stopped'} ${item.name} of ${imageBuildLabel(item.imageArn)}.`;
      void vscode.window.showInformationMessage(done);
      return done;
    },
  };
}

/** The step's execution lists its steps again and follows them; the waiting list drops the step. */
function afterAction(cmd: ExplorerCommandContext, step: WorkflowStepNode): void {
  if (step.parent instanceof WorkflowExecutionNode) step.parent.watch();
  let group: ExplorerNode | undefined = step.parent;
  while (group && !(group instanceof ImagesGroupNode)) group = group.parent;
  if (group instanceof ImagesGroupNode) cmd.provider.refresh(group.waiting);
}

async function showJson(cmd: ExplorerCommandContext, region: string, name: string, value: unknown): Promise<{ uri: string; text: string }> {
  const text = JSON.stringify(value, null, 2) + '\n';
  const uri = cmd.definitions.publish(region, 'imagebuilder-workflow-executions', `${name}.json`, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
  return { uri: uri.toString(), text };
}

/** GetWorkflowExecution in a read-only JSON document. */
export function showWorkflowExecutionCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: SHOW_WORKFLOW_EXECUTION_COMMAND,
    execute: async (node?: unknown) => {
      if (!(node instanceof WorkflowExecutionNode)) throw new Error('Show Execution Details works on a workflow execution in the AWS Workflows view: expand an image build and choose an execution.');
      const { requestId: _requestId, ...out } = await node.runs.getExecution(node.item.executionId);
      return showJson(cmd, node.item.region, node.item.executionId, out);
    },
  };
}

/** GetWorkflowStepExecution in a read-only JSON document, its inputs and outputs as JSON. */
export function showWorkflowStepCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: SHOW_WORKFLOW_STEP_COMMAND,
    execute: async (node?: unknown) => {
      const step = stepNodeOf(node, 'Show Step Details');
      const { requestId: _requestId, inputs, outputs, ...out } = await step.runs.getStep(step.item.stepId);
      return showJson(cmd, step.item.region, `${step.item.name}.${step.item.stepId}`, { ...out, inputs: parsedJson(inputs), outputs: parsedJson(outputs) });
    },
  };
}

/** The four commands, for registerLazyCommands. */
export function imageBuilderCommands(cmd: ExplorerCommandContext): Command[] {
  return [
    stepActionCommand(cmd, RESUME_WORKFLOW_STEP_COMMAND, 'RESUME'),
    stepActionCommand(cmd, STOP_WORKFLOW_STEP_COMMAND, 'STOP'),
    showWorkflowExecutionCommand(cmd),
    showWorkflowStepCommand(cmd),
  ];
}
