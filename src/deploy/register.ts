// The deploy feature: commands, CodeLens, the deployed-definition documents and the
// service-validation diagnostics. The logic lives in ./engine, shared with the CLI, and loads with
// ./heavy on the first command or CodeLens request.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerLazyCommands } from '../common/commands';
import { detectKind } from '../core/kind';
import { lazy } from '../core/lazy';
import type { Logger } from '../core/log';
import type { DeployClients } from './engine';
import { CODELENS_SELECTOR, DeployCodeLensProvider } from './codeLens';
import { DeployedContentProvider } from './deployedContent';
import { COMMAND_IDS } from './settings';
import { vscodeWorkspaceTrust } from './trust';

/** What deploy needs from the one AwsSession. */
export type DeploySession = DeployClients & { onDidChange(listener: () => void): { dispose(): void } };

export const IS_DEFINITION_CONTEXT = 'awsWorkflows.deploy.isDefinition';

export function registerDeploy(context: vscode.ExtensionContext, logger: Logger, session: DeploySession): void {
  const deployed = new DeployedContentProvider();
  const serviceDiagnostics = vscode.languages.createDiagnosticCollection('awsWorkflows.service');
  context.subscriptions.push(deployed, serviceDiagnostics);

  const feature = lazy(async () => (await import('./heavy')).createDeployFeature({
    clients: session,
    logger,
    deployed,
    state: context.workspaceState,
    serviceDiagnostics,
    trust: vscodeWorkspaceTrust,
  }));
  registerLazyCommands(context, logger, Object.values(COMMAND_IDS), async () => (await feature.get()).commands);

  const lenses = new DeployCodeLensProvider(async (document) => (await feature.get()).codeLenses(document), (l) => session.onDidChange(l));
  context.subscriptions.push(lenses, vscode.languages.registerCodeLensProvider(CODELENS_SELECTOR, lenses));

  // The service's findings describe the text it saw: they go stale on the first edit.
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) serviceDiagnostics.delete(e.document.uri); }),
    vscode.workspace.onDidCloseTextDocument((d) => serviceDiagnostics.delete(d.uri)),
  );

  // The editor title button shows for files that are definitions (by content or name; cheap regexes).
  const updateContext = (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    const kind = doc && doc.uri.scheme === 'file' ? detectKind(path.basename(doc.uri.fsPath), doc.getText()) : 'unknown';
    void vscode.commands.executeCommand('setContext', IS_DEFINITION_CONTEXT, kind === 'stateMachine' || kind === 'imageBuilderWorkflow' || kind === 'airflowWorkflow');
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateContext));
  updateContext(vscode.window.activeTextEditor);
}
