// Executions in a webview: the command that opens one, and the serializer that restores open
// views after a reload. The view itself (executionPanel.ts, with the graph layout) loads on first use.

import * as vscode from 'vscode';
import { registerCommand } from '../common/commands';
import type { Logger } from '../core/log';
import { lazy } from '../core/lazy';
import type { ExplorerAws } from '../explorer/model/listing';
import { EXECUTION_VIEW_TEST_HOOK, EXECUTION_VIEW_TYPE, OPEN_EXECUTION_COMMAND } from './ids';
import type { ExecutionPanelDeps } from './executionPanel';
import type { ExecutionViewState } from './protocol';

function asRef(arg: unknown): ExecutionViewState | undefined {
  const r = arg as Partial<ExecutionViewState> & { item?: { kind?: string; region?: string; arn?: string } } | undefined;
  if (r?.item?.kind === 'stateMachineExecution' && r.item.region && r.item.arn) return { region: r.item.region, executionArn: r.item.arn };
  if (typeof r?.region === 'string' && typeof r.executionArn === 'string' && /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(execution|express):/.test(r.executionArn)) return { region: r.region, executionArn: r.executionArn };
  return undefined;
}

export function registerRuns(context: vscode.ExtensionContext, logger: Logger, aws: ExplorerAws): void {
  const deps: ExecutionPanelDeps = {
    aws,
    logger,
    extensionUri: context.extensionUri,
    env: { writeClipboard: (text) => vscode.env.clipboard.writeText(text), openExternal: (uri) => vscode.env.openExternal(uri) },
  };
  const view = lazy(() => import('./executionPanel'));
  registerCommand(context, logger, {
    id: OPEN_EXECUTION_COMMAND,
    execute: async (arg?: unknown) => {
      const ref = asRef(arg);
      if (!ref) throw new Error('Choose an execution in the AWS Workflows view to open.');
      const { ExecutionPanel } = await view.get();
      return ExecutionPanel.show(ref, deps).ref;
    },
  });
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(EXECUTION_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: unknown) {
        const ref = asRef(state);
        if (!ref) {
          panel.dispose();
          return;
        }
        (await view.get()).ExecutionPanel.revive(panel, ref, deps);
      },
    }),
    vscode.commands.registerCommand(EXECUTION_VIEW_TEST_HOOK, async () => {
      const { ExecutionPanel } = await view.get();
      return { ExecutionPanel, deps };
    }),
  );
}
