// Which resource a command acts on: the node it was invoked on, a {kind, region, name, arn}
// reference, or — from the palette — one the user picks from what the explorer lists.

import * as vscode from 'vscode';
import { UserCancelled } from '../../common/commands';
import { GROUP_OF_ITEM, GROUPS, type ItemKind, type ResourceKind } from '../model/resources';
import type { GroupNode } from '../nodes/groupNode';
import { ResourceNode } from '../nodes/resourceNode';
import type { ExplorerCommandContext } from './context';

export async function resolveResource(cmd: ExplorerCommandContext, arg: unknown, kinds: ResourceKind[], title: string): Promise<ResourceNode> {
  if (arg instanceof ResourceNode) {
    if (!kinds.includes(arg.item.kind)) throw new Error(`${title} does not apply to ${arg.item.name}.`);
    return arg;
  }
  const selected = cmd.treeView.selection.find((n): n is ResourceNode => n instanceof ResourceNode && kinds.includes(n.item.kind));
  if (arg === undefined && selected && cmd.treeView.visible) return selected;
  return pickResource(cmd, kinds.filter((k): k is ItemKind => k in GROUP_OF_ITEM), title);
}

async function pickResource(cmd: ExplorerCommandContext, kinds: ItemKind[], title: string): Promise<ResourceNode> {
  const regions = await cmd.provider.getRegions();
  const groups: GroupNode[] = regions.flatMap((r) => r.groups.filter((g) => kinds.includes(GROUPS[g.kind].itemKind)));
  type Pick = vscode.QuickPickItem & { node?: ResourceNode };
  const picked = await vscode.window.showQuickPick<Pick>(
    (async () => {
      await Promise.all(groups.map((g) => g.listing.list.ensureFirstPage()));
      const items: Pick[] = [];
      for (const g of groups) {
        const filter = g.listing.filter();
        for (const item of g.listing.list.items) {
          if (filter && !filter.matches(item.name)) continue;
          items.push({ label: item.name, description: `${g.region} · ${g.info.label}`, node: g.listing.nodeFor(item) as ResourceNode });
        }
        if (g.listing.list.error !== undefined) items.push({ label: `$(error) Could not list ${g.info.noun} in ${g.region}`, description: 'see the AWS Workflows view' });
      }
      return items;
    })(),
    { title, placeHolder: 'Choose a resource (the first page of each list; filters apply)', matchOnDescription: true },
  );
  if (!picked?.node) throw new UserCancelled();
  return picked.node;
}
