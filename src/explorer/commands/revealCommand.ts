// awsWorkflows.revealResource({kind, region, name, arn}): the deploy feature calls it after a deploy.

import type { Command } from '../../common/commands';
import type { ItemKind } from '../model/resources';
import { GROUP_OF_ITEM } from '../model/resources';
import type { ExplorerNode } from '../nodes/explorerNode';
import type { ExplorerCommandContext } from './context';
import { REVEAL_RESOURCE_COMMAND } from './commandIds';

export interface RevealTarget {
  /** Explorer item kinds, or the manifest's kinds (`airflowWorkflow` is an MWAA Serverless workflow). */
  kind: ItemKind | 'airflowWorkflow';
  region: string;
  name: string;
  arn?: string;
}

export function itemKindOf(kind: RevealTarget['kind']): ItemKind | undefined {
  if (kind === 'airflowWorkflow') return 'mwaaServerlessWorkflow';
  return kind in GROUP_OF_ITEM ? kind : undefined;
}

/** Lists again the group the resource is in and selects it; pages on until it is found. */
export async function revealResource(cmd: ExplorerCommandContext, target: RevealTarget): Promise<ExplorerNode | undefined> {
  const kind = itemKindOf(target.kind);
  if (!kind) throw new Error(`Cannot show a resource of kind ${String(target.kind)}.`);
  const regions = await cmd.provider.getRegions();
  const region = regions.find((r) => r.region === target.region);
  if (!region) {
    await cmd.treeView.reveal(regions[0], { focus: false, select: false }).then(undefined, () => undefined);
    return undefined; // the region is not shown (setting awsWorkflows.regions)
  }
  const group = region.group(GROUP_OF_ITEM[kind]);
  cmd.provider.refresh(group);
  const matches = (i: { name: string; arn?: string }) => i.name === target.name || (!!target.arn && i.arn === target.arn);
  const listing = await group.loadListing();
  await listing.list.ensureFirstPage();
  await listing.list.loadUntil((items) => items.some(matches));
  const item = listing.list.items.find(matches);
  if (!item) {
    await cmd.treeView.reveal(group, { expand: true, focus: false, select: true }).then(undefined, () => undefined);
    return group;
  }
  const node = listing.nodeFor(item);
  const filter = listing.filter();
  if (filter && !filter.matches(item.name)) return node; // hidden by the user's filter: leave the filter alone
  await cmd.treeView.reveal(node, { expand: false, focus: false, select: true }).then(undefined, () => undefined);
  return node;
}

export function revealResourceCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: REVEAL_RESOURCE_COMMAND,
    execute: (target?: RevealTarget) => {
      if (!target || typeof target !== 'object' || !target.region || !target.name) throw new Error('Nothing to reveal: give {kind, region, name}.');
      return revealResource(cmd, target);
    },
  };
}
