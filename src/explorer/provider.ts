// The tree: region nodes at the root, everything else from the nodes themselves.

import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { readExplorerRegions } from '../profile/settings';
import { ExecutionPoller } from './executionPolling';
import type { FilterStore } from './filters';
import type { ExplorerAws } from './model/listing';
import type { ExplorerContext, ExplorerNode } from './nodes/explorerNode';
import { RegionNode } from './nodes/regionNode';
import { NO_CREDENTIALS_CONTEXT, readPageSize } from './settings';

export const RESOURCES_VIEW_ID = 'awsWorkflows.resources';

export interface ExplorerSession extends ExplorerAws {
  getRegion(): Promise<string>;
  getCredentials(): Promise<unknown>;
}

export class ResourcesTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly ctx: ExplorerContext;
  private regionNodes: Promise<RegionNode[]> | undefined;

  constructor(
    private readonly session: ExplorerSession,
    filters: FilterStore,
    logger: Logger,
  ) {
    this.ctx = {
      aws: session,
      pageSize: readPageSize,
      filters,
      logger,
      refresh: (node) => this.emitter.fire(node),
      withProgress: (task) => Promise.resolve(vscode.window.withProgress({ location: { viewId: RESOURCES_VIEW_ID } }, task)),
      poller: new ExecutionPoller(),
    };
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: ExplorerNode): vscode.ProviderResult<ExplorerNode[]> {
    return node ? node.getChildren() : this.getRegions();
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return node.resolveTreeItem ? node.resolveTreeItem(item, token) : item;
  }

  /** Region nodes, or none (and the welcome view) while no credentials can be found. */
  async getRegions(): Promise<RegionNode[]> {
    this.regionNodes ??= this.buildRegions();
    const nodes = await this.regionNodes;
    if (nodes.length === 0) this.regionNodes = undefined; // ask again next time (after "Choose AWS Profile")
    return nodes;
  }

  private async buildRegions(): Promise<RegionNode[]> {
    try {
      await this.session.getCredentials();
      void vscode.commands.executeCommand('setContext', NO_CREDENTIALS_CONTEXT, false);
    } catch (err) {
      const { AwsCredentialsError, AwsActionError } = await import('../aws/errors');
      if (err instanceof AwsCredentialsError || (err instanceof AwsActionError && err.kind.startsWith('credentials'))) {
        this.ctx.logger.info(`explorer: no credentials (${err.message})`);
        void vscode.commands.executeCommand('setContext', NO_CREDENTIALS_CONTEXT, true);
        return [];
      }
      // Other failures (e.g. an SSO session to renew) show on the nodes that need AWS.
      this.ctx.logger.warn(`explorer: credentials check failed: ${(err as Error)?.message ?? String(err)}`);
    }
    const configured = readExplorerRegions();
    const regions = configured.length ? configured : [await this.session.getRegion()];
    const { AWS_REGIONS } = await import('../aws/services.generated');
    return regions.map((r) => new RegionNode(r, this.ctx, regions.length === 1, AWS_REGIONS.find((known) => known.name === r)?.description));
  }

  /** Redraws a node after forgetting what it loaded; without a node, the whole tree. */
  refresh(node?: ExplorerNode): void {
    if (node) {
      node.reset?.();
      this.emitter.fire(node);
    } else {
      this.regionNodes = undefined;
      // The old tree's lists would go on polling though nothing shows them (a region dropped, the
      // profile changed); lists still expanded register again when the new tree lists them.
      this.ctx.poller.forgetAll();
      this.emitter.fire(undefined);
    }
  }

  /** Redraws without forgetting what was loaded (a filter changed). */
  redraw(node?: ExplorerNode): void {
    this.emitter.fire(node);
  }

  dispose(): void {
    this.ctx.poller.dispose();
    this.emitter.dispose();
  }
}
