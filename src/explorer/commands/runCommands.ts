// Start execution (state machines) and Start run (MWAA Serverless).

import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import { UserCancelled } from '../../common/commands';
import { describeExecution, startExecution, startWorkflowRun, validateExecutionInput } from '../model/details';
import type { ExplorerCommandContext } from './context';
import { resolveResource } from './target';
import { START_EXECUTION_COMMAND, SHOW_EXECUTION_OUTPUT_COMMAND, START_RUN_COMMAND } from './commandIds';

export { START_EXECUTION_COMMAND, SHOW_EXECUTION_OUTPUT_COMMAND, START_RUN_COMMAND };

export interface StartExecutionOptions {
  /** The input JSON; skips the prompts. */
  input?: string;
}

const SHOW_OUTPUT = 'Show Output';

export function startExecutionCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: START_EXECUTION_COMMAND,
    execute: async (node?: unknown, options?: StartExecutionOptions) => {
      const target = await resolveResource(cmd, node, ['stateMachine', 'stateMachineVersion'], 'Start Execution');
      const input = options?.input ?? (await askForInput(target.item.name));
      const problem = validateExecutionInput(input);
      if (problem) throw new Error(problem);
      const started = await startExecution(cmd.aws, target.item, input.trim() ? input : '{}');
      const region = target.item.region;
      if (isExpressExecution(started.executionArn)) {
        // DescribeExecution does not cover Express executions: their record is in CloudWatch Logs.
        void vscode.window.showInformationMessage(`Started an Express execution of ${target.item.name} in ${region}. Express executions have no execution history to open here; their results go to the state machine's CloudWatch Logs log group.`);
      } else {
        void vscode.window.showInformationMessage(`Started an execution of ${target.item.name} in ${region}.`, SHOW_OUTPUT).then((choice) => {
          if (choice === SHOW_OUTPUT) void vscode.commands.executeCommand(SHOW_EXECUTION_OUTPUT_COMMAND, { region, executionArn: started.executionArn });
        });
      }
      return started;
    },
  };
}

/** `arn:aws:states:…:express:Name:id` — Express executions have their own ARN type. */
export function isExpressExecution(executionArn: string): boolean {
  return executionArn.split(':')[5] === 'express';
}

async function askForInput(name: string): Promise<string> {
  type Source = vscode.QuickPickItem & { source: 'type' | 'file' | 'empty' };
  const source = await vscode.window.showQuickPick<Source>(
    [
      { label: '$(edit) Type the input JSON', source: 'type' },
      { label: '$(file) Use a JSON file…', source: 'file' },
      { label: '$(circle-slash) No input', description: '{}', source: 'empty' },
    ],
    { title: `Start an execution of ${name}`, placeHolder: 'Where does the input come from?' },
  );
  if (!source) throw new UserCancelled();
  if (source.source === 'empty') return '{}';
  if (source.source === 'type') {
    const text = await vscode.window.showInputBox({ title: `Input for ${name}`, value: '{}', prompt: 'JSON', validateInput: validateExecutionInput });
    if (text === undefined) throw new UserCancelled();
    return text;
  }
  const files = await vscode.window.showOpenDialog({ title: `Input for ${name}`, canSelectMany: false, filters: { JSON: ['json'] } });
  if (!files?.length) throw new UserCancelled();
  return Buffer.from(await vscode.workspace.fs.readFile(files[0])).toString('utf8');
}

/** Opens the execution's status and output (DescribeExecution) in a read-only JSON document. */
export function showExecutionOutputCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: SHOW_EXECUTION_OUTPUT_COMMAND,
    execute: async (arg?: { region: string; executionArn: string }) => {
      if (!arg?.executionArn) throw new Error('No execution to show.');
      const result = await describeExecution(cmd.aws, arg.region, arg.executionArn);
      let output: unknown = result.output;
      try {
        output = result.output === undefined ? undefined : JSON.parse(result.output);
      } catch {
        // keep the raw text
      }
      const shown = result.unreadable ? { input: `(not readable) ${result.unreadable}`, output: `(not readable) ${result.unreadable}` } : { output };
      const text = `${JSON.stringify({ executionArn: arg.executionArn, status: result.status, ...shown, error: result.error, cause: result.cause }, null, 2)}\n`;
      if (result.unreadable) void vscode.window.showWarningMessage(result.unreadable);
      const name = arg.executionArn.slice(arg.executionArn.lastIndexOf(':') + 1);
      const uri = cmd.definitions.publish(arg.region, 'executions', `${name}.json`, text);
      const doc = await vscode.workspace.openTextDocument(uri);
      return vscode.window.showTextDocument(doc, { preview: true });
    },
  };
}

export function startRunCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: START_RUN_COMMAND,
    execute: async (node?: unknown) => {
      const target = await resolveResource(cmd, node, ['mwaaServerlessWorkflow', 'mwaaServerlessVersion'], 'Start Run');
      const run = await startWorkflowRun(cmd.aws, target.item);
      const name = target.item.workflowName ?? target.item.name;
      void vscode.window.showInformationMessage(`Started run ${run.runId} of ${name} in ${target.item.region}${run.status ? ` (${run.status})` : ''}.`);
      // The new run shows under "Recent runs".
      const workflowNode = target.item.kind === 'mwaaServerlessWorkflow' ? target : target.parent?.parent;
      if (workflowNode) cmd.provider.refresh(workflowNode);
      return run;
    },
  };
}
