// One List call per page, per group or child list. Only what List returns goes into the items:
// details are fetched on demand (details.ts). No vscode here, so the bench and unit tests drive it.

import { callAws, type AwsServiceKey } from '../../aws/errors';
import type { AwsSession } from '../../aws/session';
import { PAGE_LIMITS } from './pageLimits.generated';
import { itemId, shortVersion, versionFromArn, type ChildListKind, type GroupKind, type Page, type ResourceItem } from './resources';

/** The part of the session the explorer uses; tests pass fakes. */
export type ExplorerAws = Pick<AwsSession, 'sfn' | 'imagebuilder' | 'mwaa' | 's3' | 'mwaaServerless' | 'logs'>;

type Limits = typeof PAGE_LIMITS;

/** The page size setting, brought into the range the operation's model allows. */
export function clampPageSize<S extends keyof Limits>(pageSize: number, service: S, operation: keyof Limits[S]): number {
  const limit = PAGE_LIMITS[service][operation] as { min: number; max: number };
  const wanted = Number.isFinite(pageSize) ? Math.floor(pageSize) : 50;
  return Math.min(limit.max, Math.max(Math.max(1, limit.min), wanted));
}

const ctx = (service: AwsServiceKey, operation: string, region: string, resource?: string) => ({ service, operation, region, resource });

export async function listGroupPage(aws: ExplorerAws, group: GroupKind, region: string, pageSize: number, token?: string): Promise<Page<ResourceItem>> {
  switch (group) {
    case 'stateMachines': {
      const out = await callAws(ctx('states', 'ListStateMachines', region), async () => {
        const { client, sdk } = await aws.sfn(region);
        return client.send(new sdk.ListStateMachinesCommand({ maxResults: clampPageSize(pageSize, 'states', 'ListStateMachines'), nextToken: token }));
      });
      return {
        items: (out.stateMachines ?? []).map((m) => ({
          id: itemId('stateMachine', region, m.stateMachineArn ?? m.name ?? ''),
          kind: 'stateMachine',
          region,
          name: m.name ?? '',
          arn: m.stateMachineArn,
          type: m.type,
          createdAt: m.creationDate,
        })),
        nextToken: out.nextToken,
      };
    }
    case 'activities': {
      const out = await callAws(ctx('states', 'ListActivities', region), async () => {
        const { client, sdk } = await aws.sfn(region);
        return client.send(new sdk.ListActivitiesCommand({ maxResults: clampPageSize(pageSize, 'states', 'ListActivities'), nextToken: token }));
      });
      return {
        items: (out.activities ?? []).map((a) => ({
          id: itemId('activity', region, a.activityArn ?? a.name ?? ''),
          kind: 'activity',
          region,
          name: a.name ?? '',
          arn: a.activityArn,
          createdAt: a.creationDate,
        })),
        nextToken: out.nextToken,
      };
    }
    case 'imageBuilderWorkflows': {
      const out = await callAws(ctx('imagebuilder', 'ListWorkflows', region), async () => {
        const { client, sdk } = await aws.imagebuilder(region);
        return client.send(new sdk.ListWorkflowsCommand({ owner: 'Self', maxResults: clampPageSize(pageSize, 'imagebuilder', 'ListWorkflows'), nextToken: token }));
      });
      return {
        items: (out.workflowVersionList ?? []).map((w) => ({
          id: itemId('imageBuilderWorkflow', region, w.arn ?? `${w.name}/${w.version}`),
          kind: 'imageBuilderWorkflow',
          region,
          name: w.name ?? '',
          arn: w.arn,
          version: w.version,
          type: w.type,
          createdAt: parseDate(w.dateCreated),
        })),
        nextToken: out.nextToken,
      };
    }
    case 'mwaaEnvironments': {
      const out = await callAws(ctx('airflow', 'ListEnvironments', region), async () => {
        const { client } = await aws.mwaa(region);
        return client.listEnvironments({ MaxResults: clampPageSize(pageSize, 'airflow', 'ListEnvironments'), NextToken: token });
      });
      // ListEnvironments returns names only; status and Airflow version come with the details.
      return {
        items: (out.Environments ?? []).map((name) => ({ id: itemId('mwaaEnvironment', region, name), kind: 'mwaaEnvironment', region, name })),
        nextToken: out.NextToken,
      };
    }
    case 'mwaaServerlessWorkflows': {
      const out = await callAws(ctx('airflow-serverless', 'ListWorkflows', region), async () => {
        const { client } = await aws.mwaaServerless(region);
        return client.listWorkflows({ MaxResults: clampPageSize(pageSize, 'airflow-serverless', 'ListWorkflows'), NextToken: token });
      });
      return {
        items: (out.Workflows ?? []).map((w) => ({
          id: itemId('mwaaServerlessWorkflow', region, w.WorkflowArn),
          kind: 'mwaaServerlessWorkflow',
          region,
          name: w.Name ?? w.WorkflowArn.slice(w.WorkflowArn.lastIndexOf('/') + 1),
          arn: w.WorkflowArn,
          version: w.WorkflowVersion,
          status: w.WorkflowStatus,
          createdAt: w.CreatedAt,
        })),
        nextToken: out.NextToken,
      };
    }
  }
}

/** Narrows a child list: executions by status (ListExecutions' statusFilter). */
export interface ChildListOptions {
  statusFilter?: string;
}

export async function listChildPage(aws: ExplorerAws, list: ChildListKind, parent: ResourceItem, pageSize: number, token?: string, options: ChildListOptions = {}): Promise<Page<ResourceItem>> {
  const region = parent.region;
  const parentArn = parent.arn ?? '';
  switch (list) {
    case 'stateMachineVersions': {
      const out = await callAws(ctx('states', 'ListStateMachineVersions', region, parent.name), async () => {
        const { client, sdk } = await aws.sfn(region);
        return client.send(new sdk.ListStateMachineVersionsCommand({ stateMachineArn: parentArn, maxResults: clampPageSize(pageSize, 'states', 'ListStateMachineVersions'), nextToken: token }));
      });
      return {
        items: (out.stateMachineVersions ?? []).map((v) => ({
          id: itemId('stateMachineVersion', region, v.stateMachineVersionArn ?? ''),
          kind: 'stateMachineVersion',
          region,
          name: `${parent.name}:${versionFromArn(v.stateMachineVersionArn ?? '')}`,
          arn: v.stateMachineVersionArn,
          version: versionFromArn(v.stateMachineVersionArn ?? ''),
          type: parent.type,
          createdAt: v.creationDate,
        })),
        nextToken: out.nextToken,
      };
    }
    case 'stateMachineAliases': {
      const page = await (await import('./aliases')).listAliases(aws, region, parentArn, parent.name, clampPageSize(pageSize, 'states', 'ListStateMachineAliases'), token);
      return {
        items: page.aliases.map((a) => ({ id: itemId('stateMachineAlias', region, a.arn), kind: 'stateMachineAlias', region, name: `${parent.name}:${a.name}`, arn: a.arn, type: parent.type, createdAt: a.creationDate, routing: a.routing })),
        nextToken: page.nextToken,
      };
    }
    case 'stateMachineExecutions': {
      const out = await callAws(ctx('states', 'ListExecutions', region, parent.name), async () => {
        const { client, sdk } = await aws.sfn(region);
        const statusFilter = options.statusFilter as NonNullable<ConstructorParameters<typeof sdk.ListExecutionsCommand>[0]>['statusFilter'];
        return client.send(new sdk.ListExecutionsCommand({ stateMachineArn: parentArn, statusFilter, maxResults: clampPageSize(pageSize, 'states', 'ListExecutions'), nextToken: token }));
      });
      return {
        items: (out.executions ?? []).map((e) => ({
          id: itemId('stateMachineExecution', region, e.executionArn ?? ''),
          kind: 'stateMachineExecution',
          region,
          name: e.name ?? '',
          arn: e.executionArn,
          status: e.status,
          startedAt: e.startDate,
          stoppedAt: e.stopDate,
        })),
        nextToken: out.nextToken,
      };
    }
    case 'imageBuilderBuildVersions': {
      const out = await callAws(ctx('imagebuilder', 'ListWorkflowBuildVersions', region, parent.name), async () => {
        const { client, sdk } = await aws.imagebuilder(region);
        return client.send(new sdk.ListWorkflowBuildVersionsCommand({ workflowVersionArn: parentArn, maxResults: clampPageSize(pageSize, 'imagebuilder', 'ListWorkflowBuildVersions'), nextToken: token }));
      });
      return {
        items: (out.workflowSummaryList ?? []).map((w) => ({
          id: itemId('imageBuilderBuildVersion', region, w.arn ?? ''),
          kind: 'imageBuilderBuildVersion',
          region,
          name: w.arn ? w.arn.split('/').slice(-2).join('/') : (w.version ?? ''),
          arn: w.arn,
          version: w.version,
          type: w.type,
          status: w.state?.status,
          createdAt: parseDate(w.dateCreated),
        })),
        nextToken: out.nextToken,
      };
    }
    case 'mwaaServerlessVersions': {
      const out = await callAws(ctx('airflow-serverless', 'ListWorkflowVersions', region, parent.name), async () => {
        const { client } = await aws.mwaaServerless(region);
        return client.listWorkflowVersions({ WorkflowArn: parentArn, MaxResults: clampPageSize(pageSize, 'airflow-serverless', 'ListWorkflowVersions'), NextToken: token });
      });
      return {
        items: (out.WorkflowVersions ?? []).map((v) => ({
          id: itemId('mwaaServerlessVersion', region, `${v.WorkflowArn}#${v.WorkflowVersion}`),
          kind: 'mwaaServerlessVersion',
          region,
          name: `version ${shortVersion(v.WorkflowVersion)}`,
          arn: v.WorkflowArn,
          workflowName: parent.name,
          workflowVersion: v.WorkflowVersion,
          version: v.WorkflowVersion,
          isLatest: v.IsLatestVersion,
          createdAt: v.CreatedAt,
        })),
        nextToken: out.NextToken,
      };
    }
    case 'mwaaServerlessRuns': {
      const out = await callAws(ctx('airflow-serverless', 'ListWorkflowRuns', region, parent.name), async () => {
        const { client } = await aws.mwaaServerless(region);
        return client.listWorkflowRuns({ WorkflowArn: parentArn, MaxResults: clampPageSize(pageSize, 'airflow-serverless', 'ListWorkflowRuns'), NextToken: token });
      });
      return {
        items: (out.WorkflowRuns ?? []).map((r) => ({
          id: itemId('mwaaServerlessRun', region, `${parentArn}#${r.RunId}`),
          kind: 'mwaaServerlessRun',
          region,
          name: r.RunId ?? '',
          arn: parentArn,
          workflowName: parent.name,
          workflowVersion: r.WorkflowVersion,
          type: r.RunType,
          status: r.RunDetailSummary?.Status,
          startedAt: r.RunDetailSummary?.StartedAt ?? r.RunDetailSummary?.CreatedOn,
          stoppedAt: r.RunDetailSummary?.EndedAt,
          createdAt: r.RunDetailSummary?.CreatedOn,
        })),
        nextToken: out.NextToken,
      };
    }
  }
}

function parseDate(value: string | Date | undefined): Date | undefined {
  if (!value) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
