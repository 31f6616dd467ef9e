import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import type { GroupKind } from '../model/groups';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { GroupNode } from './groupNode';
import type { ImagesGroupNode } from './imagebuilder/imagesGroupNode';
import { ServiceNode } from './serviceNode';

/** One region shown (setting awsWorkflows.regions, default the session's region). */
export class RegionNode implements ExplorerNode {
  readonly id: string;
  readonly parent = undefined;
  readonly children: (ServiceNode | GroupNode)[];
  /** "Image Builder images", loaded with the region's first expand (it is not on the activation path). */
  private images: ImagesGroupNode | undefined;

  constructor(
    readonly region: string,
    private readonly ctx: ExplorerContext,
    private readonly expanded: boolean,
    /** "Europe (Ireland)", from the region table the provider loads with the first listing. */
    private readonly description?: string,
  ) {
    this.id = `region|${region}`;
    this.children = [
      new ServiceNode(this, 'Step Functions', ['stateMachines', 'activities'], ctx),
      new GroupNode(this, region, 'imageBuilderWorkflows', ctx),
      new GroupNode(this, region, 'mwaaEnvironments', ctx),
      new GroupNode(this, region, 'mwaaServerlessWorkflows', ctx),
    ];
  }

  /** Every list group in the region, Step Functions' included. */
  get groups(): GroupNode[] {
    return this.children.flatMap((c) => (c instanceof ServiceNode ? c.groups : [c]));
  }

  group(kind: GroupKind): GroupNode {
    const g = this.groups.find((x) => x.kind === kind);
    if (!g) throw new Error(`no ${kind} group`);
    return g;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.description;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = contextValue(CONTEXT.region, CONTEXT.refreshable);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    this.images ??= new (await import('./imagebuilder/imagesGroupNode')).ImagesGroupNode(this, this.region, this.ctx);
    // After "Image Builder workflows" (children[1]).
    return [...this.children.slice(0, 2), this.images, ...this.children.slice(2)];
  }

  reset(): void {
    this.children.forEach((c) => c.reset());
    this.images?.reset();
  }
}
