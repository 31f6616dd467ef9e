// State machine aliases: ListStateMachineAliases with where each routes (DescribeStateMachineAlias).
// Loaded on the first alias list or tooltip, not at activation; it imports nothing the activation
// path has but the error wrapper, so the chunks activation loads stay as they are.

import { callAws } from '../../aws/errors';
import type { ExplorerAws } from './listing';
import { versionFromArn } from './resources';

export interface AliasInfo {
  arn: string;
  name: string;
  description?: string;
  creationDate?: Date;
  updateDate?: Date;
  routing: { version: string; weight: number }[];
}

export async function describeAlias(aws: ExplorerAws, region: string, arn: string, resource: string): Promise<AliasInfo> {
  const d = await callAws({ service: 'states', operation: 'DescribeStateMachineAlias', region, resource }, async () => {
    const { client, sdk } = await aws.sfn(region);
    return client.send(new sdk.DescribeStateMachineAliasCommand({ stateMachineAliasArn: arn }));
  });
  return {
    arn: d.stateMachineAliasArn ?? arn,
    name: d.name ?? versionFromArn(arn),
    description: d.description,
    creationDate: d.creationDate,
    updateDate: d.updateDate,
    routing: (d.routingConfiguration ?? []).map((r) => ({ version: versionFromArn(r.stateMachineVersionArn ?? ''), weight: r.weight ?? 0 })),
  };
}

/** One page of a state machine's aliases, each described: a state machine has few, so one Describe each is cheap. */
export async function listAliases(aws: ExplorerAws, region: string, stateMachineArn: string, machineName: string, maxResults: number, token?: string): Promise<{ aliases: AliasInfo[]; nextToken?: string }> {
  const out = await callAws({ service: 'states', operation: 'ListStateMachineAliases', region, resource: machineName }, async () => {
    const { client, sdk } = await aws.sfn(region);
    return client.send(new sdk.ListStateMachineAliasesCommand({ stateMachineArn, maxResults, nextToken: token }));
  });
  const aliases = await Promise.all((out.stateMachineAliases ?? []).map((a) => describeAlias(aws, region, a.stateMachineAliasArn ?? '', `${machineName}:${versionFromArn(a.stateMachineAliasArn ?? '')}`)));
  return { aliases, nextToken: out.nextToken };
}
