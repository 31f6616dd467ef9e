// MWAA Serverless runs: their task instances with attempt, duration and error, Start Run with a
// version and override parameters checked against the DAG's params, Stop Run, and where a task's
// log is (the workflow version's log group, the task's LogStream). No vscode: the bench and unit
// tests drive it. Loaded on the first expand of a workflow's runs or the first run command.

import { randomUUID } from 'node:crypto';
import { AwsActionError, callAws } from '../../aws/errors';
import { mapWithLimit } from '../../core/concurrency';
import { dagParams, type DagParams } from '../../core/dag/params';
import type { FetchLogPage } from '../../core/logs/logPager';
import { fetchDefinition } from './details';
import type { ExplorerAws } from './listing';
import { clampPageSize } from './listing';
import type { Page, ResourceRef } from './resources';

/** Run statuses that can still change (and that Stop applies to). */
export const ACTIVE_RUN_STATUSES: ReadonlySet<string> = new Set(['STARTING', 'QUEUED', 'RUNNING', 'STOPPING']);
const STOPPABLE = new Set(['STARTING', 'QUEUED', 'RUNNING']);
/** Task statuses after which the task writes no more log. */
const FINISHED_TASK = /^(SUCCESS|FAILED|UPSTREAM_FAILED|REMOVED|CANCELLED|TIMEOUT|SKIPPED)$/;
/** GetTaskInstance calls in flight at once while listing a run's tasks. */
const DETAIL_CONCURRENCY = 4;

export function canStopRun(status: string | undefined): boolean {
  return status !== undefined && STOPPABLE.has(status);
}

export function taskFinished(status: string | undefined): boolean {
  return status !== undefined && FINISHED_TASK.test(status);
}

export interface ServerlessRunRef {
  region: string;
  workflowArn: string;
  workflowName: string;
  runId: string;
  workflowVersion?: string;
}

export interface ServerlessTask {
  id: string;
  name: string;
  taskInstanceId: string;
  taskId: string;
  status?: string;
  operator?: string;
  attempt?: number;
  durationSeconds?: number;
  startedAt?: Date;
  endedAt?: Date;
  error?: string;
  logStream?: string;
  run: ServerlessRunRef;
}

const call = (operation: string, run: Pick<ServerlessRunRef, 'region' | 'workflowName'>, resource?: string) => ({ service: 'airflow-serverless' as const, operation, region: run.region, resource: resource ?? run.workflowName });

/** One page of a run's task instances, each with GetTaskInstance's attempt, times, error and log stream. */
export async function listServerlessTasks(aws: ExplorerAws, run: ServerlessRunRef, pageSize: number, token: string | undefined, idPrefix: string): Promise<Page<ServerlessTask>> {
  const { client } = await callAws(call('ListTaskInstances', run), () => aws.mwaaServerless(run.region));
  const page = await callAws(call('ListTaskInstances', run, `run ${run.runId} of ${run.workflowName}`), () =>
    client.listTaskInstances({ WorkflowArn: run.workflowArn, RunId: run.runId, MaxResults: clampPageSize(pageSize, 'airflow-serverless', 'ListTaskInstances'), NextToken: token }),
  );
  const summaries = page.TaskInstances ?? [];
  const tasks = await mapWithLimit(summaries, DETAIL_CONCURRENCY, async (s): Promise<ServerlessTask> => {
    const id = s.TaskInstanceId ?? '';
    const d = await callAws(call('GetTaskInstance', run, `task instance ${id} of run ${run.runId}`), () => client.getTaskInstance({ WorkflowArn: run.workflowArn, RunId: run.runId, TaskInstanceId: id }));
    const taskId = d.TaskId ?? id;
    return {
      id: `${idPrefix}|task|${id}`,
      name: taskId,
      taskInstanceId: id,
      taskId,
      status: d.Status ?? s.Status,
      operator: d.OperatorName ?? s.OperatorName,
      attempt: d.AttemptNumber,
      durationSeconds: d.DurationInSeconds ?? s.DurationInSeconds,
      startedAt: d.StartedAt,
      endedAt: d.EndedAt,
      error: d.ErrorMessage,
      logStream: d.LogStream,
      run,
    };
  });
  return { items: tasks, nextToken: page.NextToken };
}

export async function stopServerlessRun(aws: ExplorerAws, run: ServerlessRunRef): Promise<string | undefined> {
  const out = await callAws(call('StopWorkflowRun', run, `run ${run.runId} of ${run.workflowName}`), async () => {
    const { client } = await aws.mwaaServerless(run.region);
    return client.stopWorkflowRun({ WorkflowArn: run.workflowArn, RunId: run.runId });
  });
  return out.Status;
}

export interface WorkflowVersionChoice {
  version: string;
  isLatest: boolean;
  createdAt?: Date;
}

/** The newest versions (one page), for the version picker. */
export async function listVersionChoices(aws: ExplorerAws, region: string, workflowArn: string, workflowName: string): Promise<WorkflowVersionChoice[]> {
  const out = await callAws({ service: 'airflow-serverless', operation: 'ListWorkflowVersions', region, resource: workflowName }, async () => {
    const { client } = await aws.mwaaServerless(region);
    return client.listWorkflowVersions({ WorkflowArn: workflowArn, MaxResults: clampPageSize(50, 'airflow-serverless', 'ListWorkflowVersions') });
  });
  return (out.WorkflowVersions ?? []).map((v) => ({ version: v.WorkflowVersion, isLatest: !!v.IsLatestVersion, createdAt: v.CreatedAt }));
}

/**
 * The DAG's params of a workflow version: from GetWorkflow's definition when it carries one, else
 * the definition object in S3 (fetchDefinition, which names s3:GetObject when refused).
 */
export async function workflowParams(aws: ExplorerAws, ref: ResourceRef, version: string | undefined): Promise<DagParams | { problem: string }> {
  const name = ref.workflowName ?? ref.name;
  const got = await callAws({ service: 'airflow-serverless', operation: 'GetWorkflow', region: ref.region, resource: name }, async () => {
    const { client } = await aws.mwaaServerless(ref.region);
    return client.getWorkflow({ WorkflowArn: ref.arn ?? '', WorkflowVersion: version });
  });
  const text = got.WorkflowDefinition ?? (await fetchDefinition(aws, { ...ref, kind: 'mwaaServerlessVersion', workflowName: name, workflowVersion: got.WorkflowVersion ?? version })).text;
  return dagParams(text);
}

export async function startServerlessRun(aws: ExplorerAws, ref: ResourceRef, options: { version?: string; parameters?: Record<string, unknown> }): Promise<{ runId: string; status?: string }> {
  const out = await callAws({ service: 'airflow-serverless', operation: 'StartWorkflowRun', region: ref.region, resource: ref.workflowName ?? ref.name }, async () => {
    const { client } = await aws.mwaaServerless(ref.region);
    return client.startWorkflowRun({ WorkflowArn: ref.arn ?? '', ClientToken: randomUUID(), WorkflowVersion: options.version, OverrideParameters: options.parameters });
  });
  return { runId: out.RunId ?? '', status: out.Status };
}

export interface TaskLogLocation {
  region: string;
  logGroup: string;
  logStream: string;
}

/** Where a task's log is: its LogStream in the run's workflow version's log group; a sentence when there is none. */
export async function taskLogLocation(aws: Pick<ExplorerAws, 'mwaaServerless'>, task: ServerlessTask): Promise<TaskLogLocation> {
  const { run } = task;
  const fresh = await callAws(call('GetTaskInstance', run, `task ${task.taskId} of run ${run.runId}`), async () => {
    const { client } = await aws.mwaaServerless(run.region);
    return client.getTaskInstance({ WorkflowArn: run.workflowArn, RunId: run.runId, TaskInstanceId: task.taskInstanceId });
  });
  if (!fresh.LogStream) {
    throw new Error(`${task.taskId} in run ${run.runId} of ${run.workflowName} has no log stream yet (${fresh.Status ?? 'no status'}): a task writes its log once it starts.`);
  }
  const workflow = await callAws({ service: 'airflow-serverless', operation: 'GetWorkflow', region: run.region, resource: run.workflowName }, async () => {
    const { client } = await aws.mwaaServerless(run.region);
    return client.getWorkflow({ WorkflowArn: run.workflowArn, WorkflowVersion: fresh.WorkflowVersion ?? run.workflowVersion });
  });
  const logGroup = workflow.LoggingConfiguration?.LogGroupName;
  if (!logGroup) throw new Error(`${run.workflowName} has no logging configuration (LoggingConfiguration.LogGroupName), so its task logs are not in CloudWatch Logs; set a log group and deploy again.`);
  return { region: run.region, logGroup, logStream: fresh.LogStream };
}

/** The task's status now: whether its log may still grow. */
export async function taskStatus(aws: Pick<ExplorerAws, 'mwaaServerless'>, run: ServerlessRunRef, taskInstanceId: string, signal?: AbortSignal): Promise<string | undefined> {
  const out = await callAws(call('GetTaskInstance', run, `task instance ${taskInstanceId} of run ${run.runId}`), async () => {
    const { client } = await aws.mwaaServerless(run.region);
    return client.getTaskInstance({ WorkflowArn: run.workflowArn, RunId: run.runId, TaskInstanceId: taskInstanceId }, { abortSignal: signal });
  });
  return out.Status;
}

/** GetLogEvents for one stream, as the log pager asks; a missing group or stream says which. */
export function logPageFetcher(aws: Pick<ExplorerAws, 'logs'>, where: TaskLogLocation): FetchLogPage {
  const ctx = { service: 'logs' as const, operation: 'GetLogEvents', region: where.region, resource: `log stream ${where.logStream} in log group ${where.logGroup}` };
  return async (request, signal) => {
    try {
      return await callAws(ctx, async () => {
        const { client, sdk } = await aws.logs(where.region);
        return client.send(new sdk.GetLogEventsCommand({ logGroupName: where.logGroup, logStreamName: where.logStream, nextToken: request.nextToken, startFromHead: request.nextToken ? undefined : request.startFromHead, limit: request.limit }), { abortSignal: signal });
      });
    } catch (err) {
      throw missingLogSentence(err, where) ?? err;
    }
  };
}

function missingLogSentence(err: unknown, where: TaskLogLocation): Error | undefined {
  if (!(err instanceof AwsActionError) || err.kind !== 'not-found') return undefined;
  const said = String((err.cause as Error | undefined)?.message ?? '');
  if (/log group/i.test(said)) {
    return new AwsActionError(`Could not read the task log: the log group ${where.logGroup} does not exist in ${where.region}. Check the workflow's logging configuration (LoggingConfiguration.LogGroupName) and that the group was not deleted.`, { cause: err, kind: err.kind, context: err.context });
  }
  return new AwsActionError(`Could not read the task log: the log stream ${where.logStream} does not exist in log group ${where.logGroup} (${where.region}). The task may not have written its log yet, or the group's retention removed it.`, { cause: err, kind: err.kind, context: err.context });
}
