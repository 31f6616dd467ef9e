// EC2 Image Builder image builds that run workflows: ListImages, ListImageBuildVersions,
// ListWorkflowExecutions, ListWorkflowStepExecutions, GetWorkflowExecution,
// GetWorkflowStepExecution, ListWaitingWorkflowSteps and SendWorkflowStepAction.
//
// Images come from the seed (the emulator has no recipes or infrastructure to run CreateImage).
// An image build runs its workflows one after another, each one's steps in order, on a scaled
// clock: a step lasts `stepSeconds` of wall time. A `WaitForAction` step runs until
// SendWorkflowStepAction: RESUME completes it; STOP fails it and its `onFailure` decides, as the
// API reference says ("STOP fails the step, and the step's onFailure setting determines whether the
// workflow continues or aborts"). An abort rolls back the steps that created something
// (LaunchInstance, CreateImage), newest first, then the image is FAILED. Everything is computed
// from the record and `now`, so nothing needs a timer and a state file replays the same.
import { createHash, randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { ServiceError } from '../protocol/errors';
import { paginate } from '../protocol/paging';
import type { OperationHandler, RequestContext } from './context';
// A cycle with imagebuilder.ts (which registers these operations): only used inside functions, so safe.
import { arnName, err, ibState, invalidToken, type ImageBuilderWorkflow } from './imagebuilder';
import { isoTime as iso } from './serverlessRuns';

type WorkflowType = 'BUILD' | 'TEST' | 'DISTRIBUTION';
type ExecutionStatus = 'PENDING' | 'SKIPPED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_COMPLETED' | 'CANCELLED';
type StepStatus = 'PENDING' | 'SKIPPED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
type RollbackStatus = 'RUNNING' | 'COMPLETED' | 'SKIPPED' | 'FAILED';

export interface ImageStepRecord {
  id: string;
  name: string;
  action: string;
  description?: string;
  onFailure: 'Abort' | 'Continue';
  timeoutSeconds?: number;
  /** The step's inputs from the workflow document, as JSON text (the API's WorkflowStepInputs). */
  inputs: string;
  /** The seed makes this step fail when it runs. */
  fail?: boolean;
  /** What SendWorkflowStepAction sent to a WaitForAction step, and when. */
  signal?: { action: 'RESUME' | 'STOP'; atMs: number; reason?: string };
}

export interface ImageWorkflowExecutionRecord {
  id: string;
  workflowArn: string;
  type: WorkflowType;
  steps: ImageStepRecord[];
}

export interface ImageBuildRecord {
  /** Build-version ARN: `.../image/<name>/<x.y.z>/<n>`. */
  arn: string;
  name: string;
  version: string;
  buildVersion: number;
  platform: 'Linux' | 'Windows' | 'macOS';
  osVersion: string;
  dateCreated: string;
  /** When the first workflow started (ms since the epoch). */
  startMs: number;
  stepMs: number;
  executions: ImageWorkflowExecutionRecord[];
}

export interface ImageBuildSeed {
  name: string;
  version: string;
  platform?: 'Linux' | 'Windows' | 'macOS';
  osVersion?: string;
  /** Workflows by name (and version; default the newest), run in this order. */
  workflows: { name: string; version?: string }[];
  /** Minutes before the seed was applied that the build started (a finished build: e.g. 60). */
  startedMinutesAgo?: number;
  /** Wall-clock seconds each step lasts (default 1). */
  stepSeconds?: number;
  /** Names of steps that fail when they run. */
  failSteps?: string[];
}

/** The actions whose work a rollback undoes (the instance is terminated, the AMI deregistered). */
const ROLLBACK_ACTIONS = new Set(['LaunchInstance', 'CreateImage']);
const STATUS_BY_TYPE: Record<WorkflowType, string> = { BUILD: 'BUILDING', TEST: 'TESTING', DISTRIBUTION: 'DISTRIBUTING' };

function images(ctx: RequestContext): Record<string, ImageBuildRecord> {
  return (ibState(ctx).images ??= {});
}

function uuidId(prefix: 'wf' | 'step', seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${prefix}-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// ---- Seeding ----

interface DocumentStep {
  name?: unknown;
  action?: unknown;
  description?: unknown;
  onFailure?: unknown;
  timeoutSeconds?: unknown;
  inputs?: unknown;
}

/** Starts a seeded image build that runs the named workflows' documents. */
export function seedImageBuild(seed: ImageBuildSeed, ctx: RequestContext, workflows: Record<string, ImageBuilderWorkflow>): ImageBuildRecord {
  const resourceName = arnName(seed.name);
  const base = `arn:aws:imagebuilder:${ctx.region}:${ctx.accountId}:image/${resourceName}/${seed.version}`;
  const buildVersion = Object.values(images(ctx)).filter((i) => i.arn.startsWith(`${base}/`)).length + 1;
  const arn = `${base}/${buildVersion}`;
  const startMs = Date.parse(ctx.now) - (seed.startedMinutesAgo ?? 0) * 60_000;
  const salt = `${arn}|${randomUUID()}`;
  const executions = seed.workflows.map((ref, w) => {
    const workflow = Object.values(workflows)
      .filter((x) => x.name === ref.name && (!ref.version || x.version === ref.version))
      .sort((a, b) => a.dateCreated.localeCompare(b.dateCreated) || a.version.localeCompare(b.version, undefined, { numeric: true }) || a.buildVersion - b.buildVersion)
      .at(-1);
    if (!workflow) throw new Error(`image ${seed.name}: no workflow ${ref.name}${ref.version ? ` ${ref.version}` : ''} in ${ctx.region}`);
    const doc = parseYaml(workflow.data) as { steps?: DocumentStep[] } | null;
    const steps = (Array.isArray(doc?.steps) ? doc.steps : []).map((s, i): ImageStepRecord => ({
      id: uuidId('step', `${salt}|${w}|${i}`),
      name: String(s.name),
      action: String(s.action),
      description: typeof s.description === 'string' ? s.description : undefined,
      onFailure: s.onFailure === 'Continue' ? 'Continue' : 'Abort',
      timeoutSeconds: typeof s.timeoutSeconds === 'number' ? s.timeoutSeconds : undefined,
      inputs: JSON.stringify(s.inputs ?? {}),
      fail: seed.failSteps?.includes(String(s.name)) || undefined,
    }));
    return { id: uuidId('wf', `${salt}|${w}`), workflowArn: workflow.arn, type: workflow.type, steps };
  });
  const record: ImageBuildRecord = {
    arn,
    name: seed.name,
    version: seed.version,
    buildVersion,
    platform: seed.platform ?? 'Linux',
    osVersion: seed.osVersion ?? 'Amazon Linux 2023',
    dateCreated: new Date(startMs).toISOString(),
    startMs,
    stepMs: (seed.stepSeconds ?? 1) * 1000,
    executions,
  };
  images(ctx)[arn] = record;
  return record;
}

// ---- The scaled clock: what a build and its workflows look like at `now` ----

interface StepView {
  record: ImageStepRecord;
  status: StepStatus;
  rollbackStatus?: RollbackStatus;
  message?: string;
  outputs?: string;
  startMs?: number;
  endMs?: number;
  /** Running a WaitForAction step that has had no action yet. */
  waiting: boolean;
}

interface ExecutionView {
  record: ImageWorkflowExecutionRecord;
  status: ExecutionStatus;
  message?: string;
  startMs: number;
  endMs?: number;
  steps: StepView[];
}

interface BuildView {
  status: string;
  reason?: string;
  executions: ExecutionView[];
}

function stepOutputs(step: ImageStepRecord): string {
  const hex = step.id.slice(5, 22).replace(/-/g, '');
  if (step.action === 'LaunchInstance') return JSON.stringify({ instanceId: `i-${hex}` });
  if (step.action === 'CreateImage') return JSON.stringify({ imageId: `ami-${hex}` });
  return '{}';
}

/** The build at `now`: workflows in order, each step after the last; an abort stops the rest. */
export function viewBuild(image: ImageBuildRecord, now: number): BuildView {
  const executions: ExecutionView[] = [];
  let t = image.startMs;
  for (const record of image.executions) {
    if (now < t) break; // not started: ListWorkflowExecutions shows only executions that began
    const view = viewExecution(record, t, image.stepMs, now);
    executions.push(view);
    if (view.endMs === undefined) return { status: STATUS_BY_TYPE[record.type], executions };
    if (view.status !== 'COMPLETED') return { status: 'FAILED', reason: view.message, executions };
    t = view.endMs;
  }
  if (executions.length < image.executions.length) return { status: 'PENDING', executions };
  return { status: 'AVAILABLE', executions };
}

function viewExecution(record: ImageWorkflowExecutionRecord, startMs: number, stepMs: number, now: number): ExecutionView {
  const steps: StepView[] = [];
  let t = startMs;
  let failure: StepView | undefined;
  for (const step of record.steps) {
    if (failure) {
      steps.push({ record: step, status: 'CANCELLED', waiting: false });
      continue;
    }
    if (now < t) {
      steps.push({ record: step, status: 'PENDING', waiting: false });
      continue;
    }
    const view = viewStep(step, t, stepMs, now);
    steps.push(view);
    if (view.endMs === undefined) {
      // Running: the rest wait for it.
      for (const rest of record.steps.slice(record.steps.indexOf(step) + 1)) steps.push({ record: rest, status: 'PENDING', waiting: false });
      return { record, status: 'RUNNING', startMs, steps };
    }
    t = view.endMs;
    if (view.status === 'FAILED' && step.onFailure === 'Abort') failure = view;
  }
  if (!failure) return { record, status: 'COMPLETED', startMs, endMs: t, steps };
  const message = `Workflow step '${failure.record.name}' failed: ${failure.message ?? 'the step failed'}`;
  // Roll back, newest first, what the completed steps created; the others are skipped.
  const undo = steps.filter((s) => s.status === 'COMPLETED').reverse();
  let rolledBack = false;
  for (const s of undo) {
    if (!ROLLBACK_ACTIONS.has(s.record.action)) {
      s.rollbackStatus = 'SKIPPED';
      continue;
    }
    rolledBack = true;
    if (now < t + stepMs) {
      s.rollbackStatus = 'RUNNING';
      for (const later of undo.slice(undo.indexOf(s) + 1)) later.rollbackStatus = undefined;
      return { record, status: 'ROLLBACK_IN_PROGRESS', message, startMs, steps };
    }
    s.rollbackStatus = 'COMPLETED';
    t += stepMs;
  }
  return { record, status: rolledBack ? 'ROLLBACK_COMPLETED' : 'FAILED', message, startMs, endMs: t, steps };
}

function viewStep(step: ImageStepRecord, startMs: number, stepMs: number, now: number): StepView {
  if (step.action === 'WaitForAction') {
    const { signal } = step;
    if (signal && now >= signal.atMs) {
      if (signal.action === 'RESUME') {
        return { record: step, status: 'COMPLETED', message: `Resumed by SendWorkflowStepAction${signal.reason ? `: ${signal.reason}` : '.'}`, outputs: '{}', startMs, endMs: signal.atMs, waiting: false };
      }
      return { record: step, status: 'FAILED', message: `Stopped by SendWorkflowStepAction${signal.reason ? `: ${signal.reason}` : '.'}`, startMs, endMs: signal.atMs, waiting: false };
    }
    return { record: step, status: 'RUNNING', message: 'Waiting for an action: send RESUME or STOP with SendWorkflowStepAction.', startMs, waiting: true };
  }
  const endMs = startMs + stepMs;
  if (now < endMs) return { record: step, status: 'RUNNING', startMs, waiting: false };
  if (step.fail) return { record: step, status: 'FAILED', message: `${step.action} failed.`, startMs, endMs, waiting: false };
  return { record: step, status: 'COMPLETED', outputs: stepOutputs(step), startMs, endMs, waiting: false };
}

// ---- Lookups ----


function findBuild(ctx: RequestContext, arn: string): ImageBuildRecord {
  const image = images(ctx)[arn];
  if (!image) throw err('InvalidRequestException', `The image build version '${arn}' does not exist.`);
  return image;
}

function findExecution(ctx: RequestContext, id: string): { image: ImageBuildRecord; view: ExecutionView } {
  const now = Date.parse(ctx.now);
  for (const image of Object.values(images(ctx))) {
    if (!image.executions.some((e) => e.id === id)) continue;
    const view = viewBuild(image, now).executions.find((e) => e.record.id === id);
    if (view) return { image, view };
  }
  throw err('InvalidRequestException', `The workflow execution '${id}' does not exist.`);
}

function findStep(ctx: RequestContext, id: string, missing: () => ServiceError): { image: ImageBuildRecord; execution: ExecutionView; step: StepView } {
  const now = Date.parse(ctx.now);
  for (const image of Object.values(images(ctx))) {
    if (!image.executions.some((e) => e.steps.some((s) => s.id === id))) continue;
    for (const execution of viewBuild(image, now).executions) {
      const step = execution.steps.find((s) => s.record.id === id);
      if (step) return { image, execution, step };
    }
  }
  throw missing();
}

function counts(view: ExecutionView) {
  return {
    totalStepCount: view.steps.length,
    totalStepsSucceeded: view.steps.filter((s) => s.status === 'COMPLETED').length,
    totalStepsFailed: view.steps.filter((s) => s.status === 'FAILED').length,
    totalStepsSkipped: view.steps.filter((s) => s.status === 'SKIPPED' || s.status === 'CANCELLED').length,
  };
}

/** What ListWorkflowExecutions and GetWorkflowExecution both say of an execution. */
function executionMetadata(view: ExecutionView) {
  return {
    workflowBuildVersionArn: view.record.workflowArn,
    workflowExecutionId: view.record.id,
    type: view.record.type,
    status: view.status,
    message: view.message?.slice(0, 500),
    ...counts(view),
    startTime: iso(view.startMs),
    endTime: iso(view.endMs),
  };
}

function stepMetadata(step: StepView) {
  return {
    stepExecutionId: step.record.id,
    name: step.record.name,
    description: step.record.description,
    action: step.record.action,
    status: step.status,
    rollbackStatus: step.rollbackStatus,
    message: step.message,
    inputs: step.status === 'PENDING' ? undefined : step.record.inputs,
    outputs: step.outputs,
    startTime: iso(step.startMs),
    endTime: iso(step.endMs),
  };
}

function compareImages(a: ImageBuildRecord, b: ImageBuildRecord): number {
  return a.name.localeCompare(b.name) || a.version.localeCompare(b.version, undefined, { numeric: true }) || a.buildVersion - b.buildVersion;
}

function imageVersionArn(image: ImageBuildRecord): string {
  return image.arn.replace(/\/\d+$/, '');
}

// ---- Operations ----

type Filter = { name?: string; values?: string[] };

function applyFilters(all: ImageBuildRecord[], filters: Filter[] | undefined, view: (i: ImageBuildRecord) => BuildView): ImageBuildRecord[] {
  let out = all;
  for (const f of filters ?? []) {
    const values = f.values ?? [];
    if (f.name === 'name') out = out.filter((i) => values.includes(i.name));
    else if (f.name === 'platform') out = out.filter((i) => values.includes(i.platform));
    else if (f.name === 'osVersion') out = out.filter((i) => values.includes(i.osVersion));
    else if (f.name === 'version') out = out.filter((i) => values.includes(i.version));
    else if (f.name === 'type') out = out.filter(() => values.includes('AMI'));
    else if (f.name === 'buildType') out = out.filter(() => values.includes('USER_INITIATED'));
    else if (f.name === 'imageSource') out = out.filter(() => values.includes('CUSTOM'));
    else if (f.name === 'state' || f.name === 'status') out = out.filter((i) => values.includes(view(i).status));
    else throw err('InvalidParameterValueException', `The value supplied for parameter 'filters' is not valid. Unsupported filter '${f.name}'.`);
  }
  return out;
}

export const imageOperations: Record<string, OperationHandler> = {
  ListImages(input: { owner?: string; filters?: Filter[]; byName?: boolean; maxResults?: number; nextToken?: string }, ctx: RequestContext) {
    const now = Date.parse(ctx.now);
    if (input.owner && input.owner !== 'Self') return { imageVersionList: [] };
    const all = applyFilters(Object.values(images(ctx)).sort(compareImages), input.filters, (i) => viewBuild(i, now));
    // One entry per semantic version (builds collapse); byName keeps the newest version of each name.
    const versions = new Map<string, ImageBuildRecord>();
    for (const i of all) versions.set(input.byName ? i.name : imageVersionArn(i), i);
    const page = paginate([...versions.values()], input, ctx.runtime.pageSize, `imagebuilder:ListImages:${ctx.region}:${JSON.stringify([input.filters, input.byName])}`, invalidToken);
    return {
      imageVersionList: page.items.map((i) => ({
        arn: input.byName ? imageVersionArn(i).replace(/\/[^/]+$/, '/x.x.x') : imageVersionArn(i),
        name: i.name,
        type: 'AMI',
        version: i.version,
        platform: i.platform,
        osVersion: i.osVersion,
        owner: ctx.accountId,
        dateCreated: i.dateCreated,
        buildType: 'USER_INITIATED',
        imageSource: 'CUSTOM',
      })),
      nextToken: page.nextToken,
    };
  },

  ListImageBuildVersions(input: { imageVersionArn?: string; filters?: Filter[]; maxResults?: number; nextToken?: string }, ctx: RequestContext) {
    const now = Date.parse(ctx.now);
    const all = Object.values(images(ctx)).sort(compareImages);
    const scoped = input.imageVersionArn ? all.filter((i) => imageVersionArn(i) === input.imageVersionArn) : all;
    const filtered = applyFilters(scoped, input.filters, (i) => viewBuild(i, now));
    const page = paginate(filtered, input, ctx.runtime.pageSize, `imagebuilder:ListImageBuildVersions:${ctx.region}:${input.imageVersionArn ?? ''}:${JSON.stringify(input.filters)}`, invalidToken);
    return {
      imageSummaryList: page.items.map((i) => {
        const view = viewBuild(i, now);
        const ami = view.status === 'AVAILABLE' ? i.executions.flatMap((e) => e.steps).find((s) => s.action === 'CreateImage') : undefined;
        return {
          arn: i.arn,
          name: i.name,
          type: 'AMI',
          version: i.version,
          platform: i.platform,
          osVersion: i.osVersion,
          state: { status: view.status, reason: view.reason?.slice(0, 1024) },
          owner: ctx.accountId,
          dateCreated: i.dateCreated,
          outputResources: ami ? { amis: [{ region: ctx.region, image: (JSON.parse(stepOutputs(ami)) as { imageId: string }).imageId, name: `${i.name} ${i.version}/${i.buildVersion}`, accountId: ctx.accountId }] } : undefined,
          buildType: 'USER_INITIATED',
          imageSource: 'CUSTOM',
        };
      }),
      nextToken: page.nextToken,
    };
  },

  ListWorkflowExecutions(input: { imageBuildVersionArn: string; maxResults?: number; nextToken?: string }, ctx: RequestContext) {
    const image = findBuild(ctx, input.imageBuildVersionArn);
    const build = viewBuild(image, Date.parse(ctx.now));
    const page = paginate(build.executions, input, ctx.runtime.pageSize, `imagebuilder:ListWorkflowExecutions:${image.arn}`, invalidToken);
    return {
      requestId: randomUUID(),
      workflowExecutions: page.items.map(executionMetadata),
      imageBuildVersionArn: image.arn,
      message: build.reason?.slice(0, 500),
      nextToken: page.nextToken,
    };
  },

  ListWorkflowStepExecutions(input: { workflowExecutionId: string; maxResults?: number; nextToken?: string }, ctx: RequestContext) {
    const { image, view } = findExecution(ctx, input.workflowExecutionId);
    const page = paginate(view.steps, input, ctx.runtime.pageSize, `imagebuilder:ListWorkflowStepExecutions:${view.record.id}`, invalidToken);
    return {
      requestId: randomUUID(),
      steps: page.items.map(stepMetadata),
      workflowBuildVersionArn: view.record.workflowArn,
      workflowExecutionId: view.record.id,
      imageBuildVersionArn: image.arn,
      message: view.message?.slice(0, 500),
      nextToken: page.nextToken,
    };
  },

  GetWorkflowExecution(input: { workflowExecutionId: string }, ctx: RequestContext) {
    const { image, view } = findExecution(ctx, input.workflowExecutionId);
    return { requestId: randomUUID(), imageBuildVersionArn: image.arn, ...executionMetadata(view) };
  },

  GetWorkflowStepExecution(input: { stepExecutionId: string }, ctx: RequestContext) {
    const { image, execution, step } = findStep(ctx, input.stepExecutionId, () => err('InvalidRequestException', `The workflow step execution '${input.stepExecutionId}' does not exist.`));
    return {
      requestId: randomUUID(),
      workflowBuildVersionArn: execution.record.workflowArn,
      workflowExecutionId: execution.record.id,
      imageBuildVersionArn: image.arn,
      ...stepMetadata(step),
      onFailure: step.record.onFailure,
      timeoutSeconds: step.record.timeoutSeconds,
    };
  },

  ListWaitingWorkflowSteps(input: { maxResults?: number; nextToken?: string }, ctx: RequestContext) {
    const now = Date.parse(ctx.now);
    const waiting = Object.values(images(ctx))
      .sort(compareImages)
      .flatMap((image) => viewBuild(image, now).executions.flatMap((e) => e.steps.filter((s) => s.waiting).map((s) => ({ image, execution: e, step: s }))));
    const page = paginate(waiting, input, ctx.runtime.pageSize, `imagebuilder:ListWaitingWorkflowSteps:${ctx.region}`, invalidToken);
    return {
      steps: page.items.map(({ image, execution, step }) => ({
        stepExecutionId: step.record.id,
        imageBuildVersionArn: image.arn,
        workflowExecutionId: execution.record.id,
        workflowBuildVersionArn: execution.record.workflowArn,
        name: step.record.name,
        action: step.record.action,
        startTime: iso(step.startMs),
      })),
      nextToken: page.nextToken,
    };
  },

  SendWorkflowStepAction(input: { stepExecutionId: string; imageBuildVersionArn: string; action: 'RESUME' | 'STOP'; reason?: string; clientToken: string }, ctx: RequestContext) {
    const { clientToken, ...params } = input;
    const key = `imagebuilder:${ctx.region}:SendWorkflowStepAction:${clientToken}`;
    const fingerprint = JSON.stringify(params);
    const previous = ctx.store.state.idempotency[key];
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw err('IdempotentParameterMismatchException', `The client token '${clientToken}' was already used with different request parameters.`);
      return previous.response;
    }
    const { image, step } = findStep(ctx, input.stepExecutionId, () => err('ResourceNotFoundException', `The resource '${input.stepExecutionId}' was not found.`, 404));
    if (image.arn !== input.imageBuildVersionArn) {
      throw err('InvalidParameterValueException', `The value supplied for parameter 'imageBuildVersionArn' is not valid. The step '${input.stepExecutionId}' belongs to '${image.arn}'.`);
    }
    if (!step.waiting) {
      const why = step.record.action !== 'WaitForAction' ? `is a ${step.record.action} step, not a WaitForAction step` : step.record.signal ? `already received ${step.record.signal.action}` : `is ${step.status}`;
      throw err('InvalidRequestException', `The workflow step '${step.record.name}' (${input.stepExecutionId}) is not waiting for an action: it ${why}.`);
    }
    step.record.signal = { action: input.action, atMs: Date.parse(ctx.now), reason: input.reason };
    const response = { stepExecutionId: step.record.id, imageBuildVersionArn: image.arn, clientToken };
    ctx.store.state.idempotency[key] = { fingerprint, response };
    return response;
  },
};
