// Amazon MWAA Serverless (awsJson1_0, X-Amz-Target AmazonMWAAServerless.<Op>): workflows whose
// YAML definition is read from the emulated S3 at create/update time and kept as a snapshot;
// every update is a new version; runs go queued → running → success/failed on the scaled clock
// (serverlessRuns.ts), one task instance per DAG task, writing their logs to CloudWatch Logs.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { ServiceError, type ConstraintViolation } from '../protocol/errors';
import { paginate } from '../protocol/paging';
import { deniedMessage, type JsonService, type RequestContext } from './context';
import { readObject } from './s3';
import { dagTasks, isoTime, logStreamName, runTimes, stopRun, viewServerlessRun, writeRunLogs, type ServerlessRun, type ServerlessTaskView } from './serverlessRuns';

export type { ServerlessRun } from './serverlessRuns';

interface S3Location {
  Bucket: string;
  ObjectKey: string;
  VersionId?: string;
}

export interface ServerlessWorkflowVersion {
  version: string;
  definitionS3Location: S3Location;
  definition: string;
  roleArn: string;
  description?: string;
  loggingConfiguration?: { LogGroupName: string };
  engineVersion: number;
  networkConfiguration?: { SecurityGroupIds?: string[]; SubnetIds?: string[] };
  triggerMode?: string;
  createdAt: string;
}

export interface ServerlessWorkflow {
  arn: string;
  name: string;
  createdAt: string;
  modifiedAt: string;
  encryptionConfiguration: { Type: 'AWS_MANAGED_KEY' | 'CUSTOMER_MANAGED_KEY'; KmsKeyId?: string };
  tags: Record<string, string>;
  /** Oldest first; the last one is the latest. */
  versions: ServerlessWorkflowVersion[];
  /** Emulator only (seed): tasks that fail in every run, and extra log lines per task (benches). */
  failTasks?: string[];
  logLines?: number;
}

export interface MwaaServerlessState {
  workflows: Record<string, ServerlessWorkflow>;
  runs: Record<string, ServerlessRun>;
}

function validation(message: string, fields: { Name: string; Message: string }[] = [], reason = 'fieldValidationFailed'): ServiceError {
  return new ServiceError('ValidationException', message, 400, { Reason: reason, FieldList: fields.length ? fields : undefined });
}

function notFound(id: string, type: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `${type} ${id} not found.`, 404, { ResourceId: id, ResourceType: type });
}

function conflict(message: string, id: string, type: string): ServiceError {
  return new ServiceError('ConflictException', message, 409, { ResourceId: id, ResourceType: type });
}

function mwsState(ctx: RequestContext): MwaaServerlessState {
  return ctx.store.region(ctx.region).airflowServerless;
}

function findWorkflow(ctx: RequestContext, arn: string): ServerlessWorkflow {
  const workflow = mwsState(ctx).workflows[arn];
  if (!workflow) throw notFound(arn, 'Workflow');
  return workflow;
}

function findVersion(workflow: ServerlessWorkflow, version?: string): ServerlessWorkflowVersion {
  const found = version ? workflow.versions.find((v) => v.version === version) : workflow.versions.at(-1);
  if (!found) throw notFound(`${workflow.arn}:${version}`, 'WorkflowVersion');
  return found;
}

/** Reads and parses the definition, as the service snapshots it at create/update time. */
function readDefinition(ctx: RequestContext, location: S3Location): { text: string; tasks: string[]; schedule?: string } {
  const object = readObject(ctx.store, location.Bucket, location.ObjectKey, location.VersionId);
  const where = `s3://${location.Bucket}/${location.ObjectKey}${location.VersionId ? ` (version ${location.VersionId})` : ''}`;
  if (!object) {
    throw validation(`Unable to read the workflow definition at ${where}: the object does not exist or is not accessible.`, [
      { Name: 'DefinitionS3Location', Message: `The object ${where} does not exist or is not accessible.` },
    ]);
  }
  const text = object.body.toString('utf8');
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw validation(`The workflow definition at ${where} is not valid YAML: ${(e as Error).message.split('\n')[0]}`, [{ Name: 'DefinitionS3Location', Message: 'The definition is not valid YAML.' }]);
  }
  const dags = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? Object.values(doc as Record<string, unknown>) : [];
  const dag = dags.find((d): d is Record<string, unknown> => typeof d === 'object' && d !== null && 'tasks' in d);
  if (!dag) {
    throw validation(`The workflow definition at ${where} has no DAG with tasks.`, [{ Name: 'DefinitionS3Location', Message: 'The definition must map a DAG id to a DAG with tasks.' }]);
  }
  const tasks = typeof dag.tasks === 'object' && dag.tasks !== null ? Object.keys(dag.tasks as object) : [];
  return { text, tasks, schedule: typeof dag.schedule === 'string' ? dag.schedule : undefined };
}

function newVersionId(): string {
  return randomBytes(16).toString('hex');
}

function checkCommon(input: { EngineVersion?: number; EncryptionConfiguration?: { Type: string; KmsKeyId?: string } }): void {
  if (input.EngineVersion !== undefined && input.EngineVersion !== 1) {
    throw validation('EngineVersion must be 1.', [{ Name: 'EngineVersion', Message: 'Supported engine versions: 1.' }]);
  }
  const enc = input.EncryptionConfiguration;
  if (enc?.Type === 'CUSTOMER_MANAGED_KEY' && !enc.KmsKeyId) {
    throw validation('KmsKeyId is required when the encryption type is CUSTOMER_MANAGED_KEY.', [{ Name: 'EncryptionConfiguration.KmsKeyId', Message: 'Required with CUSTOMER_MANAGED_KEY.' }]);
  }
}

/** Replays a request with the same ClientToken; a token reused with other parameters is a conflict. */
function idempotent<T>(ctx: RequestContext, operation: string, token: string | undefined, input: unknown, run: () => T): T {
  if (!token) return run();
  const key = `airflow-serverless:${ctx.region}:${operation}:${token}`;
  const fingerprint = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const previous = ctx.store.state.idempotency[key];
  if (previous) {
    if (previous.fingerprint !== fingerprint) throw conflict(`The client token ${token} was already used with different parameters.`, token, 'ClientToken');
    return previous.response as T;
  }
  const response = run();
  ctx.store.state.idempotency[key] = { fingerprint, response };
  return response;
}

interface CreateWorkflowInput {
  Name: string;
  ClientToken?: string;
  DefinitionS3Location: S3Location;
  RoleArn: string;
  Description?: string;
  EncryptionConfiguration?: { Type: 'AWS_MANAGED_KEY' | 'CUSTOMER_MANAGED_KEY'; KmsKeyId?: string };
  LoggingConfiguration?: { LogGroupName: string };
  EngineVersion?: number;
  NetworkConfiguration?: { SecurityGroupIds?: string[]; SubnetIds?: string[] };
  Tags?: Record<string, string>;
  TriggerMode?: string;
}

/** Create and Update both snapshot the definition and settings into a new version. */
function versionFrom(input: Omit<CreateWorkflowInput, 'Name' | 'ClientToken' | 'Tags' | 'EncryptionConfiguration'>, definition: string, now: string): ServerlessWorkflowVersion {
  return {
    version: newVersionId(),
    definitionS3Location: input.DefinitionS3Location,
    definition,
    roleArn: input.RoleArn,
    description: input.Description,
    loggingConfiguration: input.LoggingConfiguration,
    engineVersion: input.EngineVersion ?? 1,
    networkConfiguration: input.NetworkConfiguration,
    triggerMode: input.TriggerMode,
    createdAt: now,
  };
}

export function createServerlessWorkflow(input: CreateWorkflowInput, ctx: RequestContext) {
  const { ClientToken, ...params } = input;
  return idempotent(ctx, 'CreateWorkflow', ClientToken, params, () => {
    checkCommon(input);
    const existing = Object.values(mwsState(ctx).workflows).find((w) => w.name === input.Name);
    if (existing) throw conflict(`A workflow named ${input.Name} already exists.`, existing.arn, 'Workflow');
    const definition = readDefinition(ctx, input.DefinitionS3Location);
    const suffix = randomBytes(8).toString('hex').slice(0, 10);
    const arn = `arn:aws:airflow-serverless:${ctx.region}:${ctx.accountId}:workflow/${input.Name}-${suffix}`;
    const version = versionFrom(input, definition.text, ctx.now);
    mwsState(ctx).workflows[arn] = {
      arn,
      name: input.Name,
      createdAt: ctx.now,
      modifiedAt: ctx.now,
      encryptionConfiguration: input.EncryptionConfiguration ?? { Type: 'AWS_MANAGED_KEY' },
      tags: input.Tags ?? {},
      versions: [version],
    };
    return { WorkflowArn: arn, CreatedAt: ctx.now, RevisionId: randomUUID(), WorkflowStatus: 'READY', WorkflowVersion: version.version, IsLatestVersion: true, Warnings: [] as string[] };
  });
}

function scheduleOf(version: ServerlessWorkflowVersion) {
  try {
    const doc = parseYaml(version.definition) as Record<string, { schedule?: unknown }>;
    const schedule = Object.values(doc).find((d) => d && typeof d.schedule === 'string')?.schedule as string | undefined;
    return schedule ? { CronExpression: schedule } : undefined;
  } catch {
    return undefined;
  }
}

function workflowRunDetail(run: ServerlessRun, now: number) {
  const view = viewServerlessRun(run, now);
  const times = runTimes(view);
  return {
    WorkflowArn: run.workflowArn,
    WorkflowVersion: run.workflowVersion,
    RunId: run.runId,
    RunType: run.runType,
    StartedOn: times.startedAt,
    CreatedAt: run.createdAt,
    CompletedOn: times.endedAt,
    ModifiedAt: times.endedAt ?? times.startedAt ?? run.createdAt,
    Duration: times.durationSeconds,
    ErrorMessage: view.errorMessage,
    TaskInstances: run.tasks.map((t) => taskInstanceId(run, t.taskId)),
    RunState: view.status,
  };
}

function taskInstanceId(run: ServerlessRun, task: string): string {
  return `${run.runId}-${task}`.replace(/[^a-zA-Z0-9.\-_]/g, '_');
}

const seconds = (t: ServerlessTaskView) => (t.startMs !== undefined && t.endMs !== undefined ? Math.round((t.endMs - t.startMs) / 1000) : undefined);

/** Starts a run now, or (seeds) one that was queued at `queuedAtMs`. */
export function startServerlessRun(ctx: RequestContext, workflow: ServerlessWorkflow, version: ServerlessWorkflowVersion, options: { overrideParameters?: Record<string, unknown>; queuedAtMs: number; failTasks?: string[]; runType?: 'ON_DEMAND' | 'SCHEDULED' }): ServerlessRun {
  const runId = randomBytes(16).toString('hex');
  const failTasks = options.failTasks ?? workflow.failTasks ?? [];
  const dag = dagTasks(version.definition);
  const run: ServerlessRun = {
    runId,
    workflowArn: workflow.arn,
    workflowVersion: version.version,
    runType: options.runType ?? 'ON_DEMAND',
    overrideParameters: options.overrideParameters,
    createdAt: new Date(options.queuedAtMs).toISOString(),
    queuedAtMs: options.queuedAtMs,
    timeScale: ctx.runtime.timeScale ?? 0.01,
    logGroup: version.loggingConfiguration?.LogGroupName,
    dagId: dag.dagId,
    tasks: dag.tasks.map((t) => ({ ...t, fail: failTasks.includes(t.taskId), logLines: workflow.logLines ?? 0 })),
  };
  mwsState(ctx).runs[runId] = run;
  return run;
}

/** Seed: the workflow's failing tasks and log size, and runs that finished an hour ago, a minute apart. */
export function seedServerlessRuns(ctx: RequestContext, workflowArn: string, seed: { failTasks?: string[]; logLines?: number; runs?: { failTask?: string }[] }): void {
  const workflow = findWorkflow(ctx, workflowArn);
  workflow.failTasks = seed.failTasks;
  workflow.logLines = seed.logLines;
  const now = Date.parse(ctx.now);
  const runs = seed.runs ?? [];
  runs.forEach((r, i) => {
    const run = startServerlessRun(ctx, workflow, workflow.versions.at(-1)!, { queuedAtMs: now - 3_600_000 - (runs.length - i) * 60_000, failTasks: r.failTask ? [r.failTask] : [], runType: 'SCHEDULED' });
    writeRunLogs(ctx, run, now);
  });
}

/** Writes the log lines every run has reached on the clock to its workflow's log group (CloudWatch Logs reads call this). */
export function writeServerlessRunLogs(ctx: RequestContext): void {
  const now = Date.now();
  for (const run of Object.values(mwsState(ctx).runs)) if (!run.logsDone) writeRunLogs(ctx, run, now);
}

function findRun(ctx: RequestContext, workflowArn: string, runId: string): ServerlessRun {
  findWorkflow(ctx, workflowArn);
  const run = mwsState(ctx).runs[runId];
  if (!run || run.workflowArn !== workflowArn) throw notFound(runId, 'WorkflowRun');
  return run;
}

const invalidToken = () => validation('The pagination token is not valid.', [{ Name: 'NextToken', Message: 'Invalid token.' }]);

export const mwaaServerless: JsonService = {
  name: 'airflow-serverless',
  modelId: 'mwaa-serverless',
  pathStyle: 'pointer',
  validationError(violations: ConstraintViolation[]) {
    const n = violations.length;
    const message = `${n} validation error${n === 1 ? '' : 's'} detected. ${violations.map((v) => `Value at '${v.path}' failed to satisfy constraint: ${v.constraint}`).join('; ')}`;
    return validation(message, violations.map((v) => ({ Name: v.path, Message: `Value at '${v.path}' failed to satisfy constraint: ${v.constraint}` })));
  },
  faults: {
    internal: () => new ServiceError('InternalServerException', 'An internal error occurred.', 500),
    throttle: () => new ServiceError('ThrottlingException', 'Rate exceeded', 429, { ServiceCode: 'airflow-serverless', QuotaCode: 'RequestRate', RetryAfterSeconds: 1 }),
    accessDenied: (op, region) => new ServiceError('AccessDeniedException', deniedMessage('airflow-serverless', op, region), 403),
  },
  operations: {
    CreateWorkflow: createServerlessWorkflow,
    UpdateWorkflow(input: Omit<CreateWorkflowInput, 'Name' | 'ClientToken' | 'Tags' | 'EncryptionConfiguration'> & { WorkflowArn: string }, ctx) {
      const workflow = findWorkflow(ctx, input.WorkflowArn);
      checkCommon(input);
      const definition = readDefinition(ctx, input.DefinitionS3Location);
      const version = versionFrom(input, definition.text, ctx.now);
      workflow.versions.push(version);
      workflow.modifiedAt = ctx.now;
      return { WorkflowArn: workflow.arn, ModifiedAt: ctx.now, WorkflowVersion: version.version, Warnings: [] };
    },
    GetWorkflow(input: { WorkflowArn: string; WorkflowVersion?: string }, ctx) {
      const workflow = findWorkflow(ctx, input.WorkflowArn);
      const v = findVersion(workflow, input.WorkflowVersion);
      return {
        WorkflowArn: workflow.arn,
        WorkflowVersion: v.version,
        Name: workflow.name,
        Description: v.description,
        CreatedAt: workflow.createdAt,
        ModifiedAt: v.createdAt,
        EncryptionConfiguration: workflow.encryptionConfiguration,
        LoggingConfiguration: v.loggingConfiguration,
        EngineVersion: v.engineVersion,
        WorkflowStatus: 'READY',
        DefinitionS3Location: v.definitionS3Location,
        ScheduleConfiguration: scheduleOf(v),
        RoleArn: v.roleArn,
        NetworkConfiguration: v.networkConfiguration,
        TriggerMode: v.triggerMode,
        WorkflowDefinition: v.definition,
      };
    },
    DeleteWorkflow(input: { WorkflowArn: string; WorkflowVersion?: string }, ctx) {
      const workflow = findWorkflow(ctx, input.WorkflowArn);
      if (input.WorkflowVersion) {
        const v = findVersion(workflow, input.WorkflowVersion);
        workflow.versions = workflow.versions.filter((o) => o !== v);
        if (workflow.versions.length) return { WorkflowArn: workflow.arn, WorkflowVersion: v.version };
      }
      delete mwsState(ctx).workflows[workflow.arn];
      for (const run of Object.values(mwsState(ctx).runs)) if (run.workflowArn === workflow.arn) delete mwsState(ctx).runs[run.runId];
      return { WorkflowArn: workflow.arn, WorkflowVersion: input.WorkflowVersion };
    },
    ListWorkflows(input: { MaxResults?: number; NextToken?: string }, ctx) {
      const all = Object.values(mwsState(ctx).workflows).sort((a, b) => a.name.localeCompare(b.name));
      const page = paginate(all, { maxResults: input.MaxResults, nextToken: input.NextToken }, ctx.runtime.pageSize, `airflow-serverless:ListWorkflows:${ctx.region}`, invalidToken);
      return {
        Workflows: page.items.map((w) => {
          const latest = w.versions.at(-1)!;
          return { WorkflowArn: w.arn, WorkflowVersion: latest.version, Name: w.name, Description: latest.description, CreatedAt: w.createdAt, ModifiedAt: w.modifiedAt, WorkflowStatus: 'READY', TriggerMode: latest.triggerMode };
        }),
        NextToken: page.nextToken,
      };
    },
    ListWorkflowVersions(input: { WorkflowArn: string; MaxResults?: number; NextToken?: string }, ctx) {
      const workflow = findWorkflow(ctx, input.WorkflowArn);
      const latest = workflow.versions.at(-1);
      const newestFirst = [...workflow.versions].reverse();
      const page = paginate(newestFirst, { maxResults: input.MaxResults, nextToken: input.NextToken }, ctx.runtime.pageSize, `airflow-serverless:ListWorkflowVersions:${workflow.arn}`, invalidToken);
      return {
        WorkflowVersions: page.items.map((v) => ({
          WorkflowVersion: v.version,
          WorkflowArn: workflow.arn,
          IsLatestVersion: v === latest,
          CreatedAt: v.createdAt,
          ModifiedAt: v.createdAt,
          DefinitionS3Location: v.definitionS3Location,
          ScheduleConfiguration: scheduleOf(v),
          TriggerMode: v.triggerMode,
        })),
        NextToken: page.nextToken,
      };
    },
    StartWorkflowRun(input: { WorkflowArn: string; ClientToken?: string; OverrideParameters?: Record<string, unknown>; WorkflowVersion?: string }, ctx) {
      const { ClientToken, ...params } = input;
      return idempotent(ctx, 'StartWorkflowRun', ClientToken, params, () => {
        const workflow = findWorkflow(ctx, input.WorkflowArn);
        const version = findVersion(workflow, input.WorkflowVersion);
        const run = startServerlessRun(ctx, workflow, version, { overrideParameters: input.OverrideParameters, queuedAtMs: Date.parse(ctx.now) });
        return { RunId: run.runId, Status: 'STARTING', StartedAt: ctx.now };
      });
    },
    StopWorkflowRun(input: { WorkflowArn: string; RunId: string }, ctx) {
      const run = findRun(ctx, input.WorkflowArn, input.RunId);
      const now = Date.now();
      const before = viewServerlessRun(run, now).status;
      if (!['STARTING', 'QUEUED', 'RUNNING'].includes(before)) {
        throw conflict(`Run ${run.runId} is ${before}; only a starting, queued or running run can be stopped.`, run.runId, 'WorkflowRun');
      }
      stopRun(run, now);
      return { WorkflowArn: run.workflowArn, WorkflowVersion: run.workflowVersion, RunId: run.runId, Status: 'STOPPING' };
    },
    GetWorkflowRun(input: { WorkflowArn: string; RunId: string }, ctx) {
      const run = findRun(ctx, input.WorkflowArn, input.RunId);
      return { WorkflowArn: run.workflowArn, WorkflowVersion: run.workflowVersion, RunId: run.runId, RunType: run.runType, OverrideParameters: run.overrideParameters, RunDetail: workflowRunDetail(run, Date.now()) };
    },
    ListWorkflowRuns(input: { WorkflowArn: string; WorkflowVersion?: string; MaxResults?: number; NextToken?: string }, ctx) {
      findWorkflow(ctx, input.WorkflowArn);
      const runs = Object.values(mwsState(ctx).runs)
        .filter((r) => r.workflowArn === input.WorkflowArn && (!input.WorkflowVersion || r.workflowVersion === input.WorkflowVersion))
        .sort((a, b) => b.queuedAtMs - a.queuedAtMs);
      const page = paginate(runs, { maxResults: input.MaxResults, nextToken: input.NextToken }, ctx.runtime.pageSize, `airflow-serverless:ListWorkflowRuns:${input.WorkflowArn}:${input.WorkflowVersion ?? ''}`, invalidToken);
      const now = Date.now();
      return {
        WorkflowRuns: page.items.map((r) => {
          const view = viewServerlessRun(r, now);
          const times = runTimes(view);
          return {
            RunId: r.runId,
            WorkflowArn: r.workflowArn,
            WorkflowVersion: r.workflowVersion,
            RunType: r.runType,
            RunDetailSummary: { Status: view.status, CreatedOn: r.createdAt, StartedAt: times.startedAt, EndedAt: times.endedAt },
          };
        }),
        NextToken: page.nextToken,
      };
    },
    ListTaskInstances(input: { WorkflowArn: string; RunId: string; MaxResults?: number; NextToken?: string }, ctx) {
      const run = findRun(ctx, input.WorkflowArn, input.RunId);
      const view = viewServerlessRun(run, Date.now());
      const page = paginate(view.tasks, { maxResults: input.MaxResults, nextToken: input.NextToken }, ctx.runtime.pageSize, `airflow-serverless:ListTaskInstances:${run.runId}`, invalidToken);
      return {
        TaskInstances: page.items.map((t) => ({ WorkflowArn: run.workflowArn, WorkflowVersion: run.workflowVersion, RunId: run.runId, TaskInstanceId: taskInstanceId(run, t.taskId), Status: t.status, DurationInSeconds: seconds(t), OperatorName: t.operator })),
        NextToken: page.nextToken,
      };
    },
    GetTaskInstance(input: { WorkflowArn: string; RunId: string; TaskInstanceId: string }, ctx) {
      const run = findRun(ctx, input.WorkflowArn, input.RunId);
      const task = viewServerlessRun(run, Date.now()).tasks.find((t) => taskInstanceId(run, t.taskId) === input.TaskInstanceId);
      if (!task) throw notFound(input.TaskInstanceId, 'TaskInstance');
      return {
        WorkflowArn: run.workflowArn,
        RunId: run.runId,
        TaskInstanceId: input.TaskInstanceId,
        WorkflowVersion: run.workflowVersion,
        Status: task.status,
        DurationInSeconds: seconds(task),
        OperatorName: task.operator,
        ModifiedAt: isoTime(task.endMs ?? task.startMs) ?? run.createdAt,
        StartedAt: isoTime(task.startMs),
        EndedAt: isoTime(task.endMs),
        AttemptNumber: task.startMs === undefined ? 0 : 1,
        ErrorMessage: task.errorMessage,
        TaskId: task.taskId,
        // Airflow's log file template; present once the task started, when the workflow logs to CloudWatch.
        LogStream: run.logGroup && task.startMs !== undefined ? logStreamName(run, task.taskId) : undefined,
      };
    },
    TagResource(input: { ResourceArn: string; Tags: Record<string, string> }, ctx) {
      const workflow = findWorkflow(ctx, input.ResourceArn);
      workflow.tags = { ...workflow.tags, ...input.Tags };
      return {};
    },
    UntagResource(input: { ResourceArn: string; TagKeys: string[] }, ctx) {
      const workflow = findWorkflow(ctx, input.ResourceArn);
      for (const key of input.TagKeys) delete workflow.tags[key];
      return {};
    },
    ListTagsForResource(input: { ResourceArn: string }, ctx) {
      return { Tags: findWorkflow(ctx, input.ResourceArn).tags };
    },
  },
};
