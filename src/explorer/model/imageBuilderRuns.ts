// What the explorer shows of Image Builder image builds and the workflows they ran, as plain data:
// images, build versions, workflow executions, their steps, the steps waiting for an action, and
// the calls that list them or act on a waiting step. No vscode here; loaded on first expand.

import { AwsActionError, awsSaidIn, callAws, classifyAwsError, type AwsCallContext } from '../../aws/errors';
import { IMAGE_BUILDER_PAGE_LIMITS, STEP_ACTION_REASON_LENGTH } from './imageBuilderLimits.generated';
import type { ExplorerAws } from './listing';
import { formatDuration, formatTime, type Page } from './resources';

export interface ImageVersionItem {
  id: string;
  name: string;
  region: string;
  arn: string;
  version: string;
  platform?: string;
  osVersion?: string;
  createdAt?: Date;
}

export interface ImageBuildItem {
  id: string;
  name: string;
  region: string;
  arn: string;
  status?: string;
  reason?: string;
  createdAt?: Date;
  amis: string[];
}

export interface WorkflowExecutionItem {
  id: string;
  name: string;
  region: string;
  imageArn: string;
  executionId: string;
  workflowArn?: string;
  type?: string;
  status?: string;
  message?: string;
  totalSteps?: number;
  succeeded?: number;
  failed?: number;
  skipped?: number;
  startedAt?: Date;
  endedAt?: Date;
  parallelGroup?: string;
  retried?: boolean;
}

export interface WorkflowStepItem {
  id: string;
  name: string;
  region: string;
  imageArn: string;
  executionId?: string;
  stepId: string;
  action?: string;
  description?: string;
  status?: string;
  rollbackStatus?: string;
  message?: string;
  inputs?: string;
  outputs?: string;
  startedAt?: Date;
  endedAt?: Date;
  /** A WaitForAction step that is running: it takes RESUME or STOP. */
  waiting: boolean;
  /** From ListWaitingWorkflowSteps: the workflow it belongs to. */
  workflowArn?: string;
}

export type StepAction = 'RESUME' | 'STOP';

// The model's status enums: what still moves.
const ACTIVE_EXECUTION = new Set(['PENDING', 'RUNNING', 'ROLLBACK_IN_PROGRESS']);
const ACTIVE_STEP = new Set(['PENDING', 'RUNNING']);
const ACTIVE_IMAGE = new Set(['PENDING', 'CREATING', 'BUILDING', 'TESTING', 'DISTRIBUTING', 'INTEGRATING']);

export const isActiveExecution = (status: string | undefined) => status !== undefined && ACTIVE_EXECUTION.has(status);
export const isActiveStep = (status: string | undefined) => status !== undefined && ACTIVE_STEP.has(status);
export const isActiveImage = (status: string | undefined) => status !== undefined && ACTIVE_IMAGE.has(status);

/** `demo-build 1.0.0/1` from `…:workflow/build/demo-build/1.0.0/1`. */
export function workflowLabel(arn: string | undefined): string {
  const m = /workflow\/[a-z]+\/([^/]+)\/([^/]+)\/(\d+)$/.exec(arn ?? '');
  return m ? `${m[1]} ${m[2]}/${m[3]}` : (arn ?? 'workflow');
}

/** `approval-image 1.0.0/1` from an image build version ARN. */
export function imageBuildLabel(arn: string): string {
  const m = /image\/([^/]+)\/([^/]+)\/(\d+)$/.exec(arn);
  return m ? `${m[1]} ${m[2]}/${m[3]}` : arn;
}

export function executionDescription(e: WorkflowExecutionItem): string {
  const parts: string[] = [];
  if (e.type) parts.push(e.type);
  if (e.status) parts.push(e.status);
  if (e.totalSteps !== undefined) parts.push(`${e.succeeded ?? 0}/${e.totalSteps} steps${e.failed ? `, ${e.failed} failed` : ''}`);
  if (e.startedAt) parts.push(formatTime(e.startedAt));
  if (e.startedAt && e.endedAt) parts.push(formatDuration(e.endedAt.getTime() - e.startedAt.getTime()));
  return parts.join(' · ');
}

export function stepDescription(s: WorkflowStepItem): string {
  const parts: string[] = [];
  if (s.action) parts.push(s.action);
  parts.push(s.waiting ? 'waiting for an action' : (s.status ?? ''));
  if (s.rollbackStatus) parts.push(`rollback ${s.rollbackStatus}`);
  if (s.startedAt && s.endedAt) parts.push(formatDuration(s.endedAt.getTime() - s.startedAt.getTime()));
  return parts.filter(Boolean).join(' · ');
}

/** The optional reason for SendWorkflowStepAction, checked against the model's length; undefined when fine. */
export function reasonProblem(reason: string): string | undefined {
  if (reason.length === 0) return undefined;
  const { min, max } = STEP_ACTION_REASON_LENGTH;
  if (reason.length < min || reason.length > max) return `The reason must be ${min} to ${max} characters (it has ${reason.length}).`;
  return undefined;
}

/** The API's step inputs/outputs are JSON text: the value when it parses, the text when not. */
export function parsedJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The page size setting within the operation's maxResults range (1 to 25 for all of these). */
function pageOf(pageSize: number, operation: keyof typeof IMAGE_BUILDER_PAGE_LIMITS): number {
  const { min, max } = IMAGE_BUILDER_PAGE_LIMITS[operation];
  return Math.min(max, Math.max(min, Number.isFinite(pageSize) ? Math.floor(pageSize) : max));
}

function date(value: string | Date | undefined): Date | undefined {
  if (!value) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The service's own refusals in plain words: InvalidRequestException and ResourceNotFoundException
 * say what is wrong with the thing asked about, not "fix the input". Everything else (AccessDenied
 * with its IAM action, throttling, network) is the shared sentence of src/aws/errors.ts.
 */
async function call<T>(ctx: AwsCallContext, plain: { invalid?: string; notFound?: string }, fn: () => Promise<T>): Promise<T> {
  try {
    return await callAws(ctx, fn);
  } catch (err) {
    if (!(err instanceof AwsActionError)) throw err;
    const name = (err.cause as { name?: string } | undefined)?.name;
    const said = awsSaidIn(err);
    const tried = `EC2 Image Builder ${ctx.operation}${ctx.resource ? ` for ${ctx.resource}` : ''} in ${ctx.region}`;
    const why = name === 'InvalidRequestException' ? plain.invalid : name === 'ResourceNotFoundException' ? plain.notFound : undefined;
    if (!why) throw err;
    throw new AwsActionError(`${tried} failed: ${why}${said ? ` (AWS said: ${said})` : ''}.`, { cause: err.cause, kind: classifyAwsError(err.cause), context: ctx });
  }
}

/** The Image Builder calls behind the images tree, for one region. */
export class ImageBuilderRuns {
  constructor(
    private readonly aws: Pick<ExplorerAws, 'imagebuilder'>,
    readonly region: string,
  ) {}

  private ctx(operation: string, resource?: string): AwsCallContext {
    return { service: 'imagebuilder', operation, region: this.region, resource };
  }

  async listImages(pageSize: number, token?: string): Promise<Page<ImageVersionItem>> {
    const out = await call(this.ctx('ListImages'), {}, async () => {
      const { client, sdk } = await this.aws.imagebuilder(this.region);
      return client.send(new sdk.ListImagesCommand({ owner: 'Self', maxResults: pageOf(pageSize, 'ListImages'), nextToken: token }));
    });
    return {
      items: (out.imageVersionList ?? []).map((i) => ({
        id: `imageVersion|${this.region}|${i.arn}`,
        name: `${i.name ?? ''} ${i.version ?? ''}`.trim(),
        region: this.region,
        arn: i.arn ?? '',
        version: i.version ?? '',
        platform: i.platform,
        osVersion: i.osVersion,
        createdAt: date(i.dateCreated),
      })),
      nextToken: out.nextToken,
    };
  }

  async listBuilds(image: ImageVersionItem, pageSize: number, token?: string): Promise<Page<ImageBuildItem>> {
    const out = await call(this.ctx('ListImageBuildVersions', image.name), { invalid: `the image version ${image.name} could not be read; refresh the images` }, async () => {
      const { client, sdk } = await this.aws.imagebuilder(this.region);
      return client.send(new sdk.ListImageBuildVersionsCommand({ imageVersionArn: image.arn, maxResults: pageOf(pageSize, 'ListImageBuildVersions'), nextToken: token }));
    });
    return {
      items: (out.imageSummaryList ?? []).map((i) => ({
        id: `imageBuild|${this.region}|${i.arn}`,
        name: i.arn ? imageBuildLabel(i.arn) : (i.name ?? ''),
        region: this.region,
        arn: i.arn ?? '',
        status: i.state?.status,
        reason: i.state?.reason,
        createdAt: date(i.dateCreated),
        amis: (i.outputResources?.amis ?? []).map((a) => a.image ?? '').filter(Boolean),
      })),
      nextToken: out.nextToken,
    };
  }

  async listExecutions(imageArn: string, pageSize: number, token?: string): Promise<Page<WorkflowExecutionItem>> {
    const label = imageBuildLabel(imageArn);
    const out = await call(this.ctx('ListWorkflowExecutions', label), { invalid: `the image build ${label} no longer exists or has no workflow executions to list; refresh the images` }, async () => {
      const { client, sdk } = await this.aws.imagebuilder(this.region);
      return client.send(new sdk.ListWorkflowExecutionsCommand({ imageBuildVersionArn: imageArn, maxResults: pageOf(pageSize, 'ListWorkflowExecutions'), nextToken: token }));
    });
    return {
      items: (out.workflowExecutions ?? []).map((e) => ({
        id: `workflowExecution|${this.region}|${e.workflowExecutionId}`,
        name: workflowLabel(e.workflowBuildVersionArn),
        region: this.region,
        imageArn,
        executionId: e.workflowExecutionId ?? '',
        workflowArn: e.workflowBuildVersionArn,
        type: e.type,
        status: e.status,
        message: e.message,
        totalSteps: e.totalStepCount,
        succeeded: e.totalStepsSucceeded,
        failed: e.totalStepsFailed,
        skipped: e.totalStepsSkipped,
        startedAt: date(e.startTime),
        endedAt: date(e.endTime),
        parallelGroup: e.parallelGroup,
        retried: e.retried,
      })),
      nextToken: out.nextToken,
    };
  }

  async listSteps(execution: WorkflowExecutionItem, pageSize: number, token?: string): Promise<Page<WorkflowStepItem>> {
    const out = await call(this.ctx('ListWorkflowStepExecutions', execution.executionId), { invalid: `the workflow execution ${execution.executionId} no longer exists; refresh the image build` }, async () => {
      const { client, sdk } = await this.aws.imagebuilder(this.region);
      return client.send(new sdk.ListWorkflowStepExecutionsCommand({ workflowExecutionId: execution.executionId, maxResults: pageOf(pageSize, 'ListWorkflowStepExecutions'), nextToken: token }));
    });
    return {
      items: (out.steps ?? []).map((s) => ({
        id: `workflowStep|${this.region}|${s.stepExecutionId}`,
        name: s.name ?? s.stepExecutionId ?? '',
        region: this.region,
        imageArn: out.imageBuildVersionArn ?? execution.imageArn,
        executionId: execution.executionId,
        stepId: s.stepExecutionId ?? '',
        action: s.action,
        description: s.description,
        status: s.status,
        rollbackStatus: s.rollbackStatus,
        message: s.message,
        inputs: s.inputs,
        outputs: s.outputs,
        startedAt: date(s.startTime),
        endedAt: date(s.endTime),
        waiting: s.action === 'WaitForAction' && s.status === 'RUNNING',
        workflowArn: out.workflowBuildVersionArn,
      })),
      nextToken: out.nextToken,
    };
  }

  async listWaiting(pageSize: number, token?: string): Promise<Page<WorkflowStepItem>> {
    const out = await call(this.ctx('ListWaitingWorkflowSteps'), {}, async () => {
      const { client, sdk } = await this.aws.imagebuilder(this.region);
      return client.send(new sdk.ListWaitingWorkflowStepsCommand({ maxResults: pageOf(pageSize, 'ListWaitingWorkflowSteps'), nextToken: token }));
    });
    return {
      items: (out.steps ?? []).map((s) => ({
        id: `waitingStep|${this.region}|${s.stepExecutionId}`,
        name: s.name ?? s.stepExecutionId ?? '',
        region: this.region,
        imageArn: s.imageBuildVersionArn ?? '',
        executionId: s.workflowExecutionId,
        stepId: s.stepExecutionId ?? '',
        action: s.action,
        status: 'RUNNING',
        startedAt: date(s.startTime),
        waiting: true,
        workflowArn: s.workflowBuildVersionArn,
      })),
      nextToken: out.nextToken,
    };
  }

  async getExecution(executionId: string) {
    return call(this.ctx('GetWorkflowExecution', executionId), { invalid: `the workflow execution ${executionId} no longer exists` }, async () => {
      const { client, sdk } = await this.aws.imagebuilder(this.region);
      return client.send(new sdk.GetWorkflowExecutionCommand({ workflowExecutionId: executionId }));
    });
  }

  async getStep(stepId: string) {
    return call(this.ctx('GetWorkflowStepExecution', stepId), { invalid: `the workflow step ${stepId} no longer exists` }, async () => {
      const { client, sdk } = await this.aws.imagebuilder(this.region);
      return client.send(new sdk.GetWorkflowStepExecutionCommand({ stepExecutionId: stepId }));
    });
  }

  /** RESUME or STOP a waiting step; `clientToken` makes a retried request count once. */
  async sendAction(step: Pick<WorkflowStepItem, 'stepId' | 'name' | 'imageArn'>, action: StepAction, reason: string | undefined, clientToken: string): Promise<void> {
    const verb = action === 'RESUME' ? 'resumed' : 'stopped';
    await call(
      this.ctx('SendWorkflowStepAction', step.name),
      {
        invalid: `the step ${step.name} is no longer waiting for an action (it was resumed, stopped or timed out), so it cannot be ${verb}; refresh to see its status`,
        notFound: `the step ${step.name} no longer exists; refresh the image build`,
      },
      async () => {
        const { client, sdk } = await this.aws.imagebuilder(this.region);
        return client.send(new sdk.SendWorkflowStepActionCommand({ stepExecutionId: step.stepId, imageBuildVersionArn: step.imageArn, action, reason: reason || undefined, clientToken }));
      },
    );
  }
}

/** What the modal confirmation says before RESUME or STOP: the step, what it waits for, and what follows. */
export function confirmation(step: Pick<WorkflowStepItem, 'name' | 'imageArn' | 'description' | 'message' | 'startedAt'>, action: StepAction, reason: string | undefined): { message: string; detail: string } {
  const image = imageBuildLabel(step.imageArn);
  const message = `${action === 'RESUME' ? 'Resume' : 'Stop'} the step ${step.name} of ${image}?`;
  const lines = [`${step.name} is waiting for an action${step.startedAt ? ` since ${formatTime(step.startedAt)}` : ''}.`];
  if (step.description) lines.push(`What it waits for: ${step.description}`);
  if (step.message && step.message !== step.description) lines.push(`Image Builder says: ${step.message}`);
  lines.push(
    action === 'RESUME'
      ? 'Resume completes this step and the workflow goes on to its next step.'
      : "Stop fails this step; its onFailure setting decides whether the workflow goes on or aborts (an abort rolls back what the build created, and the image fails).",
  );
  if (reason) lines.push(`Reason: ${reason}`);
  return { message, detail: lines.join('\n') };
}
