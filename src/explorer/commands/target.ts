// Which resource a command acts on: the node it was invoked on, a {kind, region, name, arn}
// reference from another feature, or — from the palette, without either — one the user picks
// from what the explorer lists.

import * as vscode from 'vscode';
import { UserCancelled } from '../../common/commands';
import { GROUP_OF_ITEM, GROUPS, itemId, type ItemKind, type ResourceKind, type ResourceRef } from '../model/resources';
import type { GroupNode } from '../nodes/groupNode';
import { ResourceNode } from '../nodes/resourceNode';
import type { ExplorerCommandContext } from './context';

export async function resolveResource(cmd: ExplorerCommandContext, arg: unknown, kinds: ResourceKind[], title: string): Promise<ResourceNode> {
  if (arg instanceof ResourceNode) {
    if (!kinds.includes(arg.item.kind)) throw new Error(`${title} does not apply to ${arg.item.name}.`);
    return arg;
  }
  const ref = asResourceRef(arg);
  if (ref) {
    if (!kinds.includes(ref.kind)) throw new Error(`${title} does not apply to ${ref.name}.`);
    return new ResourceNode(undefined, { ...ref, id: itemId(ref.kind, ref.region, ref.arn ?? ref.name) }, cmd.provider.ctx);
  }
  return pickResource(cmd, kinds.filter((k): k is ItemKind => k in GROUP_OF_ITEM), title);
}

/** `{kind, region, name, arn?}` from another feature (the manifest's `airflowWorkflow` included). */
function asResourceRef(arg: unknown): ResourceRef | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const r = arg as Omit<Partial<ResourceRef>, 'kind'> & { kind?: string };
  if (typeof r.region !== 'string' || typeof r.name !== 'string' || typeof r.kind !== 'string') return undefined;
  const kind = (r.kind === 'airflowWorkflow' ? 'mwaaServerlessWorkflow' : r.kind) as ResourceKind;
  return { ...r, kind, region: r.region, name: r.name };
}

async function pickResource(cmd: ExplorerCommandContext, kinds: ItemKind[], title: string): Promise<ResourceNode> {
  const regions = await cmd.provider.getRegions();
  const groups: GroupNode[] = regions.flatMap((r) => r.groups.filter((g) => kinds.includes(GROUPS[g.kind].itemKind)));
  type Pick = vscode.QuickPickItem & { node?: ResourceNode };
  const picked = await vscode.window.showQuickPick<Pick>(
    (async () => {
      await Promise.all(groups.map(async (g) => (await g.loadListing()).list.ensureFirstPage()));
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
