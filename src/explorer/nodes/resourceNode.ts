import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../contextValues';
import { OPEN_EXECUTION_COMMAND } from '../../runs/ids';
import { consoleUrl } from '../model/consoleUrls';
import { fetchDetails, hasDefinition, tooltipMarkdown, type ResourceDetails } from '../model/details';
import { listChildPage } from '../model/listing';
import { CHILD_LISTS, childListsOf, itemDescription, type ChildListKind, type ResourceItem } from '../model/resources';
import { ChildListNode } from './childListNode';
import { ExecutionListNode } from './executionListNode';
import type { ExplorerContext, ExplorerNode } from './explorerNode';
import { resourceIcon } from './icons';
import { ListChildren, type ListItem, type ListOwner } from './listChildren';
import { EnvironmentDags } from './airflow/environmentDags';

/**
 * A listed resource. State machines and Image Builder workflows list their versions directly
 * beneath; MWAA Serverless workflows have two lists (versions, recent runs) as ChildListNodes.
 */
export class ResourceNode implements ListOwner {
  readonly id: string;
  /** Set when the item has exactly one child list, shown directly beneath it (an MWAA environment's: its DAGs). */
  readonly listing: ListChildren<ListItem>;
  /** An MWAA environment's DAGs (its Airflow, reached through InvokeRestApi). */
  private readonly dags: EnvironmentDags | undefined;
  /** An MWAA Serverless workflow's (versions, recent runs) are made when its code loads, on first expand. */
  private childLists: ExplorerNode[];
  private details: ResourceDetails | undefined;
  private detailsRequest: Promise<ResourceDetails> | undefined;
  private childrenAsked = false;

  constructor(
    readonly parent: ExplorerNode | undefined,
    public item: ResourceItem,
    private readonly ctx: ExplorerContext,
  ) {
    this.id = item.id;
    const lists = childListsOf(item.kind);
    // Executions always get their own node: it carries the status filter and the polling.
    const ownNodes = (lists.length > 1 || lists.includes('stateMachineExecutions')) && item.kind !== 'mwaaServerlessWorkflow';
    this.childLists = ownNodes ? lists.map((l) => (l === 'stateMachineExecutions' ? new ExecutionListNode(this, ctx) : new ChildListNode(this, l, ctx))) : [];
    this.dags = item.kind === 'mwaaEnvironment' ? new EnvironmentDags(this, ctx, item.name, item.region) : undefined;
    this.listing = this.dags ? this.dags.listing : childListing(this, lists.length === 1 ? lists[0] : undefined, ctx);
  }

  get hasChildren(): boolean {
    return childListsOf(this.item.kind).length > 0 || this.item.kind === 'mwaaEnvironment';
  }

  getTreeItem(): vscode.TreeItem {
    const { item } = this;
    const tree = new vscode.TreeItem(item.name, this.hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    tree.id = this.id;
    tree.description = itemDescription(item);
    tree.iconPath = resourceIcon(item.kind, item.status);
    if (this.details) tree.tooltip = new vscode.MarkdownString(tooltipMarkdown(item.name, this.details));
    tree.contextValue = contextValue(
      CONTEXT.resource,
      `kind-${item.kind}`,
      this.hasChildren && CONTEXT.refreshable,
      item.kind !== 'mwaaServerlessRun' && CONTEXT.arn,
      hasDefinition(item.kind) && CONTEXT.definition,
      consoleUrl(item) && CONTEXT.console,
      (item.kind === 'stateMachine' || item.kind === 'stateMachineVersion' || item.kind === 'stateMachineAlias') && CONTEXT.startExecution,
      (item.kind === 'mwaaServerlessWorkflow' || item.kind === 'mwaaServerlessVersion') && CONTEXT.startRun,
      item.kind === 'mwaaEnvironment' && CONTEXT.airflowUi,
      item.kind === 'stateMachineExecution' && item.status === 'RUNNING' && CONTEXT.stopExecution,
      item.kind === 'stateMachineExecution' && /^(FAILED|TIMED_OUT|ABORTED)$/.test(item.status ?? '') && CONTEXT.redriveExecution,
    );
    if (item.kind === 'stateMachineExecution') {
      tree.command = { command: OPEN_EXECUTION_COMMAND, title: 'Open Execution', arguments: [{ region: item.region, executionArn: item.arn }] };
    }
    return tree;
  }

  /** The tooltip's details come from one Describe/Get, on hover only. */
  async resolveTreeItem(tree: vscode.TreeItem): Promise<vscode.TreeItem> {
    try {
      const details = await this.loadDetails();
      tree.tooltip = new vscode.MarkdownString(tooltipMarkdown(this.item.name, details));
    } catch (err) {
      tree.tooltip = new vscode.MarkdownString().appendText((err as Error).message);
    }
    return tree;
  }

  /** Fetched once per node; a newer status or Airflow version updates the description. */
  loadDetails(): Promise<ResourceDetails> {
    if (this.details) return Promise.resolve(this.details);
    this.detailsRequest ??= fetchDetails(this.ctx.aws, this.item).then(
      (details) => {
        this.details = details;
        this.detailsRequest = undefined;
        const next = { ...this.item, status: details.status ?? this.item.status, airflowVersion: details.airflowVersion ?? this.item.airflowVersion };
        if (next.status !== this.item.status || next.airflowVersion !== this.item.airflowVersion) {
          // Redrawn only while its children have never been asked for: a change event drops the
          // children the tree has just been given (their handles are cleared in the extension host),
          // so a list expanded a moment before the hover's answer arrived could no longer open.
          // Once expanded, the new status shows at the next redraw; the tooltip has it at once.
          const before = this.shown();
          this.item = next;
          if (!this.childrenAsked && this.shown() !== before) this.ctx.refresh(this);
        }
        return details;
      },
      (err) => {
        this.detailsRequest = undefined;
        throw err;
      },
    );
    return this.detailsRequest;
  }

  /** What the tree draws of this node's item. */
  private shown(): string {
    const tree = this.getTreeItem();
    return JSON.stringify([tree.description, tree.contextValue, tree.iconPath]);
  }

  getChildren(): ExplorerNode[] | Promise<ExplorerNode[]> {
    this.childrenAsked = true;
    if (this.childLists.length) return this.childLists;
    if (this.item.kind === 'mwaaServerlessWorkflow') return import('../serverlessRuns').then((m) => (this.childLists = m.workflowChildren(this, this.ctx)));
    return this.hasChildren ? this.listing.getChildren() : [];
  }

  /** The Executions node beneath a state machine, version or alias. */
  executionList(): ExecutionListNode | undefined {
    return this.childLists.find((c): c is ExecutionListNode => c instanceof ExecutionListNode);
  }

  reset(): void {
    this.details = undefined;
    if (this.dags) this.dags.reset();
    else this.listing.reset();
    this.childLists.forEach((c) => c.reset?.());
  }
}

export function childListing(owner: ListOwner, kind: ChildListKind | undefined, ctx: ExplorerContext, resource = owner as ResourceNode): ListChildren {
  const info = kind ? CHILD_LISTS[kind] : { noun: 'children' };
  return new ListChildren({
    owner,
    ctx,
    region: resource.item.region,
    noun: `${info.noun} of ${resource.item.name}`,
    serviceName: 'The service',
    fetch: (token) => (kind ? listChildPage(ctx.aws, kind, resource.item, ctx.pageSize(), token) : Promise.resolve({ items: [] })),
    makeNode: (item) => new ResourceNode(owner, item, ctx),
  });
}
