// The ASL interpreter: runs a state machine definition (JSONPath and JSONata) and writes its
// history. Tasks are answered by the host (mocks, activities, task tokens); waits and retry
// back-off are scaled down by the host's time scale. Where it may differ from AWS is in
// test/emulator/README.md.
import { randomUUID } from 'node:crypto';
import { evaluateChoiceRule } from './choice';
import { StatesError, errorMatches, runtimeError } from './errors';
import { evaluateJsonataValue, evaluateTemplate, selectValue, type JsonataStates } from './expressions';
import { EventThread, jsonText, notTruncated, type HistoryEventType } from './history';
import { readPath, applyResultPath, truncate, type Json, type PathScope } from './jsonpath';

type State = Record<string, Json> & { Type: string };
type QueryLanguage = 'JSONPath' | 'JSONata';

export interface Definition {
  StartAt: string;
  States: Record<string, State>;
  QueryLanguage?: QueryLanguage;
  TimeoutSeconds?: number;
}

/** What a Task asks of the host. */
export interface TaskCall {
  stateName: string;
  resource: string;
  /** The effective parameters (JSONPath Parameters or JSONata Arguments). */
  parameters: Json;
  /** `$$.Task.Token` for `.waitForTaskToken` and activities. */
  taskToken: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  thread: EventThread;
  signal: AbortSignal;
}

export interface MapRunHandle {
  mapRunArn: string;
  /** Runs one iteration as a child execution; answers its output or throws its error. */
  runChild(index: number, input: Json, run: (thread: EventThread, signal: AbortSignal) => Promise<Json>): Promise<Json>;
  finish(status: 'SUCCEEDED' | 'FAILED' | 'ABORTED'): void;
}

export interface InterpreterHost {
  /** Multiplies every wait, back-off and timeout (1 = real time). */
  timeScale: number;
  invokeTask(call: TaskCall): Promise<Json>;
  /** Reads the items of a distributed Map's ItemReader (from the emulated S3). */
  readItems(resource: string, parameters: Json, readerConfig: Record<string, Json>): Json[];
  startMapRun(stateName: string, label: string | undefined, counts: { total: number; maxConcurrency: number; toleratedFailureCount: number; toleratedFailurePercentage: number }): MapRunHandle;
}

export interface ExecutionContext {
  Execution: { Id: string; Input: Json; Name: string; RoleArn: string; StartTime: string; RedriveCount: number; RedriveTime?: string };
  StateMachine: { Id: string; Name: string };
}

/** Where a failed execution stopped: redrive resumes there with what it had. */
export interface RedrivePoint {
  stateName: string;
  input: Json;
  variables: Record<string, Json>;
}

/** The run of one execution (or one redrive of it). */
export interface RunOptions {
  host: InterpreterHost;
  context: ExecutionContext;
  signal: AbortSignal;
  /** Outputs of branches and iterations that succeeded before, reused when redriving. */
  completed: Record<string, Json>;
  /** TestState: one attempt, no waiting for retries; the retries already made. */
  testState?: { retrierRetryCount: number };
  /** TestState at DEBUG/TRACE: the data after each step (InspectionData member names). */
  inspect?: Record<string, Json>;
}

/** TestState: the error matched a retrier that has attempts left. */
export class Retriable extends Error {
  constructor(
    readonly failure: StatesError,
    readonly retryIndex: number,
    readonly backoffSeconds: number,
  ) {
    super(failure.message);
  }
}

interface Scope {
  /** Variables visible here (a copy per branch and iteration). */
  variables: Record<string, Json>;
  language: QueryLanguage;
  thread: EventThread;
  /** Identifies this branch or iteration for redrive (`Parallel/0/Map/3`). */
  path: string;
  mapItem?: { Index: number; Value: Json };
  signal: AbortSignal;
  /** Entries into each state in this scope, so repeated visits have their own redrive keys. */
  visits: Map<string, number>;
  /** Reuse outputs recorded under this path prefix (only inside the state a redrive resumes). */
  reuse: boolean;
}

export class ExecutionFailed extends Error {
  constructor(
    readonly failure: StatesError,
    readonly redrive: RedrivePoint | undefined,
  ) {
    super(failure.message);
  }
}

const ABORT = Symbol('abort');

function isAbort(e: unknown): boolean {
  return e === ABORT || (e instanceof Error && e.name === 'AbortError');
}

export function abortable(signal: AbortSignal): void {
  if (signal.aborted) throw ABORT;
}

/** Sleeps `seconds` scaled by the host's time scale; rejects when the signal aborts. */
export function sleep(seconds: number, host: InterpreterHost, signal: AbortSignal): Promise<void> {
  const ms = Math.max(0, seconds * 1000 * host.timeScale);
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(ABORT);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    timer.unref?.();
    const onAbort = () => {
      clearTimeout(timer);
      reject(ABORT);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const isObject = (v: Json | undefined): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

export class Interpreter {
  /** The top-level state running now and what it started with (where a stopped execution redrives). */
  position?: RedrivePoint;

  constructor(
    private readonly definition: Definition,
    private readonly options: RunOptions,
  ) {}

  /**
   * Runs from `start` (StartAt, or the state a redrive resumes) to the end. Answers the output;
   * throws ExecutionFailed (with where to redrive) or the abort sentinel when stopped.
   */
  async run(input: Json, thread: EventThread, resume?: RedrivePoint): Promise<Json> {
    const language = this.definition.QueryLanguage ?? 'JSONPath';
    const scope: Scope = { variables: { ...(resume?.variables ?? {}) }, language, thread, path: '', signal: this.options.signal, visits: new Map(), reuse: !!resume };
    let name = resume?.stateName ?? this.definition.StartAt;
    let data = resume ? resume.input : input;
    for (;;) {
      abortable(scope.signal);
      const state = this.definition.States[name];
      if (!state) throw new ExecutionFailed(runtimeError(`The state '${name}' does not exist.`), undefined);
      const variablesBefore = { ...scope.variables };
      this.position = { stateName: name, input: data, variables: variablesBefore };
      let step: { output: Json; next?: string };
      try {
        step = await this.runState(name, state, data, scope);
      } catch (e) {
        if (e instanceof StatesError) throw new ExecutionFailed(e, { stateName: name, input: data, variables: variablesBefore });
        throw e;
      }
      scope.reuse = false;
      if (step.next === undefined) return step.output;
      name = step.next;
      data = step.output;
    }
  }

  /** Runs a branch or an iteration's states; throws the error that ends it. */
  private async runStates(states: Record<string, State>, startAt: string, input: Json, scope: Scope): Promise<Json> {
    let name = startAt;
    let data = input;
    for (;;) {
      abortable(scope.signal);
      const state = states[name];
      if (!state) throw runtimeError(`The state '${name}' does not exist.`);
      const step = await this.runState(name, state, data, scope);
      if (step.next === undefined) return step.output;
      name = step.next;
      data = step.output;
    }
  }

  private stateContext(name: string, scope: Scope, retryCount: number, taskToken?: string): Json {
    const ctx: Record<string, Json> = {
      Execution: this.options.context.Execution as unknown as Json,
      StateMachine: this.options.context.StateMachine,
      State: { Name: name, EnteredTime: new Date().toISOString(), RetryCount: retryCount },
    };
    if (taskToken) ctx.Task = { Token: taskToken };
    if (scope.mapItem) ctx.Map = { Item: scope.mapItem };
    return ctx;
  }

  private async runState(name: string, state: State, raw: Json, scope: Scope): Promise<{ output: Json; next?: string }> {
    const language: QueryLanguage = (state.QueryLanguage as QueryLanguage | undefined) ?? scope.language;
    const type = state.Type;
    const enteredType = (type === 'Fail' ? 'FailStateEntered' : `${type}StateEntered`) as HistoryEventType;
    scope.thread.add(enteredType, { name, input: jsonText(raw), inputDetails: notTruncated });
    const visit = (scope.visits.get(name) ?? 0) + 1;
    scope.visits.set(name, visit);
    const statePath = `${scope.path}/${name}#${visit}`;
    let result: { output: Json; next?: string; assigned?: Record<string, Json> };
    try {
      result = await this.withRetryAndCatch(name, state, raw, scope, language, statePath);
    } catch (e) {
      if (isAbort(e) && ['Task', 'Wait', 'Map', 'Parallel'].includes(type)) scope.thread.add(`${type}StateAborted` as HistoryEventType);
      throw e;
    }
    if (type === 'Succeed' || type === 'Fail' || type === 'Choice') {
      /* no End field */
    } else if (result.next === undefined && state.End !== true) result.next = state.Next as string;
    if (result.assigned) Object.assign(scope.variables, result.assigned);
    if (type !== 'Fail') {
      const details: Record<string, unknown> = { name, output: jsonText(result.output), outputDetails: notTruncated };
      if (result.assigned && Object.keys(result.assigned).length) {
        details.assignedVariables = Object.fromEntries(Object.entries(result.assigned).map(([k, v]) => [k, jsonText(v)]));
        details.assignedVariablesDetails = notTruncated;
      }
      scope.thread.add(`${type}StateExited` as HistoryEventType, details);
    }
    return result;
  }

  private async withRetryAndCatch(name: string, state: State, raw: Json, scope: Scope, language: QueryLanguage, statePath: string): Promise<{ output: Json; next?: string; assigned?: Record<string, Json> }> {
    const retriers = (Array.isArray(state.Retry) ? state.Retry : []) as Record<string, Json>[];
    const attempts = retriers.map(() => 0);
    let retryCount = 0;
    for (;;) {
      try {
        return await this.attempt(name, state, raw, scope, language, retryCount, statePath);
      } catch (e) {
        if (!(e instanceof StatesError)) throw e;
        const index = retriers.findIndex((r) => errorMatches((r.ErrorEquals as string[]) ?? [], e.error));
        if (index >= 0) {
          const r = retriers[index];
          const maxAttempts = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
          const made = this.options.testState ? this.options.testState.retrierRetryCount : attempts[index];
          if (made < maxAttempts) {
            const interval = typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1;
            const rate = typeof r.BackoffRate === 'number' ? r.BackoffRate : 2;
            let delay = interval * rate ** made;
            if (typeof r.MaxDelaySeconds === 'number') delay = Math.min(delay, r.MaxDelaySeconds);
            if (r.JitterStrategy === 'FULL') delay = Math.random() * delay;
            if (this.options.testState) throw new Retriable(e, index, delay);
            attempts[index]++;
            retryCount++;
            await sleep(delay, this.options.host, scope.signal);
            continue;
          }
        }
        const caught = await this.catchError(name, state, raw, scope, language, e);
        if (caught) return caught;
        throw e;
      }
    }
  }

  private async catchError(name: string, state: State, raw: Json, scope: Scope, language: QueryLanguage, e: StatesError): Promise<{ output: Json; next: string; assigned?: Record<string, Json> } | undefined> {
    const catchers = (Array.isArray(state.Catch) ? state.Catch : []) as Record<string, Json>[];
    const catchIndex = catchers.findIndex((c) => errorMatches((c.ErrorEquals as string[]) ?? [], e.error));
    if (catchIndex < 0) return undefined;
    const catcher = catchers[catchIndex];
    if (this.options.inspect) this.options.inspect.errorDetails = { catchIndex };
    const errorOutput: Json = { Error: e.error, Cause: e.cause };
    const context = this.stateContext(name, scope, 0);
    if (language === 'JSONata') {
      const states: JsonataStates = { input: raw, context, errorOutput };
      const output = catcher.Output !== undefined ? await evaluateJsonataValue(catcher.Output, states, scope.variables, 'Output') : errorOutput;
      const assigned = isObject(catcher.Assign) ? ((await evaluateJsonataValue(catcher.Assign, states, scope.variables, 'Assign')) as Record<string, Json>) : undefined;
      return { output, next: catcher.Next as string, assigned };
    }
    const pathScope = this.pathScope(scope, context, { input: raw, errorOutput });
    const assigned = isObject(catcher.Assign) ? (evaluateTemplate(catcher.Assign, errorOutput, pathScope, 'Assign') as Record<string, Json>) : undefined;
    const output = applyResultPath(catcher.ResultPath === undefined ? '$' : (catcher.ResultPath as string | null), raw, errorOutput);
    return { output, next: catcher.Next as string, assigned };
  }

  /** JSONPath paths see `$$` and the variables; `$states` is offered as well (input, result, errorOutput). */
  private pathScope(scope: Scope, context: Json, states: Record<string, Json>): PathScope {
    return { context, variables: { ...scope.variables, states: { ...states, context } } };
  }

  private async attempt(name: string, state: State, raw: Json, scope: Scope, language: QueryLanguage, retryCount: number, statePath: string): Promise<{ output: Json; next?: string; assigned?: Record<string, Json> }> {
    const taskToken = state.Type === 'Task' ? randomUUID() : undefined;
    const context = this.stateContext(name, scope, retryCount, taskToken);
    return language === 'JSONata' ? this.attemptJsonata(name, state, raw, scope, context, taskToken, statePath) : this.attemptJsonPath(name, state, raw, scope, context, taskToken, statePath);
  }

  // ---- JSONPath ----------------------------------------------------------------------------

  private async attemptJsonPath(name: string, state: State, raw: Json, scope: Scope, context: Json, taskToken: string | undefined, statePath: string): Promise<{ output: Json; next?: string; assigned?: Record<string, Json> }> {
    const ps = this.pathScope(scope, context, { input: raw });
    const inputPath = state.InputPath === undefined ? '$' : (state.InputPath as string | null);
    const effective = inputPath === null ? {} : readPath(inputPath, raw, ps, 'InputPath');
    const inspect = this.options.inspect;
    if (inspect) {
      inspect.input = raw;
      inspect.afterInputPath = effective;
    }
    const outputOf = (value: Json) => {
      const outputPath = state.OutputPath === undefined ? '$' : (state.OutputPath as string | null);
      return outputPath === null ? {} : readPath(outputPath, value, ps, 'OutputPath');
    };
    const assign = (against: Json, result?: Json) => (isObject(state.Assign) ? (evaluateTemplate(state.Assign, against, { ...ps, variables: { ...ps.variables, states: { input: raw, result: result ?? null, context } } }, 'Assign') as Record<string, Json>) : undefined);
    const parameters = () => {
      const value = state.Parameters !== undefined ? evaluateTemplate(state.Parameters, effective, ps, 'Parameters') : effective;
      if (inspect) inspect.afterParameters = value;
      return value;
    };
    const finish = (result: Json) => {
      const selected = state.ResultSelector !== undefined ? evaluateTemplate(state.ResultSelector, result, ps, 'ResultSelector') : result;
      const assigned = assign(selected, selected);
      const merged = applyResultPath(state.ResultPath === undefined ? '$' : (state.ResultPath as string | null), raw, selected);
      if (inspect) Object.assign(inspect, { result, afterResultSelector: selected, afterResultPath: merged });
      return { output: outputOf(merged), assigned };
    };
    switch (state.Type) {
      case 'Pass': {
        const result = state.Result !== undefined ? state.Result : parameters();
        const assigned = assign(result, result);
        return { output: outputOf(applyResultPath(state.ResultPath === undefined ? '$' : (state.ResultPath as string | null), raw, result)), assigned };
      }
      case 'Task': {
        const timeoutSeconds = state.TimeoutSecondsPath ? (readPath(state.TimeoutSecondsPath as string, effective, ps, 'TimeoutSecondsPath') as number) : (state.TimeoutSeconds as number | undefined);
        const heartbeatSeconds = state.HeartbeatSecondsPath ? (readPath(state.HeartbeatSecondsPath as string, effective, ps, 'HeartbeatSecondsPath') as number) : (state.HeartbeatSeconds as number | undefined);
        const result = await this.invoke(name, state, parameters(), taskToken!, scope, timeoutSeconds, heartbeatSeconds);
        return finish(result);
      }
      case 'Choice': {
        const rules = (state.Choices as Record<string, Json>[]) ?? [];
        const rule = rules.find((r) => evaluateChoiceRule(r, effective, ps));
        const next = (rule?.Next ?? state.Default) as string | undefined;
        if (next === undefined) throw new StatesError('States.NoChoiceMatched', `No Choice Rules matched and no Default is specified in the state '${name}'.`);
        const stateAssigned = assign(effective);
        const ruleAssigned = isObject(rule?.Assign) ? (evaluateTemplate(rule.Assign, effective, ps, 'Assign') as Record<string, Json>) : undefined;
        return { output: outputOf(effective), next, assigned: stateAssigned || ruleAssigned ? { ...stateAssigned, ...ruleAssigned } : undefined };
      }
      case 'Wait': {
        const seconds = this.waitSeconds(state, (field) => readPath(state[field] as string, effective, ps, field), state.Seconds, state.Timestamp);
        await sleep(seconds, this.options.host, scope.signal);
        return { output: outputOf(effective), assigned: assign(effective) };
      }
      case 'Succeed':
        return { output: outputOf(effective) };
      case 'Fail': {
        const error = state.ErrorPath !== undefined ? selectValue(state.ErrorPath as string, raw, ps, 'ErrorPath') : state.Error;
        const cause = state.CausePath !== undefined ? selectValue(state.CausePath as string, raw, ps, 'CausePath') : state.Cause;
        throw new StatesError(typeof error === 'string' ? error : '', typeof cause === 'string' ? cause : '');
      }
      case 'Parallel': {
        const result = await this.parallel(state, parameters(), scope, statePath);
        return finish(result);
      }
      case 'Map': {
        const items = this.readMapItemsJsonPath(state, effective, ps);
        const selector = (item: Json, index: number) => {
          const template = state.ItemSelector ?? state.Parameters;
          if (template === undefined) return Promise.resolve(item);
          const itemContext = { ...(context as Record<string, Json>), Map: { Item: { Index: index, Value: item } } };
          return Promise.resolve(evaluateTemplate(template, effective, { ...ps, context: itemContext }, 'ItemSelector'));
        };
        const numberField = (field: string) => (state[`${field}Path`] ? (readPath(state[`${field}Path`] as string, effective, ps, `${field}Path`) as number) : (state[field] as number | undefined));
        const result = await this.map(name, state, items, selector, scope, statePath, {
          maxConcurrency: numberField('MaxConcurrency') ?? 0,
          toleratedFailureCount: numberField('ToleratedFailureCount') ?? 0,
          toleratedFailurePercentage: numberField('ToleratedFailurePercentage') ?? 0,
        });
        return finish(result);
      }
      default:
        throw runtimeError(`The state '${name}' has the unknown type '${state.Type}'.`);
    }
  }

  private readMapItemsJsonPath(state: State, effective: Json, ps: PathScope): Json[] {
    const reader = state.ItemReader as Record<string, Json> | undefined;
    if (isObject(reader)) {
      const parameters = reader.Parameters !== undefined ? evaluateTemplate(reader.Parameters, effective, ps, 'ItemReader.Parameters') : {};
      const config = (isObject(reader.ReaderConfig) ? { ...reader.ReaderConfig } : {}) as Record<string, Json>;
      if (typeof config.MaxItemsPath === 'string') config.MaxItems = readPath(config.MaxItemsPath, effective, ps, 'MaxItemsPath');
      return this.options.host.readItems(reader.Resource as string, parameters, config);
    }
    const items = state.ItemsPath !== undefined ? readPath(state.ItemsPath as string, effective, ps, 'ItemsPath') : effective;
    if (!Array.isArray(items)) throw runtimeError(`The Map state's ItemsPath '${String(state.ItemsPath ?? '$')}' must select an array, not '${truncate(JSON.stringify(items))}'.`);
    return items;
  }

  // ---- JSONata -----------------------------------------------------------------------------

  private async attemptJsonata(name: string, state: State, raw: Json, scope: Scope, context: Json, taskToken: string | undefined, statePath: string): Promise<{ output: Json; next?: string; assigned?: Record<string, Json> }> {
    const vars = scope.variables;
    const base: JsonataStates = { input: raw, context };
    const value = (v: Json, field: string, states: JsonataStates = base) => evaluateJsonataValue(v, states, vars, field);
    const finish = async (result: Json, defaultOutput: Json) => {
      if (inspect) inspect.result = result;
      const states: JsonataStates = { ...base, result };
      const assigned = isObject(state.Assign) ? ((await value(state.Assign, 'Assign', states)) as Record<string, Json>) : undefined;
      const output = state.Output !== undefined ? await value(state.Output, 'Output', states) : defaultOutput;
      return { output, assigned };
    };
    const inspect = this.options.inspect;
    if (inspect) inspect.input = raw;
    const args = async () => {
      const v = state.Arguments !== undefined ? await value(state.Arguments, 'Arguments') : raw;
      if (inspect) inspect.afterArguments = v;
      return v;
    };
    const numberOf = async (field: string): Promise<number | undefined> => {
      if (state[field] === undefined) return undefined;
      const v = await value(state[field], field);
      if (typeof v !== 'number') throw new StatesError('States.QueryEvaluationError', `The field '${field}' of the state '${name}' must be a number, not '${truncate(JSON.stringify(v))}'.`);
      return v;
    };
    switch (state.Type) {
      case 'Pass':
        return finish(raw, raw);
      case 'Task': {
        const parameters = await args();
        const result = await this.invoke(name, state, parameters, taskToken!, scope, await numberOf('TimeoutSeconds'), await numberOf('HeartbeatSeconds'));
        return finish(result, result);
      }
      case 'Choice': {
        for (const rule of (state.Choices as Record<string, Json>[]) ?? []) {
          const condition = typeof rule.Condition === 'string' ? await value(rule.Condition, 'Condition') : rule.Condition;
          if (typeof condition !== 'boolean') throw new StatesError('States.QueryEvaluationError', `The Condition of a Choice rule in the state '${name}' must be true or false, not '${truncate(JSON.stringify(condition))}'.`);
          if (!condition) continue;
          const stateAssigned = isObject(state.Assign) ? ((await value(state.Assign, 'Assign')) as Record<string, Json>) : undefined;
          const ruleAssigned = isObject(rule.Assign) ? ((await value(rule.Assign, 'Assign')) as Record<string, Json>) : undefined;
          const output = rule.Output !== undefined ? await value(rule.Output, 'Output') : state.Output !== undefined ? await value(state.Output, 'Output') : raw;
          return { output, next: rule.Next as string, assigned: stateAssigned || ruleAssigned ? { ...stateAssigned, ...ruleAssigned } : undefined };
        }
        if (state.Default === undefined) throw new StatesError('States.NoChoiceMatched', `No Choice Rules matched and no Default is specified in the state '${name}'.`);
        return { ...(await finish(raw, raw)), next: state.Default as string };
      }
      case 'Wait': {
        const seconds = state.Seconds !== undefined ? await value(state.Seconds, 'Seconds') : undefined;
        const timestamp = state.Timestamp !== undefined ? await value(state.Timestamp, 'Timestamp') : undefined;
        await sleep(this.waitSeconds(state, () => null, seconds, timestamp), this.options.host, scope.signal);
        return finish(raw, raw);
      }
      case 'Succeed':
        return { output: state.Output !== undefined ? await value(state.Output, 'Output') : raw };
      case 'Fail': {
        const error = state.Error !== undefined ? await value(state.Error, 'Error') : '';
        const cause = state.Cause !== undefined ? await value(state.Cause, 'Cause') : '';
        throw new StatesError(typeof error === 'string' ? error : JSON.stringify(error), typeof cause === 'string' ? cause : JSON.stringify(cause));
      }
      case 'Parallel': {
        const result = await this.parallel(state, await args(), scope, statePath);
        return finish(result, result);
      }
      case 'Map': {
        let items: Json;
        const reader = state.ItemReader as Record<string, Json> | undefined;
        if (isObject(reader)) {
          const parameters = reader.Arguments !== undefined ? await value(reader.Arguments, 'ItemReader.Arguments') : {};
          const config = isObject(reader.ReaderConfig) ? ((await value(reader.ReaderConfig, 'ReaderConfig')) as Record<string, Json>) : {};
          items = this.options.host.readItems(reader.Resource as string, parameters, config);
        } else items = state.Items !== undefined ? await value(state.Items, 'Items') : raw;
        if (!Array.isArray(items)) throw new StatesError('States.QueryEvaluationError', `The Map state '${name}' needs an array of items; its Items evaluated to '${truncate(JSON.stringify(items))}'.`);
        const selector = async (item: Json, index: number) => {
          if (state.ItemSelector === undefined) return item;
          const itemContext = { ...(context as Record<string, Json>), Map: { Item: { Index: index, Value: item } } };
          return value(state.ItemSelector, 'ItemSelector', { input: raw, context: itemContext });
        };
        const result = await this.map(name, state, items, selector, scope, statePath, {
          maxConcurrency: (await numberOf('MaxConcurrency')) ?? 0,
          toleratedFailureCount: (await numberOf('ToleratedFailureCount')) ?? 0,
          toleratedFailurePercentage: (await numberOf('ToleratedFailurePercentage')) ?? 0,
        });
        return finish(result, result);
      }
      default:
        throw runtimeError(`The state '${name}' has the unknown type '${state.Type}'.`);
    }
  }

  // ---- shared ------------------------------------------------------------------------------

  /** Seconds to wait: Seconds/SecondsPath, or until Timestamp/TimestampPath (past timestamps do not wait). */
  private waitSeconds(state: State, readField: (field: string) => Json, seconds: Json | undefined, timestamp: Json | undefined): number {
    let s = seconds;
    let t = timestamp;
    if (state.SecondsPath !== undefined) s = readField('SecondsPath');
    if (state.TimestampPath !== undefined) t = readField('TimestampPath');
    if (s !== undefined && s !== null) {
      if (typeof s !== 'number' || s < 0 || !Number.isInteger(s)) throw runtimeError(`The Wait state's seconds must be a non-negative integer, not '${JSON.stringify(s)}'.`);
      return s;
    }
    if (typeof t === 'string') {
      const at = Date.parse(t);
      if (Number.isNaN(at)) throw runtimeError(`The Wait state's timestamp '${t}' is not an RFC 3339 timestamp.`);
      return Math.max(0, (at - Date.now()) / 1000);
    }
    throw runtimeError(`The Wait state needs Seconds, Timestamp, SecondsPath or TimestampPath.`);
  }

  private invoke(name: string, state: State, parameters: Json, taskToken: string, scope: Scope, timeoutSeconds: number | undefined, heartbeatSeconds: number | undefined): Promise<Json> {
    return this.options.host.invokeTask({ stateName: name, resource: state.Resource as string, parameters, taskToken, timeoutSeconds, heartbeatSeconds, thread: scope.thread, signal: scope.signal });
  }

  private child(scope: Scope, path: string, thread: EventThread, signal: AbortSignal, mapItem?: { Index: number; Value: Json }): Scope {
    const processorLanguage = (this.definition.QueryLanguage ?? 'JSONPath') as QueryLanguage;
    return { variables: { ...scope.variables }, language: processorLanguage, thread, path, mapItem, signal, visits: new Map(), reuse: scope.reuse };
  }

  private async parallel(state: State, input: Json, scope: Scope, statePath: string): Promise<Json> {
    const branches = (state.Branches as { StartAt: string; States: Record<string, State> }[] | undefined) ?? [];
    scope.thread.add('ParallelStateStarted');
    const controller = new AbortController();
    const stopSiblings = () => controller.abort();
    scope.signal.addEventListener('abort', stopSiblings, { once: true });
    const startId = scope.thread.lastId;
    let lastId = startId;
    try {
      const results = await Promise.all(
        branches.map(async (branch, i) => {
          const path = `${statePath}/${i}`;
          const reused = this.reused(scope, path);
          if (reused !== undefined) return reused;
          const thread = new EventThread(scope.thread.log, startId);
          try {
            const output = await this.runStates(branch.States, branch.StartAt, input, this.child(scope, path, thread, controller.signal));
            this.options.completed[path] = output;
            return output;
          } catch (e) {
            controller.abort();
            throw e;
          } finally {
            lastId = Math.max(lastId, thread.lastId);
          }
        }),
      );
      scope.thread.lastId = lastId;
      scope.thread.add('ParallelStateSucceeded');
      return results;
    } catch (e) {
      scope.thread.lastId = lastId;
      if (e instanceof StatesError) scope.thread.add('ParallelStateFailed');
      throw e;
    } finally {
      scope.signal.removeEventListener('abort', stopSiblings);
    }
  }

  private reused(scope: Scope, path: string): Json | undefined {
    return scope.reuse && Object.prototype.hasOwnProperty.call(this.options.completed, path) ? this.options.completed[path] : undefined;
  }

  private async map(
    name: string,
    state: State,
    items: Json[],
    selector: (item: Json, index: number) => Promise<Json>,
    scope: Scope,
    statePath: string,
    limits: { maxConcurrency: number; toleratedFailureCount: number; toleratedFailurePercentage: number },
  ): Promise<Json> {
    const processor = (state.ItemProcessor ?? state.Iterator) as { StartAt: string; States: Record<string, State>; ProcessorConfig?: { Mode?: string } } | undefined;
    if (!processor) throw runtimeError(`The Map state '${name}' has no ItemProcessor.`);
    const distributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED';
    const batcher = state.ItemBatcher as Record<string, Json> | undefined;
    const units = isObject(batcher) ? batch(items, batcher) : items;
    scope.thread.add('MapStateStarted', { length: units.length });
    const startId = scope.thread.lastId;
    const controller = new AbortController();
    const stop = () => controller.abort();
    scope.signal.addEventListener('abort', stop, { once: true });
    const results: Json[] = new Array(units.length);
    let failures = 0;
    let firstFailure: StatesError | undefined;
    let lastId = startId;
    const run = distributed ? this.options.host.startMapRun(name, state.Label as string | undefined, { total: units.length, ...limits }) : undefined;
    if (run) scope.thread.add('MapRunStarted', { mapRunArn: run.mapRunArn });
    const tolerated = (count: number) => distributed && (count <= limits.toleratedFailureCount || (units.length > 0 && (count / units.length) * 100 <= limits.toleratedFailurePercentage));
    const runOne = async (index: number): Promise<void> => {
      const path = `${statePath}/${index}`;
      const reused = this.reused(scope, path);
      if (reused !== undefined) {
        results[index] = reused;
        return;
      }
      const item = units[index];
      const input = await selector(item, index);
      const processorRun = async (thread: EventThread, signal: AbortSignal) => this.runStates(processor.States, processor.StartAt, input, this.child(scope, path, thread, signal, { Index: index, Value: item }));
      try {
        let output: Json;
        if (run) output = await run.runChild(index, input, processorRun);
        else {
          const thread = new EventThread(scope.thread.log, startId);
          thread.add('MapIterationStarted', { name, index });
          try {
            output = await processorRun(thread, controller.signal);
            thread.add('MapIterationSucceeded', { name, index });
          } catch (e) {
            thread.add(isAbort(e) ? 'MapIterationAborted' : 'MapIterationFailed', { name, index });
            throw e;
          } finally {
            lastId = Math.max(lastId, thread.lastId);
          }
        }
        results[index] = output;
        this.options.completed[path] = output;
      } catch (e) {
        if (!(e instanceof StatesError)) throw e;
        failures++;
        results[index] = { Error: e.error, Cause: e.cause };
        if (!tolerated(failures)) {
          firstFailure ??= e;
          controller.abort();
        }
      }
    };
    try {
      await runPool(units.length, limits.maxConcurrency, controller.signal, runOne);
      if (scope.signal.aborted) throw ABORT;
      if (firstFailure) {
        run?.finish('FAILED');
        if (run) scope.thread.add('MapRunFailed', { error: 'States.ExceedToleratedFailureThreshold', cause: 'The number of failed items exceeded the tolerated failure threshold.' });
        scope.thread.lastId = Math.max(scope.thread.lastId, lastId);
        scope.thread.add('MapStateFailed');
        if (run) throw new StatesError('States.ExceedToleratedFailureThreshold', `The Map Run '${run.mapRunArn}' failed: ${firstFailure.error}: ${firstFailure.cause}`);
        throw firstFailure;
      }
      run?.finish('SUCCEEDED');
      if (run) scope.thread.add('MapRunSucceeded');
      scope.thread.lastId = Math.max(scope.thread.lastId, lastId);
      scope.thread.add('MapStateSucceeded');
      return results;
    } catch (e) {
      if (isAbort(e)) {
        run?.finish('ABORTED');
        if (run) scope.thread.add('MapRunAborted');
      }
      throw e;
    } finally {
      scope.signal.removeEventListener('abort', stop);
    }
  }

  /** For TestState: runs one state and answers its output and next state. */
  async runOne(name: string, input: Json, variables: Record<string, Json>, thread: EventThread): Promise<{ output: Json; next?: string; variables: Record<string, Json> }> {
    const state = this.definition.States[name];
    if (!state) throw runtimeError(`The state '${name}' does not exist.`);
    const scope: Scope = { variables: { ...variables }, language: this.definition.QueryLanguage ?? 'JSONPath', thread, path: '', signal: this.options.signal, visits: new Map(), reuse: false };
    const step = await this.runState(name, state, input, scope);
    return { ...step, variables: scope.variables };
  }
}

/** Runs `count` jobs with at most `limit` at once (0 = all); stops starting new ones when aborted. */
async function runPool(count: number, limit: number, signal: AbortSignal, job: (index: number) => Promise<void>): Promise<void> {
  const width = limit > 0 ? Math.min(limit, count) : count;
  let next = 0;
  const worker = async () => {
    while (next < count && !signal.aborted) await job(next++);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** ItemBatcher: items grouped as `{Items: [...], ...BatchInput}`. */
function batch(items: Json[], batcher: Record<string, Json>): Json[] {
  const maxItems = typeof batcher.MaxItemsPerBatch === 'number' ? batcher.MaxItemsPerBatch : items.length || 1;
  const maxBytes = typeof batcher.MaxInputBytesPerBatch === 'number' ? batcher.MaxInputBytesPerBatch : 262144;
  const out: Json[] = [];
  let current: Json[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (current.length && (current.length >= maxItems || bytes + size > maxBytes)) {
      out.push({ ...(isObject(batcher.BatchInput) ? batcher.BatchInput : {}), Items: current });
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) out.push({ ...(isObject(batcher.BatchInput) ? batcher.BatchInput : {}), Items: current });
  return out;
}

export { ABORT, isAbort };
