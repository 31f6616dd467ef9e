// MWAA Serverless runs on the emulator's scaled clock: a run is queued, then its DAG's tasks run one
// after another (in dependency order), each for a fixed service time; a failing task fails the run
// and leaves the tasks after it upstream_failed; a stopped run cancels what had not finished. The
// state is only the run's plan and times: every status is computed from the clock when asked, and
// the log lines the clock has reached are written to the workflow's CloudWatch Logs group.
import { parse as parseYaml } from 'yaml';
import type { RequestContext } from './context';
import { ensureLogStream } from './logStore';

/** Service seconds a run waits in the queue and a task runs, before the time scale. */
const QUEUED_SECONDS = 30;
const TASK_SECONDS = 120;

export type RunStatus = 'STARTING' | 'QUEUED' | 'RUNNING' | 'SUCCESS' | 'FAILED' | 'TIMEOUT' | 'STOPPING' | 'STOPPED';
export type TaskStatus = 'NONE' | 'QUEUED' | 'RUNNING' | 'SUCCESS' | 'FAILED' | 'UPSTREAM_FAILED' | 'CANCELLED';

export interface ServerlessTaskPlan {
  taskId: string;
  /** The operator's class name (the last part of the YAML's dotted path). */
  operator: string;
  fail: boolean;
  /** Extra log lines the task writes (benches). */
  logLines: number;
}

export interface ServerlessRun {
  runId: string;
  workflowArn: string;
  workflowVersion: string;
  runType: 'ON_DEMAND' | 'SCHEDULED';
  overrideParameters?: Record<string, unknown>;
  createdAt: string;
  /** Epoch milliseconds: the clock the states are computed from. */
  queuedAtMs: number;
  /** The time scale in force when the run started (real milliseconds per service millisecond). */
  timeScale: number;
  stoppedAtMs?: number;
  /** The workflow version's LoggingConfiguration.LogGroupName, if any. */
  logGroup?: string;
  /** The DAG's dag_id (its key in the definition when it has none); absent in older state files. */
  dagId?: string;
  tasks: ServerlessTaskPlan[];
  /** Log lines written so far per task, and whether every line is written. */
  logged?: Record<string, number>;
  logsDone?: boolean;
}

export interface ServerlessTaskView {
  taskId: string;
  operator: string;
  status: TaskStatus;
  startMs?: number;
  endMs?: number;
  errorMessage?: string;
  plan: ServerlessTaskPlan;
}

export interface ServerlessRunView {
  status: RunStatus;
  startMs?: number;
  endMs?: number;
  errorMessage?: string;
  tasks: ServerlessTaskView[];
}

/** The DAG's id and its tasks in an order that respects `dependencies` (declared order otherwise). */
export function dagTasks(definition: string): { dagId?: string; tasks: Omit<ServerlessTaskPlan, 'fail' | 'logLines'>[] } {
  let doc: unknown;
  try {
    doc = parseYaml(definition);
  } catch {
    return { tasks: [] };
  }
  const entry = Object.entries((doc ?? {}) as Record<string, unknown>).find(([, d]) => !!d && typeof d === 'object' && typeof (d as { tasks?: unknown }).tasks === 'object' && (d as { tasks?: unknown }).tasks !== null);
  const dag = entry?.[1] as { tasks: Record<string, unknown>; dag_id?: unknown } | undefined;
  const tasks = Object.entries(dag?.tasks ?? {}).map(([id, t]) => {
    const task = (t ?? {}) as { operator?: unknown; dependencies?: unknown };
    const operator = typeof task.operator === 'string' ? task.operator.slice(task.operator.lastIndexOf('.') + 1) : 'PythonOperator';
    const dependencies = Array.isArray(task.dependencies) ? task.dependencies.filter((d): d is string => typeof d === 'string') : [];
    return { taskId: id, operator, dependencies };
  });
  const ordered: typeof tasks = [];
  const placed = new Set<string>();
  const known = new Set(tasks.map((t) => t.taskId));
  while (ordered.length < tasks.length) {
    const next = tasks.find((t) => !placed.has(t.taskId) && t.dependencies.every((d) => placed.has(d) || !known.has(d))) ?? tasks.find((t) => !placed.has(t.taskId))!;
    ordered.push(next);
    placed.add(next.taskId);
  }
  return { dagId: typeof dag?.dag_id === 'string' ? dag.dag_id : entry?.[0], tasks: ordered.map(({ taskId, operator }) => ({ taskId, operator })) };
}

function durations(run: ServerlessRun): { queuedMs: number; taskMs: number } {
  return { queuedMs: QUEUED_SECONDS * 1000 * run.timeScale, taskMs: TASK_SECONDS * 1000 * run.timeScale };
}

/** What the run and its tasks look like at `now`. */
export function viewServerlessRun(run: ServerlessRun, now: number): ServerlessRunView {
  const { queuedMs, taskMs } = durations(run);
  const clock = Math.min(now, run.stoppedAtMs ?? Infinity);
  const startMs = run.queuedAtMs + queuedMs;
  const tasks: ServerlessTaskView[] = [];
  let t = startMs;
  let failed: ServerlessTaskView | undefined;
  let unfinished = false;
  for (const plan of run.tasks) {
    const base = { taskId: plan.taskId, operator: plan.operator, plan };
    if (failed) {
      tasks.push({ ...base, status: 'UPSTREAM_FAILED' });
      continue;
    }
    if (clock < t) {
      tasks.push({ ...base, status: 'NONE' });
      unfinished = true;
      continue;
    }
    if (clock < t + taskMs) {
      tasks.push({ ...base, status: 'RUNNING', startMs: t });
      unfinished = true;
      t += taskMs;
      continue;
    }
    const view: ServerlessTaskView = { ...base, status: plan.fail ? 'FAILED' : 'SUCCESS', startMs: t, endMs: t + taskMs };
    if (plan.fail) {
      view.errorMessage = failureMessage(plan);
      failed = view;
    }
    tasks.push(view);
    t += taskMs;
  }
  if (run.stoppedAtMs !== undefined && unfinished) {
    // Stopped: what ran is cancelled where it stood; what had not started never will.
    for (const task of tasks) {
      if (task.status === 'RUNNING') Object.assign(task, { status: 'CANCELLED', endMs: run.stoppedAtMs });
    }
    return { status: 'STOPPED', startMs: run.stoppedAtMs >= startMs ? startMs : undefined, endMs: run.stoppedAtMs, tasks };
  }
  if (clock < startMs) return { status: 'QUEUED', tasks };
  if (unfinished) return { status: 'RUNNING', startMs, tasks };
  const endMs = Math.max(startMs, ...tasks.map((x) => x.endMs ?? 0));
  if (failed) return { status: 'FAILED', startMs, endMs, errorMessage: `Task ${failed.taskId} failed: ${failed.errorMessage}`, tasks };
  return { status: 'SUCCESS', startMs, endMs, tasks };
}

function failureMessage(plan: ServerlessTaskPlan): string {
  return `ValueError: ${plan.taskId}: the input file is empty`;
}

/** Epoch milliseconds as the ISO-8601 text the JSON protocols send. */
export const isoTime = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function runTimes(view: ServerlessRunView): { startedAt?: string; endedAt?: string; durationSeconds?: number } {
  return {
    startedAt: isoTime(view.startMs),
    endedAt: isoTime(view.endMs),
    durationSeconds: view.startMs !== undefined && view.endMs !== undefined ? Math.round((view.endMs - view.startMs) / 1000) : undefined,
  };
}

export function stopRun(run: ServerlessRun, now: number): void {
  run.stoppedAtMs = now;
}

/** Airflow's log file template, which MWAA Serverless names its task log streams after. */
export function logStreamName(run: ServerlessRun, taskId: string): string {
  return `dag_id=${dagIdOf(run)}/run_id=${run.runId}/task_id=${taskId}/attempt=1.log`;
}

function dagIdOf(run: ServerlessRun): string {
  return run.dagId ?? run.workflowArn.slice(run.workflowArn.lastIndexOf('/') + 1).replace(/-[0-9a-f]{10}$/, '');
}

/** Every line of a task's log, in order; `finished` adds how it ended. */
function taskLogLines(run: ServerlessRun, task: ServerlessTaskView, finished: boolean): string[] {
  const dagId = dagIdOf(run);
  const lines = [
    `{taskinstance.py:2614} INFO - Dependencies all met for dep_context=non-requeueable deps ti=<TaskInstance: ${dagId}.${task.taskId} ${run.runId} [queued]>`,
    `{taskinstance.py:2867} INFO - Starting attempt 1 of 1`,
    `{taskinstance.py:2890} INFO - Executing <Task(${task.operator}): ${task.taskId}> on ${run.createdAt}`,
  ];
  for (let i = 0; i < task.plan.logLines; i++) lines.push(`{logging_mixin.py:190} INFO - ${task.taskId}: line ${i + 1} of ${task.plan.logLines}`);
  if (!finished) return lines;
  if (task.status === 'FAILED') {
    lines.push(
      '{taskinstance.py:3313} ERROR - Task failed with exception',
      'Traceback (most recent call last):',
      `  File "/usr/local/airflow/dags/${dagId}.py", line 21, in ${task.taskId}`,
      `    raise ValueError("${task.taskId}: the input file is empty")`,
      task.errorMessage ?? 'ValueError',
      `{taskinstance.py:1225} INFO - Marking task as FAILED. dag_id=${dagId}, task_id=${task.taskId}, run_id=${run.runId}`,
    );
  } else if (task.status === 'CANCELLED') {
    lines.push(`{local_task_job_runner.py:300} WARNING - State of this instance has been externally set to cancelled. Terminating instance.`);
  } else {
    lines.push(`{taskinstance.py:1225} INFO - Marking task as SUCCESS. dag_id=${dagId}, task_id=${task.taskId}, run_id=${run.runId}`);
  }
  lines.push(`{local_task_job_runner.py:266} INFO - Task exited with return code ${task.status === 'SUCCESS' ? 0 : 1}`);
  return lines;
}

/**
 * Appends the lines each started task has reached at `now` to its log stream: the header at its
 * start, its body spread over its run time, how it ended at its end.
 */
export function writeRunLogs(ctx: Pick<RequestContext, 'store' | 'region'>, run: ServerlessRun, now: number): void {
  if (!run.logGroup) {
    run.logsDone = true;
    return;
  }
  const view = viewServerlessRun(run, now);
  const logged = (run.logged ??= {});
  let pending = false;
  for (const task of view.tasks) {
    if (task.startMs === undefined) {
      if (task.status === 'NONE') pending = view.status === 'QUEUED' || view.status === 'RUNNING';
      continue;
    }
    const finished = task.endMs !== undefined;
    const lines = taskLogLines(run, task, finished);
    const span = (task.endMs ?? task.startMs + durations(run).taskMs) - task.startMs;
    // While running, the body grows with the time the task has had.
    const reached = finished ? lines.length : Math.min(lines.length, 3 + Math.floor(((now - task.startMs) / span) * task.plan.logLines));
    const done = logged[task.taskId] ?? 0;
    if (!finished) pending = true;
    if (reached <= done) continue;
    const stream = ensureLogStream(ctx, run.logGroup, logStreamName(run, task.taskId), task.startMs);
    const last = lines.length - 1;
    for (let i = done; i < reached; i++) {
      const timestamp = task.startMs + Math.floor((span * i) / Math.max(1, last));
      stream.events.push({ timestamp, message: lines[i], ingestionTime: Math.max(timestamp, Math.min(now, timestamp + 200)) });
    }
    logged[task.taskId] = reached;
  }
  if (!pending && view.status !== 'QUEUED' && view.status !== 'RUNNING') run.logsDone = true;
}
