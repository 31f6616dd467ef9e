// The resource explorer: registers the tree, its commands and the read-only documents.

import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { registerCommand, registerLazyCommands } from '../common/commands';
import { lazy } from '../core/lazy';
import { onDidDeploy } from '../deploy/events';
import { AIRFLOW_COMMAND_IDS } from './commands/airflowCommandIds';
import { ALL_KINDS, copyArnCommand, copyNameCommand } from './commands/copyCommands';
import { openInConsoleCommand } from './commands/consoleCommand';
import { vscodeEnvironment, type ExplorerCommandContext, type ExplorerEnvironment } from './commands/context';
import { downloadDefinitionCommand, openDefinitionCommand } from './commands/definitionCommands';
import { filterExecutionsCommand, redriveExecutionCommand, stopExecutionCommand } from './commands/executionCommands';
import { itemKindOf, revealResourceCommand } from './commands/revealCommand';
import { showExecutionOutputCommand, startExecutionCommand, startRunCommand } from './commands/runCommands';
import { clearFilterCommand, filterCommand, loadMoreCommand, refreshCommand, retryCommand } from './commands/treeCommands';
import { DEFINITION_SCHEME, DefinitionContentProvider } from './definitionProvider';
import { FilterStore, VIEW_FILTER_KEY } from './filters';
import { GROUP_OF_ITEM } from './model/resources';
import type { ExplorerNode } from './nodes/explorerNode';
import { RESOURCES_VIEW_ID, ResourcesTreeProvider, type ExplorerSession } from './provider';
import { HAS_VIEW_FILTER_CONTEXT, PAGE_SIZE_KEY, SECTION } from './settings';
import { registerTestHook } from '../common/testHooks';

export { RESOURCES_VIEW_ID };

/** Hidden command (not in package.json) that in-host tests use to reach the tree. */
export const TEST_HOOK_COMMAND = 'awsWorkflows.__getExplorerForTests';

export interface ExplorerTestApi {
  provider: ResourcesTreeProvider;
  treeView: vscode.TreeView<ExplorerNode>;
  /** Replaces openExternal/clipboard; returns the previous ones. */
  setEnvironment(env: Partial<ExplorerEnvironment>): ExplorerEnvironment;
  allKinds: typeof ALL_KINDS;
}

export function registerExplorer(context: vscode.ExtensionContext, logger: Logger, session: ExplorerSession & { onDidChange(l: () => void): { dispose(): void } }): void {
  const filters = new FilterStore(context.workspaceState);
  const provider = new ResourcesTreeProvider(session, filters, logger);
  const treeView = vscode.window.createTreeView(RESOURCES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const definitions = new DefinitionContentProvider(session);
  provider.ctx.poller.attach(treeView);
  context.subscriptions.push(
    treeView.onDidChangeVisibility(() => provider.ctx.poller.visibilityChanged()),
    treeView.onDidCollapseElement((e) => provider.ctx.poller.pause(e.element.id)),
  );
  context.subscriptions.push(filters, provider, treeView, definitions);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(DEFINITION_SCHEME, definitions));

  const viewFilter = filters.text(VIEW_FILTER_KEY);
  treeView.description = viewFilter ? `filter: ${viewFilter}` : undefined;
  void vscode.commands.executeCommand('setContext', HAS_VIEW_FILTER_CONTEXT, !!viewFilter);

  const cmd: ExplorerCommandContext = { provider, treeView, aws: session, definitions, filters, env: { ...vscodeEnvironment } };
  for (const command of [
    refreshCommand(cmd),
    loadMoreCommand(),
    retryCommand(),
    filterCommand(cmd),
    clearFilterCommand(cmd),
    copyArnCommand(cmd),
    copyNameCommand(cmd),
    openDefinitionCommand(cmd),
    downloadDefinitionCommand(cmd),
    openInConsoleCommand(cmd),
    startExecutionCommand(cmd),
    showExecutionOutputCommand(cmd),
    startRunCommand(cmd),
    revealResourceCommand(cmd),
    filterExecutionsCommand(cmd),
    stopExecutionCommand(cmd),
    redriveExecutionCommand(cmd),
  ]) {
    registerCommand(context, logger, command);
  }
  // The DAG commands load with the Airflow nodes' code, on first use.
  const airflow = lazy(async () => (await import('./commands/airflowCommands')).airflowCommands(cmd));
  registerLazyCommands(context, logger, AIRFLOW_COMMAND_IDS, () => airflow.get());

  const api: ExplorerTestApi = {
    provider,
    treeView,
    allKinds: ALL_KINDS,
    setEnvironment: (env) => {
      const previous = { ...cmd.env };
      Object.assign(cmd.env, env);
      return previous;
    },
  };
  registerTestHook(context, TEST_HOOK_COMMAND, () => api);

  // After a deploy from any command, the group it landed in lists again.
  context.subscriptions.push(
    onDidDeploy((e) => {
      const kind = itemKindOf(e.kind);
      if (!kind) return;
      void provider.getRegions().then((regions) => {
        const region = regions.find((r) => r.region === e.region);
        if (region) provider.refresh(region.group(GROUP_OF_ITEM[kind]));
      });
    }),
  );
  context.subscriptions.push(session.onDidChange(() => provider.refresh()));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.regions`) || e.affectsConfiguration(`${SECTION}.${PAGE_SIZE_KEY}`)) provider.refresh();
    }),
  );
}
