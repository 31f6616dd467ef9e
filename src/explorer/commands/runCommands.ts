// Start execution (state machines); Start Run (MWAA Serverless) is in serverlessCommands.ts.

import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import type { StartExecutionOptions } from '../../runs/startExecution';
import { describeExecution } from '../model/details';
import type { ExplorerCommandContext } from './context';
import { resolveResource } from './target';
import { START_EXECUTION_COMMAND, SHOW_EXECUTION_OUTPUT_COMMAND } from './commandIds';

export { START_EXECUTION_COMMAND, SHOW_EXECUTION_OUTPUT_COMMAND };

export type { StartExecutionOptions } from '../../runs/startExecution';

/** The flow (saved inputs, name, Express results) loads on first use: src/runs/startExecution.ts. */
export function startExecutionCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: START_EXECUTION_COMMAND,
    execute: async (node?: unknown, options?: StartExecutionOptions) => {
      // From the editor title: the state machine the open definition deploys as.
      if (node instanceof vscode.Uri) {
        const { stateMachineForFile } = await import('../../runs/startFromFile');
        node = await stateMachineForFile(cmd.aws, node, (await cmd.provider.getRegions())[0]?.region ?? 'us-east-1');
      }
      const target = await resolveResource(cmd, node, ['stateMachine', 'stateMachineVersion', 'stateMachineAlias'], 'Start Execution');
      const { startExecutionFlow } = await import('../../runs/startExecution');
      return startExecutionFlow(cmd, target, options);
    },
  };
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
