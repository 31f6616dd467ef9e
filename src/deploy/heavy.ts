// The deploy feature's heavy part (the engine shared with the CLI, commands, wizard, runner), loaded
// on the first deploy command or CodeLens request (register.ts), never at activation.

import type * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { codeLensesFor } from './codeLensContent';
import { deployCommands } from './commands';
import type { DeployedContentProvider } from './deployedContent';
import type { DeployClients } from './engine';
import { ManifestCache } from './manifestCache';
import { DeployRunner } from './runner';
import type { WorkspaceTrust } from './workspace';

export interface DeployDependencies {
  clients: DeployClients;
  logger: Logger;
  deployed: DeployedContentProvider;
  state: vscode.Memento;
  serviceDiagnostics: vscode.DiagnosticCollection;
  trust: WorkspaceTrust;
}

export function createDeployFeature(deps: DeployDependencies) {
  const manifests = new ManifestCache();
  const commands = deployCommands({
    clients: deps.clients,
    logger: deps.logger,
    runner: new DeployRunner(deps.clients, deps.logger, deps.deployed),
    manifests,
    state: deps.state,
    serviceDiagnostics: deps.serviceDiagnostics,
    trust: deps.trust,
  });
  return {
    commands,
    codeLenses: (document: vscode.TextDocument) => codeLensesFor(document, deps.clients, manifests, deps.trust),
  };
}
