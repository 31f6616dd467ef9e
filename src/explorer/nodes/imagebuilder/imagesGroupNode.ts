// "Image Builder images" in a region: the steps waiting for an action first, then the images
// (ListImages, paged). The region node loads this module (and the image nodes and calls with it) on
// its first expand, so activation carries none of it.

import * as vscode from 'vscode';
import { CONTEXT, contextValue } from '../../contextValues';
import { ImageBuilderRuns, type ImageVersionItem, type WorkflowStepItem } from '../../model/imageBuilderRuns';
import type { ExplorerContext, ExplorerNode } from '../explorerNode';
import { ListChildren, type ListOwner } from '../listChildren';
import { ImageVersionNode, WorkflowStepNode } from './imageNodes';

export class ImagesGroupNode implements ListOwner {
  readonly id: string;
  readonly listing: ListChildren<ImageVersionItem>;
  readonly waiting: WaitingStepsNode;

  constructor(
    readonly parent: ExplorerNode,
    readonly region: string,
    ctx: ExplorerContext,
  ) {
    this.id = `group|${region}|imageBuilderImages`;
    const runs = new ImageBuilderRuns(ctx.aws, region);
    this.waiting = new WaitingStepsNode(this, ctx, runs);
    this.listing = new ListChildren<ImageVersionItem>({
      owner: this,
      ctx,
      region,
      noun: 'Image Builder images',
      serviceName: 'EC2 Image Builder',
      fetch: (token) => runs.listImages(ctx.pageSize(), token),
      makeNode: (item) => new ImageVersionNode(this, item, ctx, runs),
    });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Image Builder images', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('folder');
    item.tooltip = `Images built by EC2 Image Builder in ${this.region}, with the workflows their builds ran`;
    item.contextValue = contextValue(CONTEXT.childList, CONTEXT.refreshable);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    return [this.waiting, ...(await this.listing.getChildren())];
  }

  reset(): void {
    this.waiting.reset();
    this.listing.reset();
  }
}

/** "Waiting for an action": every step paused on WaitForAction in the region (ListWaitingWorkflowSteps). */
export class WaitingStepsNode implements ListOwner {
  readonly id: string;
  readonly listing: ListChildren<WorkflowStepItem>;

  constructor(
    readonly parent: ImagesGroupNode,
    ctx: ExplorerContext,
    runs: ImageBuilderRuns,
  ) {
    this.id = `${parent.id}|waiting`;
    this.listing = new ListChildren<WorkflowStepItem>({
      owner: this,
      ctx,
      region: parent.region,
      noun: 'steps waiting for an action',
      serviceName: 'EC2 Image Builder',
      fetch: (token) => runs.listWaiting(ctx.pageSize(), token),
      makeNode: (item) => new WorkflowStepNode(this, item, runs),
    });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Waiting for an action', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('debug-pause');
    item.tooltip = 'Workflow steps paused on WaitForAction: resume or stop them here';
    item.contextValue = contextValue(CONTEXT.childList, CONTEXT.refreshable);
    return item;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return this.listing.getChildren();
  }

  reset(): void {
    this.listing.reset();
  }
}
