// A group's list (the listing calls, the resource nodes), built on the group's first expand so the
// tree's root levels draw without loading it.

import { listGroupPage } from '../model/listing';
import type { GroupInfo } from '../model/groups';
import type { ExplorerContext } from './explorerNode';
import type { GroupNode } from './groupNode';
import { ListChildren } from './listChildren';
import { ResourceNode } from './resourceNode';

const SERVICE_NAMES: Record<GroupInfo['service'], string> = {
  states: 'Step Functions',
  imagebuilder: 'EC2 Image Builder',
  airflow: 'Amazon MWAA',
  'airflow-serverless': 'MWAA Serverless',
};

export function groupListing(group: GroupNode, ctx: ExplorerContext): ListChildren {
  return new ListChildren({
    owner: group,
    ctx,
    region: group.region,
    noun: group.info.noun,
    serviceName: SERVICE_NAMES[group.info.service],
    fetch: (token) => listGroupPage(ctx.aws, group.kind, group.region, ctx.pageSize(), token),
    makeNode: (item) => new ResourceNode(group, item, ctx),
    filter: () => ctx.filters.effective(group.filterKey),
  });
}
