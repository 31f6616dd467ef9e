// The resource explorer: registers the tree, its commands and the read-only documents.

import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { registerLazyCommands } from '../common/commands';
import { lazy } from '../core/lazy';
import { onDidDeploy } from '../deploy/events';
import { AIRFLOW_COMMAND_IDS, IMAGE_BUILDER_COMMAND_IDS, SERVERLESS_COMMAND_IDS } from './commands/airflowCommandIds';
import { EXPLORER_COMMAND_IDS } from './commands/commandIds';
import { vscodeEnvironment, type ExplorerCommandContext, type ExplorerEnvironment } from './commands/context';
import { DEFINITION_SCHEME, DefinitionContentProvider } from './definitionProvider';
import { FilterStore, VIEW_FILTER_KEY } from './filters';
import { GROUP_OF_ITEM } from './model/groups';
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

  const cmd: ExplorerCommandContext = { provider, treeView, aws: session, definitions, filters, env: { ...vscodeEnvironment }, state: context.workspaceState };
  // The commands' code (details, listing, targets) loads on the first use of one.
  const commands = lazy(async () => (await import('./commands/explorerCommands')).explorerCommands(cmd));
  registerLazyCommands(context, logger, EXPLORER_COMMAND_IDS, () => commands.get());
  // The DAG commands load with the Airflow nodes' code, on first use.
  const airflow = lazy(async () => (await import('./commands/airflowCommands')).airflowCommands(cmd));
  registerLazyCommands(context, logger, AIRFLOW_COMMAND_IDS, () => airflow.get());
  // Resume/Stop Step and the execution details load with the Image Builder images code, on first use.
  const imageBuilder = lazy(async () => (await import('./commands/imageBuilderCommands')).imageBuilderCommands(cmd));
  registerLazyCommands(context, logger, IMAGE_BUILDER_COMMAND_IDS, () => imageBuilder.get());
  // MWAA Serverless runs and task logs: with the run nodes' code, on first use.
  const serverless = lazy(async () => (await import('./serverlessRuns')).serverlessCommands(cmd, logger, context.subscriptions));
  registerLazyCommands(context, logger, SERVERLESS_COMMAND_IDS, () => serverless.get());

  const api: ExplorerTestApi = {
    provider,
    treeView,
    setEnvironment: (env) => {
      const previous = { ...cmd.env };
      Object.assign(cmd.env, env);
      return previous;
    },
  };
  registerTestHook(context, TEST_HOOK_COMMAND, () => api);

  // After a deploy from any command, the group it landed in lists again.
  context.subscriptions.push(
    onDidDeploy(async (e) => {
      const { itemKindOf } = await import('./commands/revealCommand');
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
