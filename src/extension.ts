// Registers the extension's parts; each feature's folder does its own work.

import * as vscode from 'vscode';
import { createOutputLogger } from './common/log';
import { registerCommand } from './common/commands';
import { registerExplorer } from './explorer/register';

export function activate(context: vscode.ExtensionContext): void {
  const { logger, channel } = createOutputLogger();
  context.subscriptions.push(channel);
  registerCommand(context, logger, { id: 'awsWorkflows.showLog', execute: () => channel.show(true) });
  registerExplorer(context, logger);
}

export function deactivate(): void {}
