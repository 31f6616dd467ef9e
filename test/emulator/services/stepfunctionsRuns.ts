// Step Functions executions that really run: StartExecution, DescribeExecution, ListExecutions,
// StopExecution, RedriveExecution, GetExecutionHistory, ListMapRuns/DescribeMapRun, TestState,
// activity workers and task tokens. The interpreter is test/emulator/asl; this file keeps the
// records, the running executions and what tasks wait for.
import { randomUUID } from 'node:crypto';
import { StatesError } from '../asl/errors';
import { EventThread, jsonText, notTruncated, withoutExecutionData, type HistoryEvent, type HistoryEventType } from '../asl/history';
import { ExecutionFailed, Interpreter, Retriable, isAbort, type Definition, type ExecutionContext, type InterpreterHost, type MapRunHandle, type RedrivePoint, type TaskCall } from '../asl/interpreter';
import { readItems } from '../asl/itemReader';
import type { Json } from '../asl/jsonpath';
import { MockBook, checkMockFile, type MockFile } from '../asl/mocks';
import { ServiceError } from '../protocol/errors';
import { paginate } from '../protocol/paging';
import type { OperationHandler, RequestContext, Runtime } from './context';
import { readObject } from './s3';
import type { StateStore } from '../state';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface Execution {
  arn: string;
  stateMachineArn: string;
  stateMachineVersionArn?: string;
  /** Started through an alias: the alias (the version it routed to is stateMachineVersionArn). */
  stateMachineAliasArn?: string;
  name: string;
  status: ExecutionStatus;
  startDate: string;
  stopDate?: string;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** What it ran, a version's when started from one (DescribeStateMachineForExecution). */
  ran?: { definition: string; roleArn: string; revisionId: string; updateDate: string };
  events?: HistoryEvent[];
  redriveCount?: number;
  redriveDate?: string;
  redrive?: RedrivePoint;
  /** Redrive keys of branches/iterations that succeeded. */
  completed?: Record<string, Json>;
  /** Child executions of a distributed Map. */
  mapRunArn?: string;
}

export interface MapRun {
  arn: string;
  executionArn: string;
  stateMachineArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: string;
  stopDate?: string;
  maxConcurrency: number;
  toleratedFailurePercentage: number;
  toleratedFailureCount: number;
  total: number;
  children: string[];
}

/** What the runs keep in the persisted state, beside state machines and activities. */
export interface RunsState {
  executions: Record<string, Execution>;
  mapRuns?: Record<string, MapRun>;
  /** Task mocks per state machine name (PUT /_emulator/mocks/<region>/<name>). */
  mocks?: Record<string, MockFile>;
}

const err = (code: string, message: string) => new ServiceError(code, message, 400);

/** Per-process: what is running and what waits for workers or callbacks. */
interface Live {
  running: Map<string, AbortController>;
  /** Activity tasks not yet picked up, per activity ARN. */
  activityQueues: Map<string, { taskToken: string; input: string }[]>;
  /** Workers long-polling GetActivityTask, per activity ARN. */
  pollers: Map<string, ((task: { taskToken: string; input: string }) => void)[]>;
  tokens: Map<string, TokenWaiter>;
}

interface TokenWaiter {
  succeed(output: Json): void;
  fail(error: StatesError): void;
  heartbeat(): void;
  started?(workerName: string | undefined): void;
}

const lives = new WeakMap<Runtime, Live>();

function live(runtime: Runtime): Live {
  let l = lives.get(runtime);
  if (!l) {
    l = { running: new Map(), activityQueues: new Map(), pollers: new Map(), tokens: new Map() };
    lives.set(runtime, l);
  }
  return l;
}

/** Waits, back-off and timeouts are this fraction of real time (`--time-scale`, default 0.01). */
export function timeScale(runtime: Runtime): number {
  return runtime.timeScale ?? 0.01;
}

/** What the runs need from stepfunctions.ts: its state machines, activities and KMS keys. */
export interface RunsDeps {
  runs(ctx: RequestContext): RunsState;
  /** StartExecution's checks (machine, name, JSON input, the key): what to run. */
  start(ctx: RequestContext, input: { stateMachineArn: string; name?: string; input?: string }): { arn: string; name: string; type: 'STANDARD' | 'EXPRESS'; versionArn?: string; aliasArn?: string; executionName: string; input: string; ran: NonNullable<Execution['ran']> };
  /** The state machine (or version) an ARN names. */
  resolve(ctx: RequestContext, arn: string): { arn: string; type: 'STANDARD' | 'EXPRESS'; versionArn?: string; aliasArn?: string };
  /** A recorded (Standard) execution, or the service's error. */
  findExecution(ctx: RequestContext, executionArn: string): Execution;
  /** Whether to answer input/output (ALL_DATA), after the key check that needs. */
  withData(ctx: RequestContext, execution: Execution, operation: string, includedData: string | undefined): boolean;
  activityExists(ctx: RequestContext, arn: string): boolean;
}
const MAP_RUN_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:mapRun:[^:]+:[^:]+$/;

/** `arn:aws:states:::lambda:invoke.waitForTaskToken` → lambda / invoke.waitForTaskToken. */
function splitResource(resource: string): { resourceType: string; resource: string } {
  const m = /^arn:aws[a-z-]*:states:::(.+):([^:]+)$/.exec(resource);
  if (m) return { resourceType: m[1], resource: m[2] };
  const lambda = /^arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:(.+)$/.exec(resource);
  if (lambda) return { resourceType: 'lambda', resource: lambda[1] };
  return { resourceType: 'unknown', resource };
}

/** The failure as the emulator reports it once a task is done waiting. */
function parseOutput(output: string): Json {
  return JSON.parse(output) as Json;
}

export class ExecutionRunner {
  constructor(
    private readonly deps: RunsDeps,
    private readonly ctx: RequestContext,
  ) {}

  private get live(): Live {
    return live(this.ctx.runtime);
  }

  /** A host for one execution's interpreter: tasks from mocks, activities and task tokens. */
  host(execution: Execution, machineName: string): InterpreterHost {
    const runs = this.deps.runs(this.ctx);
    const where = `the mock file of state machine '${machineName}' (PUT /_emulator/mocks/${this.ctx.region}/${machineName}, or mocks: in the seed)`;
    const book = new MockBook(runs.mocks?.[machineName] ?? {}, where);
    const scale = timeScale(this.ctx.runtime);
    const store = this.ctx.store;
    return {
      timeScale: scale,
      invokeTask: (call) => this.invokeTask(call, book),
      readItems: (resource, parameters, config) => readItems(s3Source(store), resource, parameters, config),
      startMapRun: (stateName, label, counts) => this.startMapRun(execution, machineName, label ?? stateName, counts),
    };
  }

  private async invokeTask(call: TaskCall, book: MockBook): Promise<Json> {
    const { thread } = call;
    const activity = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:activity:[^:]+$/.test(call.resource);
    if (activity) return this.runActivity(call, book);
    const { resourceType, resource } = splitResource(call.resource);
    const isLambdaArn = /:lambda:[^:]*:\d{12}:function:/.test(call.resource);
    const parameters = jsonText(call.parameters);
    if (isLambdaArn) {
      thread.add('LambdaFunctionScheduled', { resource: call.resource, input: parameters, inputDetails: notTruncated, timeoutInSeconds: call.timeoutSeconds });
      thread.add('LambdaFunctionStarted');
      try {
        const output = book.answer(call.stateName, call.resource);
        thread.add('LambdaFunctionSucceeded', { output: jsonText(output), outputDetails: notTruncated });
        return output;
      } catch (e) {
        if (e instanceof StatesError) thread.add('LambdaFunctionFailed', { error: e.error, cause: e.cause });
        throw e;
      }
    }
    thread.add('TaskScheduled', { resourceType, resource, region: this.ctx.region, parameters, timeoutInSeconds: call.timeoutSeconds, heartbeatInSeconds: call.heartbeatSeconds });
    thread.add('TaskStarted', { resourceType, resource });
    try {
      let output: Json;
      if (resource.endsWith('.waitForTaskToken')) {
        // A mock answers for the callback; without one the task waits for SendTask* with its token.
        const mock = book.find(call.stateName, call.resource);
        thread.add('TaskSubmitted', { resourceType, resource, output: '{}', outputDetails: notTruncated });
        if (mock) {
          if (mock.errorOutput) throw new StatesError(mock.errorOutput.error ?? 'States.TaskFailed', mock.errorOutput.cause ?? '');
          output = mock.result ?? null;
        } else output = await this.waitForToken(call);
      } else if (/\.sync(:\d+)?$/.test(resource)) {
        output = book.answer(call.stateName, call.resource);
        thread.add('TaskSubmitted', { resourceType, resource, output: jsonText(output), outputDetails: notTruncated });
      } else output = book.answer(call.stateName, call.resource);
      thread.add('TaskSucceeded', { resourceType, resource, output: jsonText(output), outputDetails: notTruncated });
      return output;
    } catch (e) {
      if (e instanceof StatesError) {
        const timedOut = e.error === 'States.Timeout' || e.error === 'States.HeartbeatTimeout';
        thread.add(timedOut ? 'TaskTimedOut' : 'TaskFailed', { resourceType, resource, error: e.error, cause: e.cause });
      }
      throw e;
    }
  }

  /** Waits for SendTaskSuccess/Failure with this task's token, within TimeoutSeconds/HeartbeatSeconds. */
  private waitForToken(call: TaskCall, onStarted?: (worker: string | undefined) => void): Promise<Json> {
    const scale = timeScale(this.ctx.runtime);
    const tokens = this.live.tokens;
    return new Promise<Json>((resolve, reject) => {
      let timeout: NodeJS.Timeout | undefined;
      let heartbeat: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timeout);
        clearTimeout(heartbeat);
        tokens.delete(call.taskToken);
        call.signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        done();
        reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      };
      const armHeartbeat = () => {
        if (!call.heartbeatSeconds) return;
        clearTimeout(heartbeat);
        heartbeat = setTimeout(() => {
          done();
          reject(new StatesError('States.HeartbeatTimeout', `No heartbeat was received within ${call.heartbeatSeconds} seconds.`));
        }, call.heartbeatSeconds * 1000 * scale);
        heartbeat.unref();
      };
      if (call.timeoutSeconds) {
        timeout = setTimeout(() => {
          done();
          reject(new StatesError('States.Timeout', `The task did not finish within ${call.timeoutSeconds} seconds.`));
        }, call.timeoutSeconds * 1000 * scale);
        timeout.unref();
      }
      armHeartbeat();
      call.signal.addEventListener('abort', onAbort, { once: true });
      tokens.set(call.taskToken, {
        succeed: (output) => {
          done();
          resolve(output);
        },
        fail: (error) => {
          done();
          reject(error);
        },
        heartbeat: armHeartbeat,
        started: onStarted,
      });
    });
  }

  /** An activity task: a mock for the state answers as a worker would; without one a worker must poll. */
  private async runActivity(call: TaskCall, book: MockBook): Promise<Json> {
    const { thread } = call;
    const input = jsonText(call.parameters);
    const mock = book.find(call.stateName, call.resource);
    if (mock) {
      thread.add('ActivityScheduled', { resource: call.resource, input, inputDetails: notTruncated, timeoutInSeconds: call.timeoutSeconds, heartbeatInSeconds: call.heartbeatSeconds });
      thread.add('ActivityStarted', { workerName: 'emulator-mock' });
      if (mock.errorOutput) {
        thread.add('ActivityFailed', { error: mock.errorOutput.error, cause: mock.errorOutput.cause });
        throw new StatesError(mock.errorOutput.error ?? 'States.TaskFailed', mock.errorOutput.cause ?? '');
      }
      thread.add('ActivitySucceeded', { output: jsonText(mock.result ?? null), outputDetails: notTruncated });
      return mock.result ?? null;
    }
    if (!this.deps.activityExists(this.ctx, call.resource)) {
      const e = new StatesError('States.Runtime', `The activity '${call.resource}' does not exist.`);
      thread.add('ActivityScheduleFailed', { error: 'ActivityDoesNotExist', cause: e.cause });
      throw e;
    }
    thread.add('ActivityScheduled', { resource: call.resource, input, inputDetails: notTruncated, timeoutInSeconds: call.timeoutSeconds, heartbeatInSeconds: call.heartbeatSeconds });
    const waiting = this.waitForToken(call, (workerName) => thread.add('ActivityStarted', workerName ? { workerName } : {}));
    const task = { taskToken: call.taskToken, input };
    const poller = this.live.pollers.get(call.resource)?.shift();
    if (poller) poller(task);
    else {
      const queue = this.live.activityQueues.get(call.resource) ?? [];
      queue.push(task);
      this.live.activityQueues.set(call.resource, queue);
    }
    try {
      const output = await waiting;
      thread.add('ActivitySucceeded', { output: jsonText(output), outputDetails: notTruncated });
      return output;
    } catch (e) {
      const queue = this.live.activityQueues.get(call.resource);
      if (queue) this.live.activityQueues.set(call.resource, queue.filter((t) => t.taskToken !== call.taskToken));
      if (e instanceof StatesError) {
        const timedOut = e.error === 'States.Timeout' || e.error === 'States.HeartbeatTimeout';
        thread.add(timedOut ? 'ActivityTimedOut' : 'ActivityFailed', { error: e.error, cause: e.cause });
      }
      throw e;
    }
  }

  private startMapRun(parent: Execution, machineName: string, label: string, counts: { total: number; maxConcurrency: number; toleratedFailureCount: number; toleratedFailurePercentage: number }): MapRunHandle {
    const runs = this.deps.runs(this.ctx);
    const id = randomUUID();
    const childMachineArn = `${parent.stateMachineArn}/${label}`;
    const run: MapRun = {
      arn: `${parent.stateMachineArn.replace(':stateMachine:', ':mapRun:')}/${label}:${id}`,
      executionArn: parent.arn,
      stateMachineArn: childMachineArn,
      status: 'RUNNING',
      startDate: new Date().toISOString(),
      maxConcurrency: counts.maxConcurrency,
      toleratedFailurePercentage: counts.toleratedFailurePercentage,
      toleratedFailureCount: counts.toleratedFailureCount,
      total: counts.total,
      children: [],
    };
    (runs.mapRuns ??= {})[run.arn] = run;
    return {
      mapRunArn: run.arn,
      runChild: async (index, input, runStates) => {
        const name = `${id.slice(0, 8)}-${index}`;
        const child: Execution = {
          arn: `${parent.arn.split(':execution:')[0]}:execution:${machineName}/${label}:${name}`,
          stateMachineArn: childMachineArn,
          name,
          status: 'RUNNING',
          startDate: new Date().toISOString(),
          input: jsonText(input),
          events: [],
          mapRunArn: run.arn,
        };
        runs.executions[child.arn] = child;
        run.children.push(child.arn);
        const thread = new EventThread({ events: child.events! }, 0);
        thread.add('ExecutionStarted', { input: child.input, inputDetails: notTruncated });
        const signal = this.live.running.get(parent.arn)?.signal ?? new AbortController().signal;
        try {
          const output = await runStates(thread, signal);
          this.finish(child, thread, { status: 'SUCCEEDED', output });
          return output;
        } catch (e) {
          if (e instanceof StatesError) this.finish(child, thread, { status: 'FAILED', error: e });
          else if (isAbort(e)) this.finish(child, thread, { status: 'ABORTED' });
          throw e;
        }
      },
      finish: (status) => {
        run.status = status;
        run.stopDate = new Date().toISOString();
      },
    };
  }

  private finish(execution: Execution, thread: EventThread, end: { status: 'SUCCEEDED'; output: Json } | { status: 'FAILED' | 'TIMED_OUT' | 'ABORTED'; error?: StatesError }): void {
    execution.status = end.status;
    execution.stopDate = new Date().toISOString();
    if (end.status === 'SUCCEEDED') {
      execution.output = jsonText(end.output);
      execution.error = execution.cause = undefined;
      thread.add('ExecutionSucceeded', { output: execution.output, outputDetails: notTruncated });
      return;
    }
    execution.error = end.error?.error;
    execution.cause = end.error?.cause;
    const type: HistoryEventType = end.status === 'FAILED' ? 'ExecutionFailed' : end.status === 'TIMED_OUT' ? 'ExecutionTimedOut' : 'ExecutionAborted';
    thread.add(type, end.error ? { error: end.error.error, cause: end.error.cause } : {});
  }

  /** Runs (or resumes) an execution in the background; answers when it has ended. */
  async run(execution: Execution, machineName: string, resume?: RedrivePoint): Promise<void> {
    const controller = new AbortController();
    this.live.running.set(execution.arn, controller);
    const definition = JSON.parse(execution.ran?.definition ?? '{}') as Definition;
    const thread = new EventThread({ events: (execution.events ??= []) }, execution.events.length);
    const context: ExecutionContext = {
      Execution: { Id: execution.arn, Input: JSON.parse(execution.input) as Json, Name: execution.name, RoleArn: execution.ran?.roleArn ?? '', StartTime: execution.startDate, RedriveCount: execution.redriveCount ?? 0, RedriveTime: execution.redriveDate },
      StateMachine: { Id: execution.stateMachineArn, Name: machineName },
    };
    const completed = (execution.completed ??= {});
    const interpreter = new Interpreter(definition, { host: this.host(execution, machineName), context, signal: controller.signal, completed });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new StatesError('States.Timeout', `The execution did not finish within ${definition.TimeoutSeconds} seconds.`);
    let didTimeOut = false;
    if (typeof definition.TimeoutSeconds === 'number') {
      timer = setTimeout(() => {
        didTimeOut = true;
        controller.abort();
      }, definition.TimeoutSeconds * 1000 * timeScale(this.ctx.runtime));
      timer.unref();
    }
    try {
      const output = await interpreter.run(JSON.parse(execution.input) as Json, thread, resume);
      execution.redrive = undefined;
      this.finish(execution, thread, { status: 'SUCCEEDED', output });
    } catch (e) {
      if (e instanceof ExecutionFailed) {
        execution.redrive = e.redrive;
        this.finish(execution, thread, { status: 'FAILED', error: e.failure });
      } else if (isAbort(e)) {
        execution.redrive = interpreter.position;
        if (didTimeOut) this.finish(execution, thread, { status: 'TIMED_OUT', error: timedOut });
        else this.finish(execution, thread, { status: 'ABORTED', error: (controller.signal.reason as { error?: StatesError } | undefined)?.error });
      } else {
        this.finish(execution, thread, { status: 'FAILED', error: new StatesError('States.Runtime', (e as Error).message) });
      }
    } finally {
      clearTimeout(timer);
      this.live.running.delete(execution.arn);
    }
  }

  /**
   * StopExecution: the execution is ABORTED at once; its running states unwind and then
   * ExecutionAborted is written (by run(), or here when nothing runs it, e.g. after a restart).
   */
  stop(execution: Execution, error?: string, cause?: string): void {
    const reason = error !== undefined || cause !== undefined ? new StatesError(error ?? '', cause ?? '') : undefined;
    const controller = this.live.running.get(execution.arn);
    if (controller) {
      execution.status = 'ABORTED';
      execution.stopDate = new Date().toISOString();
      controller.abort({ error: reason });
      return;
    }
    this.finish(execution, new EventThread({ events: (execution.events ??= []) }, execution.events.length), { status: 'ABORTED', error: reason });
  }

  /** Delivers a worker's or callback's answer to the task waiting on `taskToken`. */
  answerToken(taskToken: string, answer: { output: Json } | { error: StatesError } | 'heartbeat'): void {
    const waiter = this.live.tokens.get(taskToken);
    if (!waiter) throw err('TaskDoesNotExist', `Task Does Not Exist: the task token is not waiting for an answer (the task finished, timed out or was stopped).`);
    if (answer === 'heartbeat') waiter.heartbeat();
    else if ('output' in answer) waiter.succeed(answer.output);
    else waiter.fail(answer.error);
  }

  /** GetActivityTask: a queued task at once, else waits (scaled from the service's 60 s) for one. */
  async pollActivity(activityArn: string, workerName: string | undefined): Promise<{ taskToken?: string; input?: string }> {
    const queue = this.live.activityQueues.get(activityArn);
    let task = queue?.shift();
    if (!task) {
      const pollers = this.live.pollers;
      task = await new Promise<{ taskToken: string; input: string } | undefined>((resolve) => {
        const waiter = (t: { taskToken: string; input: string }) => {
          clearTimeout(timer);
          resolve(t);
        };
        const list = pollers.get(activityArn) ?? [];
        list.push(waiter);
        pollers.set(activityArn, list);
        const timer = setTimeout(() => {
          pollers.set(activityArn, (pollers.get(activityArn) ?? []).filter((w) => w !== waiter));
          resolve(undefined);
        }, Math.min(60_000, Math.max(1000, 60_000 * timeScale(this.ctx.runtime))));
        timer.unref();
      });
    }
    if (!task) return {};
    this.live.tokens.get(task.taskToken)?.started?.(workerName);
    return task;
  }
}

function s3Source(store: StateStore) {
  return {
    getObject: (bucket: string, key: string) => readObject(store, bucket, key)?.body.toString('utf8'),
    listObjects: (bucket: string, prefix: string) =>
      Object.entries(store.state.s3.buckets[bucket]?.objects ?? {})
        .filter(([key, versions]) => key.startsWith(prefix) && versions.length)
        .map(([key, versions]) => {
          const v = versions.at(-1)!;
          return { Key: key, Size: v.size, LastModified: v.lastModified, ETag: v.etag };
        }),
  };
}

const invalidToken = (token: string) => err('InvalidToken', `Invalid Token: '${token}'`);

/** Why an execution can or cannot be redriven (DescribeExecution's redriveStatus/Reason). */
function redriveStatus(execution: Execution): { redriveStatus: 'REDRIVABLE' | 'NOT_REDRIVABLE'; redriveStatusReason?: string } {
  if (execution.mapRunArn) return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is a Map Run child execution; redrive its parent execution.' };
  if (execution.status === 'RUNNING' || execution.status === 'SUCCEEDED') return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: `Execution is ${execution.status} and cannot be redriven` };
  if (!execution.redrive) return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution was stopped before any state ran and cannot be redriven' };
  if (Date.now() - Date.parse(execution.startDate) > 14 * 24 * 3600 * 1000) return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution started more than 14 days ago and cannot be redriven' };
  return { redriveStatus: 'REDRIVABLE' };
}

export function executionOperations(deps: RunsDeps): Record<string, OperationHandler> {
  const runner = (ctx: RequestContext) => new ExecutionRunner(deps, ctx);
  return {
    async StartExecution(input: { stateMachineArn: string; name?: string; input?: string }, ctx: RequestContext) {
      const machine = deps.start(ctx, input);
      const kind = machine.type === 'EXPRESS' ? 'express' : 'execution';
      const arn = `arn:aws:states:${ctx.region}:${ctx.accountId}:${kind}:${machine.name}:${machine.executionName}`;
      const executions = deps.runs(ctx).executions;
      const existing = executions[arn];
      if (existing) {
        // The same name and input while it runs is the same request again; anything else is a conflict.
        if (existing.input !== machine.input || existing.status !== 'RUNNING') throw err('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
        return { executionArn: arn, startDate: existing.startDate };
      }
      const execution: Execution = { arn, stateMachineArn: machine.arn, stateMachineVersionArn: machine.versionArn, stateMachineAliasArn: machine.aliasArn, name: machine.executionName, status: 'RUNNING', startDate: ctx.now, input: machine.input, ran: machine.ran, events: [] };
      executions[arn] = execution;
      execution.events!.push({ timestamp: ctx.now, type: 'ExecutionStarted', id: 1, previousEventId: 0, executionStartedEventDetails: { input: machine.input, inputDetails: notTruncated, roleArn: machine.ran.roleArn, stateMachineVersionArn: machine.versionArn, stateMachineAliasArn: machine.aliasArn } });
      const running = runner(ctx).run(execution, machine.name);
      // Answer once it has run as far as it can without waiting: a definition with no Wait, back-off
      // or callback has ended by then, so a DescribeExecution right after sees the end.
      await Promise.race([running, new Promise((r) => setImmediate(r))]);
      return { executionArn: arn, startDate: ctx.now };
    },
    DescribeExecution(input: { executionArn: string; includedData?: 'ALL_DATA' | 'METADATA_ONLY' }, ctx: RequestContext) {
      const execution = deps.findExecution(ctx, input.executionArn);
      // METADATA_ONLY (or no kms:Decrypt) leaves out what the key protects: input, output, error and cause.
      const withData = deps.withData(ctx, execution, 'DescribeExecution', input.includedData);
      const redrive = execution.mapRunArn ? {} : redriveStatus(execution);
      return {
        executionArn: execution.arn,
        stateMachineArn: execution.stateMachineArn,
        stateMachineVersionArn: execution.stateMachineVersionArn,
        stateMachineAliasArn: execution.stateMachineAliasArn,
        name: execution.name,
        status: execution.status,
        startDate: execution.startDate,
        stopDate: execution.stopDate,
        input: withData ? execution.input : undefined,
        inputDetails: { included: withData },
        output: withData ? execution.output : undefined,
        outputDetails: execution.output === undefined ? undefined : { included: withData },
        error: withData ? execution.error : undefined,
        cause: withData ? execution.cause : undefined,
        mapRunArn: execution.mapRunArn,
        redriveCount: execution.redriveCount ?? 0,
        redriveDate: execution.redriveDate,
        ...redrive,
      };
    },
    ListExecutions(input: { stateMachineArn?: string; mapRunArn?: string; statusFilter?: string; redriveFilter?: 'REDRIVEN' | 'NOT_REDRIVEN'; maxResults?: number; nextToken?: string }, ctx: RequestContext) {
      if (!input.stateMachineArn === !input.mapRunArn) throw err('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
      let all: Execution[];
      if (input.mapRunArn) {
        const run = deps.runs(ctx).mapRuns?.[input.mapRunArn];
        if (!run) throw err('ResourceNotFound', `Resource not found: '${input.mapRunArn}'`);
        all = run.children.map((arn) => deps.runs(ctx).executions[arn]).filter(Boolean);
      } else {
        const machine = deps.resolve(ctx, input.stateMachineArn!);
        if (machine.type === 'EXPRESS') throw err('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
        all = Object.values(deps.runs(ctx).executions).filter((e) => e.stateMachineArn === machine.arn && !e.mapRunArn && (!machine.versionArn || e.stateMachineVersionArn === machine.versionArn) && (!machine.aliasArn || e.stateMachineAliasArn === machine.aliasArn));
      }
      all = all
        .filter((e) => !input.statusFilter || e.status === input.statusFilter)
        .filter((e) => !input.redriveFilter || (input.redriveFilter === 'REDRIVEN') === (e.redriveCount ?? 0) > 0)
        .reverse();
      const page = paginate(all, input, ctx.runtime.pageSize, `states:ListExecutions:${input.stateMachineArn ?? input.mapRunArn}`, invalidToken);
      return {
        executions: page.items.map((e) => ({ executionArn: e.arn, stateMachineArn: e.stateMachineArn, stateMachineVersionArn: e.stateMachineVersionArn, stateMachineAliasArn: e.stateMachineAliasArn, name: e.name, status: e.status, startDate: e.startDate, stopDate: e.stopDate, mapRunArn: e.mapRunArn, redriveCount: e.redriveCount ?? 0, redriveDate: e.redriveDate })),
        nextToken: page.nextToken,
      };
    },
    StopExecution(input: { executionArn: string; error?: string; cause?: string }, ctx: RequestContext) {
      const execution = deps.findExecution(ctx, input.executionArn);
      const stopDate = new Date().toISOString();
      if (execution.status === 'RUNNING') runner(ctx).stop(execution, input.error, input.cause);
      // The service answers success for an execution that has already ended, and changes nothing.
      return { stopDate: execution.stopDate ?? stopDate };
    },
    RedriveExecution(input: { executionArn: string; clientToken?: string }, ctx: RequestContext) {
      const execution = deps.findExecution(ctx, input.executionArn);
      const status = redriveStatus(execution);
      if (status.redriveStatus !== 'REDRIVABLE') throw err('ExecutionNotRedrivable', `Execution Not Redrivable: ${status.redriveStatusReason}: '${execution.arn}'`);
      const point = execution.redrive!;
      const machineName = execution.stateMachineArn.split(':').pop()!;
      execution.status = 'RUNNING';
      execution.stopDate = undefined;
      execution.output = undefined;
      execution.redriveCount = (execution.redriveCount ?? 0) + 1;
      execution.redriveDate = ctx.now;
      const thread = new EventThread({ events: (execution.events ??= []) }, execution.events.length);
      thread.add('ExecutionRedriven', { redriveCount: execution.redriveCount });
      void runner(ctx).run(execution, machineName, point);
      return { redriveDate: ctx.now };
    },
    GetExecutionHistory(input: { executionArn: string; maxResults?: number; reverseOrder?: boolean; nextToken?: string; includeExecutionData?: boolean }, ctx: RequestContext) {
      const execution = deps.findExecution(ctx, input.executionArn);
      let events = execution.events ?? [];
      if (input.reverseOrder) events = [...events].reverse();
      // The service's default page for history is 100 events (maxResults up to 1000).
      const page = paginate(events, input, Math.max(ctx.runtime.pageSize, 100), `states:GetExecutionHistory:${execution.arn}:${!!input.reverseOrder}`, invalidToken);
      const items = input.includeExecutionData === false ? page.items.map(withoutExecutionData) : page.items;
      return { events: items, nextToken: page.nextToken };
    },
    ListMapRuns(input: { executionArn: string; maxResults?: number; nextToken?: string }, ctx: RequestContext) {
      const execution = deps.findExecution(ctx, input.executionArn);
      const runs = Object.values(deps.runs(ctx).mapRuns ?? {}).filter((r) => r.executionArn === execution.arn);
      const page = paginate(runs, input, ctx.runtime.pageSize, `states:ListMapRuns:${execution.arn}`, invalidToken);
      return { mapRuns: page.items.map((r) => ({ executionArn: r.executionArn, mapRunArn: r.arn, stateMachineArn: r.stateMachineArn, startDate: r.startDate, stopDate: r.stopDate })), nextToken: page.nextToken };
    },
    DescribeMapRun(input: { mapRunArn: string }, ctx: RequestContext) {
      if (!MAP_RUN_ARN.test(input.mapRunArn)) throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${input.mapRunArn}'`);
      const run = deps.runs(ctx).mapRuns?.[input.mapRunArn];
      if (!run) throw err('ResourceNotFound', `Resource not found: '${input.mapRunArn}'`);
      const children = run.children.map((arn) => deps.runs(ctx).executions[arn]).filter(Boolean);
      const count = (status: ExecutionStatus) => children.filter((c) => c.status === status).length;
      const counts = { pending: Math.max(0, run.total - children.length), running: count('RUNNING'), succeeded: count('SUCCEEDED'), failed: count('FAILED'), timedOut: count('TIMED_OUT'), aborted: count('ABORTED'), total: run.total, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0 };
      return {
        mapRunArn: run.arn,
        executionArn: run.executionArn,
        status: run.status,
        startDate: run.startDate,
        stopDate: run.stopDate,
        maxConcurrency: run.maxConcurrency,
        toleratedFailurePercentage: run.toleratedFailurePercentage,
        toleratedFailureCount: run.toleratedFailureCount,
        itemCounts: counts,
        executionCounts: counts,
        redriveCount: 0,
      };
    },
    async GetActivityTask(input: { activityArn: string; workerName?: string }, ctx: RequestContext) {
      if (!deps.activityExists(ctx, input.activityArn)) throw err('ActivityDoesNotExist', `Activity Does Not Exist: '${input.activityArn}'`);
      return runner(ctx).pollActivity(input.activityArn, input.workerName);
    },
    SendTaskSuccess(input: { taskToken: string; output: string }, ctx: RequestContext) {
      let output: Json;
      try {
        output = parseOutput(input.output);
      } catch (e) {
        throw err('InvalidOutput', `Invalid Output: '${(e as Error).message}'`);
      }
      runner(ctx).answerToken(input.taskToken, { output });
      return {};
    },
    SendTaskFailure(input: { taskToken: string; error?: string; cause?: string }, ctx: RequestContext) {
      runner(ctx).answerToken(input.taskToken, { error: new StatesError(input.error ?? '', input.cause ?? '') });
      return {};
    },
    SendTaskHeartbeat(input: { taskToken: string }, ctx: RequestContext) {
      runner(ctx).answerToken(input.taskToken, 'heartbeat');
      return {};
    },
    async TestState(input: TestStateInput, ctx: RequestContext) {
      return testState(input, ctx);
    },
  };
}

interface TestStateInput {
  definition: string;
  roleArn?: string;
  input?: string;
  inspectionLevel?: 'INFO' | 'DEBUG' | 'TRACE';
  revealSecrets?: boolean;
  variables?: string;
  stateName?: string;
  mock?: { result?: string; errorOutput?: { error?: string; cause?: string }; fieldValidationMode?: string };
  context?: string;
  stateConfiguration?: { retrierRetryCount?: number };
}

function parseJsonField(text: string | undefined, field: string, fallback: Json): Json {
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw err('InvalidExecutionInput', `Invalid ${field}: '${(e as Error).message}'`);
  }
}

/** TestState: one state, one attempt; Retry answers RETRIABLE, Catch answers CAUGHT_ERROR. */
async function testState(input: TestStateInput, ctx: RequestContext) {
  let parsed: Record<string, Json>;
  try {
    parsed = JSON.parse(input.definition) as Record<string, Json>;
  } catch (e) {
    throw err('InvalidDefinition', `Invalid State Machine Definition: '${(e as Error).message}'`);
  }
  let definition: Definition;
  let stateName: string;
  if (parsed && typeof parsed === 'object' && 'States' in parsed) {
    definition = parsed as unknown as Definition;
    stateName = input.stateName ?? definition.StartAt;
    if (!definition.States?.[stateName]) throw err('ValidationException', `The state '${stateName}' is not in the definition's States.`);
  } else {
    if (input.stateName) throw err('ValidationException', 'stateName can only be used with a state machine definition.');
    stateName = 'TestState';
    definition = { StartAt: stateName, States: { [stateName]: parsed as Definition['States'][string] } };
  }
  const stateInput = parseJsonField(input.input, 'input', {});
  const variables = parseJsonField(input.variables, 'variables', {}) as Record<string, Json>;
  const contextOverride = parseJsonField(input.context, 'context', {}) as Record<string, Json>;
  const mocks: MockFile = {};
  if (input.mock) {
    const m = input.mock;
    const result = m.result !== undefined ? parseJsonField(m.result, 'mock result', null) : undefined;
    mocks[stateName] = m.errorOutput ? { errorOutput: m.errorOutput } : { result };
    const problem = checkMockFile(mocks);
    if (problem) throw err('ValidationException', problem);
  }
  const book = new MockBook(mocks, "TestState's mock (the emulator does not call AWS services)");
  const inspect: Record<string, Json> = {};
  const level = input.inspectionLevel ?? 'INFO';
  const host: InterpreterHost = {
    timeScale: timeScale(ctx.runtime),
    invokeTask: async (call) => book.answer(call.stateName, call.resource),
    readItems: (resource, parameters, config) => readItems(s3Source(ctx.store), resource, parameters, config),
    startMapRun: () => {
      throw new StatesError('States.Runtime', 'TestState does not run distributed Map Runs in the emulator.');
    },
  };
  const context: ExecutionContext = {
    Execution: { Id: `arn:aws:states:${ctx.region}:${ctx.accountId}:execution:TestState:${randomUUID()}`, Input: stateInput, Name: 'TestState', RoleArn: input.roleArn ?? '', StartTime: ctx.now, RedriveCount: 0, ...((contextOverride.Execution as object) ?? {}) },
    StateMachine: { Id: `arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:TestState`, Name: 'TestState', ...((contextOverride.StateMachine as object) ?? {}) },
  };
  const interpreter = new Interpreter(definition, { host, context, signal: new AbortController().signal, completed: {}, testState: { retrierRetryCount: input.stateConfiguration?.retrierRetryCount ?? 0 }, inspect });
  const thread = new EventThread({ events: [] }, 0);
  const inspectionData = () => (level === 'INFO' ? undefined : Object.fromEntries(Object.entries(inspect).map(([k, v]) => [k, k === 'errorDetails' ? v : jsonText(v)])));
  try {
    const { output, next, variables: after } = await interpreter.runOne(stateName, stateInput, variables, thread);
    const caught = inspect.errorDetails !== undefined;
    const data = inspectionData();
    if (data) data.variables = jsonText(after);
    return { output: jsonText(output), nextState: next, status: caught ? 'CAUGHT_ERROR' : 'SUCCEEDED', inspectionData: data };
  } catch (e) {
    if (e instanceof Retriable) {
      const data = inspectionData() ?? {};
      data.errorDetails = { retryIndex: e.retryIndex, retryBackoffIntervalSeconds: Math.round(e.backoffSeconds) };
      return { error: e.failure.error, cause: e.failure.cause, status: 'RETRIABLE', inspectionData: level === 'INFO' ? { errorDetails: data.errorDetails } : data };
    }
    if (e instanceof StatesError) return { error: e.error, cause: e.cause, status: 'FAILED', inspectionData: inspectionData() };
    throw e;
  }
}

/** For the control endpoint: sets the mocks of one state machine (by name) in a region. */
export function setMocks(runs: RunsState, machineName: string, mocks: unknown): string | undefined {
  const problem = checkMockFile(mocks);
  if (problem) return problem;
  (runs.mocks ??= {})[machineName] = mocks as MockFile;
  return undefined;
}

/** Runs an execution that is not recorded (StartSyncExecution) to its end. */
export async function runUnrecorded(deps: RunsDeps, ctx: RequestContext, execution: Execution, machineName: string): Promise<Execution> {
  await new ExecutionRunner(deps, ctx).run(execution, machineName);
  return execution;
}
