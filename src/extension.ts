// Registers the extension's parts; each feature's folder does its own work.

import * as vscode from 'vscode';
import { createOutputLogger } from './common/log';
import { registerCommand } from './common/commands';
import { registerExplorer } from './explorer/register';
import { registerDiagnostics } from './diagnostics/register';
import { registerProfile } from './profile/register';
import { registerDeploy } from './deploy/register';
import { registerAirflow } from './airflow/register';
import { registerGraph } from './graph/register';
import { registerRuns } from './runs/register';
import { registerTestState } from './testState/register';

export function activate(context: vscode.ExtensionContext): void {
  const { logger, channel } = createOutputLogger();
  context.subscriptions.push(channel);
  registerCommand(context, logger, { id: 'awsWorkflows.showLog', execute: () => channel.show(true) });
  const session = registerProfile(context, logger);
  registerExplorer(context, logger, session);
  const diagnostics = registerDiagnostics(context, logger, { regionSource: session });
  registerDeploy(context, logger, session);
  registerAirflow(context, logger, session);
  registerGraph(context, logger);
  registerRuns(context, logger, session);
  registerTestState(context, logger, session, diagnostics.manager);
}

export function deactivate(): void {}
