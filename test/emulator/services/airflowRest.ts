// A small Airflow per MWAA environment, behind InvokeRestApi: DAGs from the seed, runs created by
// triggers whose task instances move queued → running → success/failed on a scaled clock, task logs,
// and Airflow's own error bodies (Airflow 2's problem JSON, Airflow 3's FastAPI detail). Paths are
// relative to the version's API base, as InvokeRestApi's Path is.
import { ServiceError } from '../protocol/errors';

export interface AirflowTaskSeed {
  taskId: string;
  operator?: string;
  /** Fails on every try. */
  fail?: boolean;
  retries?: number;
  /** Wall-clock seconds per try (the scaled clock); default 2. */
  seconds?: number;
  /** Extra log lines per try (the bench's long logs). */
  logLines?: number;
}

export interface AirflowDagSeed {
  dagId: string;
  schedule?: string | null;
  paused?: boolean;
  description?: string;
  tags?: string[];
  tasks?: AirflowTaskSeed[];
  /** Runs that happened before the emulator started (finished, in the given order, oldest first). */
  runs?: { runId: string; conf?: Record<string, unknown> }[];
}

export interface AirflowDagState {
  dagId: string;
  schedule: string | null;
  paused: boolean;
  description?: string;
  tags: string[];
  tasks: AirflowTaskSeed[];
}

export interface AirflowRunState {
  dagId: string;
  runId: string;
  runType: 'manual' | 'scheduled';
  conf: Record<string, unknown>;
  /** Epoch milliseconds: the clock the states are computed from. */
  queuedAt: number;
}

export interface AirflowModelState {
  dags: Record<string, AirflowDagState>;
  /** Runs in creation order. */
  runs: AirflowRunState[];
}

/** How long a run stays queued before its first task starts. */
const QUEUED_MS = 500;
const DEFAULT_TASK_SECONDS = 2;

export function airflowModelFromSeed(dags: AirflowDagSeed[] | undefined, generatedDags: number | undefined, now: number): AirflowModelState {
  const state: AirflowModelState = { dags: {}, runs: [] };
  for (const d of dags ?? []) {
    state.dags[d.dagId] = {
      dagId: d.dagId,
      schedule: d.schedule ?? null,
      paused: d.paused ?? false,
      description: d.description,
      tags: d.tags ?? [],
      tasks: d.tasks?.length ? d.tasks : [{ taskId: 'run' }],
    };
    // Seeded runs are long finished: an hour ago, a minute apart.
    (d.runs ?? []).forEach((r, i, all) => state.runs.push({ dagId: d.dagId, runId: r.runId, runType: 'scheduled', conf: r.conf ?? {}, queuedAt: now - 3_600_000 - (all.length - i) * 60_000 }));
  }
  for (let i = 0; i < (generatedDags ?? 0); i++) {
    const dagId = `generated_dag_${String(i).padStart(5, '0')}`;
    state.dags[dagId] = { dagId, schedule: i % 3 === 0 ? null : '@daily', paused: i % 2 === 0, tags: ['generated'], tasks: [{ taskId: 'run' }] };
  }
  return state;
}

// ---- The scaled clock: what a run and its tasks look like at `now` ----

interface TaskView {
  taskId: string;
  operator: string;
  state: string | null;
  tryNumber: number;
  startMs?: number;
  endMs?: number;
}

interface RunView {
  state: 'queued' | 'running' | 'success' | 'failed';
  startMs?: number;
  endMs?: number;
  tasks: TaskView[];
}

/** Tasks run one after another; each try lasts the task's seconds; a failing task fails every try and the rest are upstream_failed. */
export function viewRun(dag: AirflowDagState, run: AirflowRunState, now: number): RunView {
  const tasks: TaskView[] = [];
  let t = run.queuedAt + QUEUED_MS;
  let failed = false;
  let running = now < t;
  for (const task of dag.tasks) {
    const operator = task.operator ?? 'PythonOperator';
    if (failed) {
      tasks.push({ taskId: task.taskId, operator, state: 'upstream_failed', tryNumber: 0 });
      continue;
    }
    if (now < t) {
      tasks.push({ taskId: task.taskId, operator, state: null, tryNumber: 0 });
      running = true;
      continue;
    }
    const tryMs = (task.seconds ?? DEFAULT_TASK_SECONDS) * 1000;
    const tries = task.fail ? (task.retries ?? 0) + 1 : 1;
    const elapsedTries = Math.floor((now - t) / tryMs);
    if (elapsedTries < tries) {
      // Between tries a failing task is up_for_retry for an instant; shown as running its next try.
      const tryNumber = elapsedTries + 1;
      const start = t + elapsedTries * tryMs;
      tasks.push({ taskId: task.taskId, operator, state: 'running', tryNumber, startMs: start });
      running = true;
      // Later tasks have not started.
      for (const rest of dag.tasks.slice(dag.tasks.indexOf(task) + 1)) tasks.push({ taskId: rest.taskId, operator: rest.operator ?? 'PythonOperator', state: null, tryNumber: 0 });
      break;
    }
    const start = t + (tries - 1) * tryMs;
    t += tries * tryMs;
    tasks.push({ taskId: task.taskId, operator, state: task.fail ? 'failed' : 'success', tryNumber: tries, startMs: start, endMs: t });
    if (task.fail) failed = true;
  }
  const startMs = now >= run.queuedAt + QUEUED_MS ? run.queuedAt + QUEUED_MS : undefined;
  if (running) return { state: startMs === undefined ? 'queued' : 'running', startMs, tasks };
  return { state: failed ? 'failed' : 'success', startMs, endMs: Math.max(...tasks.map((x) => x.endMs ?? 0), startMs ?? 0), tasks };
}

/** The log of one try: what Airflow's task runner writes, with the failure's traceback. */
export function taskLogLines(dag: AirflowDagState, run: AirflowRunState, task: AirflowTaskSeed, view: TaskView, tryNumber: number, now: number): string[] {
  const tryMs = (task.seconds ?? DEFAULT_TASK_SECONDS) * 1000;
  const start = (view.startMs ?? now) - (view.tryNumber - tryNumber) * tryMs;
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
  const tries = task.fail ? (task.retries ?? 0) + 1 : 1;
  const finished = tryNumber < view.tryNumber || (view.state !== 'running' && view.state !== null);
  const lines = [
    `[${iso(start)}] {taskinstance.py:2614} INFO - Dependencies all met for dep_context=non-requeueable deps ti=<TaskInstance: ${dag.dagId}.${task.taskId} ${run.runId} [queued]>`,
    `[${iso(start)}] {taskinstance.py:2867} INFO - Starting attempt ${tryNumber} of ${tries}`,
    `[${iso(start)}] {taskinstance.py:2890} INFO - Executing <Task(${task.operator ?? 'PythonOperator'}): ${task.taskId}> on ${iso(run.queuedAt)}`,
  ];
  for (let i = 0; i < (task.logLines ?? 0); i++) lines.push(`[${iso(start)}] {logging_mixin.py:190} INFO - line ${i + 1} of ${task.logLines}`);
  if (!finished) return lines;
  const end = iso(start + tryMs);
  if (task.fail) {
    lines.push(
      `[${end}] {taskinstance.py:3313} ERROR - Task failed with exception`,
      'Traceback (most recent call last):',
      `  File "/usr/local/airflow/dags/${dag.dagId}.py", line 21, in ${task.taskId}`,
      `    raise ValueError("${task.taskId}: the input file is empty")`,
      `ValueError: ${task.taskId}: the input file is empty`,
      `[${end}] {taskinstance.py:1225} INFO - Marking task as ${tryNumber < tries ? 'UP_FOR_RETRY' : 'FAILED'}. dag_id=${dag.dagId}, task_id=${task.taskId}, run_id=${run.runId}`,
    );
  } else {
    lines.push(`[${end}] {taskinstance.py:1225} INFO - Marking task as SUCCESS. dag_id=${dag.dagId}, task_id=${task.taskId}, run_id=${run.runId}`);
  }
  lines.push(`[${end}] {local_task_job_runner.py:266} INFO - Task exited with return code ${task.fail ? 1 : 0}`);
  return lines;
}

// ---- The REST API ----

export interface AirflowReply {
  status: number;
  body: unknown;
}

class AirflowError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | { loc: string[]; msg: string; type: string }[],
  ) {
    super(typeof detail === 'string' ? detail : detail[0]?.msg);
  }
}

const TITLES: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 422: 'Unprocessable Entity' };

/** Airflow 2 (connexion) answers problem JSON; Airflow 3 (FastAPI) answers {detail}. */
function errorBody(major: 2 | 3, version: string, e: AirflowError): unknown {
  if (major === 3) return { detail: e.detail };
  return {
    detail: typeof e.detail === 'string' ? e.detail : e.detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; '),
    status: e.status,
    title: e.title,
    type: `https://airflow.apache.org/docs/apache-airflow/${version}/stable-rest-api-ref.html#section/Errors/${e.title.replace(/\s+/g, '')}`,
  };
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString().replace('Z', '+00:00'));
const num = (v: unknown, fallback: number) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
};

export interface AirflowRequestInput {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

/** Answers one Airflow REST call at `now`; throws ServiceError only for what MWAA itself refuses. */
export function handleAirflowRest(model: AirflowModelState, airflowVersion: string, req: AirflowRequestInput, now: number): AirflowReply {
  const major = airflowVersion.startsWith('3.') ? 3 : 2;
  try {
    return { status: 200, ...route(model, major, req, now) };
  } catch (e) {
    if (e instanceof AirflowError) return { status: e.status, body: errorBody(major, airflowVersion, e) };
    throw e;
  }
}

function route(model: AirflowModelState, major: 2 | 3, req: AirflowRequestInput, now: number): { body: unknown; status?: number } {
  const parts = req.path.replace(/\/+$/, '').split('/').slice(1).map((p) => decodeURIComponent(p));
  const q = req.query;
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  // Odd segments are ids, except `~` ("any") and the batch endpoints' closing `list`.
  const batch = parts[1] === '~' && parts[parts.length - 1] === 'list';
  const m = `${req.method} ${parts.map((p, i) => (i % 2 === 1 && p !== '~' && !(batch && i === parts.length - 1) ? '{}' : p)).join('/')}`;
  switch (m) {
    case 'GET dags': {
      const all = Object.values(model.dags).sort((a, b) => a.dagId.localeCompare(b.dagId));
      const offset = num(q.offset, 0);
      const limit = Math.min(num(q.limit, 100), 100);
      const page = all.slice(offset, offset + limit);
      return { body: { dags: page.map((d) => dagJson(d, major, now)), total_entries: all.length } };
    }
    case 'GET dags/{}':
      return { body: dagJson(findDag(model, parts[1], major), major, now) };
    case 'PATCH dags/{}': {
      const dag = findDag(model, parts[1], major);
      if (typeof body.is_paused !== 'boolean') throw new AirflowError(major === 3 ? 422 : 400, TITLES[major === 3 ? 422 : 400], major === 3 ? [{ loc: ['body', 'is_paused'], msg: 'Input should be a valid boolean', type: 'bool_type' }] : "'is_paused' is a required property");
      dag.paused = body.is_paused;
      return { body: dagJson(dag, major, now) };
    }
    case 'GET dags/{}/dagRuns': {
      const dag = findDag(model, parts[1], major);
      return { body: runsPage(model, major, [dag.dagId], num(q.offset, 0), num(q.limit, 100), now) };
    }
    case 'POST dags/~/dagRuns/list': {
      const ids = Array.isArray(body.dag_ids) ? body.dag_ids.map(String) : Object.keys(model.dags);
      return { body: runsPage(model, major, ids, num(body.page_offset, 0), num(body.page_limit, 100), now) };
    }
    case 'POST dags/{}/dagRuns':
      return { status: 200, body: trigger(model, major, parts[1], body, now) };
    case 'GET dags/{}/dagRuns/{}/taskInstances': {
      const { dag, run } = findRun(model, parts[1], parts[3], major);
      return { body: taskInstancesJson(dag, run, major, now) };
    }
    case 'POST dags/~/dagRuns/~/taskInstances/list': {
      const dagIds = Array.isArray(body.dag_ids) ? body.dag_ids.map(String) : undefined;
      const runIds = Array.isArray(body.dag_run_ids) ? body.dag_run_ids.map(String) : undefined;
      const instances: unknown[] = [];
      for (const run of model.runs) {
        if ((dagIds && !dagIds.includes(run.dagId)) || (runIds && !runIds.includes(run.runId))) continue;
        instances.push(...(taskInstancesJson(model.dags[run.dagId], run, major, now).task_instances as unknown[]));
      }
      return { body: { task_instances: instances.slice(0, num(body.page_limit, 100)), total_entries: instances.length } };
    }
    case 'GET dags/{}/dagRuns/{}/taskInstances/{}/logs/{}':
      return { body: logJson(model, major, parts, q, now) };
    default:
      if (parts[0] === 'dags' || parts.length === 0) throw new AirflowError(major === 2 && !/^(GET|POST|PATCH|PUT|DELETE)$/.test(req.method) ? 405 : 404, 'Not Found', major === 3 ? 'Not Found' : 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.');
      throw new AirflowError(404, 'Not Found', 'Not Found');
  }
}

function findDag(model: AirflowModelState, dagId: string, major: 2 | 3): AirflowDagState {
  const dag = model.dags[dagId];
  if (!dag) throw new AirflowError(404, 'DAG not found', major === 3 ? `The Dag with ID: \`${dagId}\` was not found` : `DAG with dag_id: '${dagId}' not found`);
  return dag;
}

function findRun(model: AirflowModelState, dagId: string, runId: string, major: 2 | 3): { dag: AirflowDagState; run: AirflowRunState } {
  const dag = findDag(model, dagId, major);
  const run = model.runs.find((r) => r.dagId === dagId && r.runId === runId);
  if (!run) throw new AirflowError(404, 'DAGRun not found', major === 3 ? `The DagRun with dag_id: \`${dagId}\` and run_id: \`${runId}\` was not found` : `DAGRun with DAG ID: '${dagId}' and DagRun ID: '${runId}' not found`);
  return { dag, run };
}

function dagJson(dag: AirflowDagState, major: 2 | 3, now: number): Record<string, unknown> {
  const common = {
    dag_id: dag.dagId,
    dag_display_name: dag.dagId,
    is_paused: dag.paused,
    is_active: true,
    description: dag.description ?? null,
    fileloc: `/usr/local/airflow/dags/${dag.dagId}.py`,
    owners: ['airflow'],
    tags: dag.tags.map((name) => (major === 3 ? { name, dag_id: dag.dagId } : { name })),
    timetable_description: dag.schedule ? `Schedule: ${dag.schedule}` : 'Never, external triggers only',
    next_dagrun: dag.schedule && !dag.paused ? iso(now + 3_600_000) : null,
  };
  if (major === 3) return { ...common, timetable_summary: dag.schedule, is_stale: false, bundle_name: 'dags-folder' };
  return { ...common, schedule_interval: dag.schedule ? { __type: 'CronExpression', value: dag.schedule } : null, is_subdag: false, root_dag_id: null };
}

function runJson(model: AirflowModelState, run: AirflowRunState, major: 2 | 3, now: number): Record<string, unknown> {
  const view = viewRun(model.dags[run.dagId], run, now);
  const common = {
    dag_id: run.dagId,
    dag_run_id: run.runId,
    logical_date: iso(run.queuedAt),
    start_date: iso(view.startMs),
    end_date: iso(view.endMs),
    state: view.state,
    run_type: run.runType,
    conf: run.conf,
    data_interval_start: iso(run.queuedAt),
    data_interval_end: iso(run.queuedAt),
    last_scheduling_decision: iso(Math.min(now, view.endMs ?? now)),
  };
  if (major === 3) return { ...common, run_after: iso(run.queuedAt), queued_at: iso(run.queuedAt), triggered_by: run.runType === 'manual' ? 'rest_api' : null };
  return { ...common, execution_date: iso(run.queuedAt), external_trigger: run.runType === 'manual', note: null };
}

function runsPage(model: AirflowModelState, major: 2 | 3, dagIds: string[], offset: number, limit: number, now: number): Record<string, unknown> {
  const ids = new Set(dagIds);
  // Newest first, as order_by=-execution_date / -run_after asks.
  const runs = model.runs.filter((r) => ids.has(r.dagId) && r.queuedAt <= now).reverse();
  return { dag_runs: runs.slice(offset, offset + Math.min(limit, 100)).map((r) => runJson(model, r, major, now)), total_entries: runs.length };
}

function trigger(model: AirflowModelState, major: 2 | 3, dagId: string, body: Record<string, unknown>, now: number): Record<string, unknown> {
  const dag = findDag(model, dagId, major);
  if (major === 3 && !('logical_date' in body)) throw new AirflowError(422, TITLES[422], [{ loc: ['body', 'logical_date'], msg: 'Field required', type: 'missing' }]);
  if (body.conf !== undefined && (typeof body.conf !== 'object' || body.conf === null || Array.isArray(body.conf))) {
    throw new AirflowError(major === 3 ? 422 : 400, TITLES[major === 3 ? 422 : 400], major === 3 ? [{ loc: ['body', 'conf'], msg: 'Input should be a valid dictionary', type: 'dict_type' }] : `${JSON.stringify(body.conf)} is not of type 'object' - 'conf'`);
  }
  const runId = typeof body.dag_run_id === 'string' && body.dag_run_id ? body.dag_run_id : `manual__${new Date(now).toISOString().replace('Z', '+00:00')}`;
  if (model.runs.some((r) => r.dagId === dagId && r.runId === runId)) {
    throw new AirflowError(409, 'Conflict', major === 3 ? `Failed to add DagRun with dag_id: \`${dagId}\`, run_id: \`${runId}\`: the run already exists` : `DAGRun with DAG ID: '${dagId}' and DAGRun ID: '${runId}' already exists`);
  }
  const run: AirflowRunState = { dagId: dag.dagId, runId, runType: 'manual', conf: (body.conf as Record<string, unknown>) ?? {}, queuedAt: now };
  model.runs.push(run);
  return runJson(model, run, major, now);
}

function taskInstancesJson(dag: AirflowDagState, run: AirflowRunState, major: 2 | 3, now: number): Record<string, unknown> {
  const view = viewRun(dag, run, now);
  const instances = view.tasks.map((t) => ({
    task_id: t.taskId,
    task_display_name: t.taskId,
    dag_id: dag.dagId,
    dag_run_id: run.runId,
    map_index: -1,
    state: t.state,
    try_number: t.tryNumber,
    max_tries: (dag.tasks.find((x) => x.taskId === t.taskId)?.retries ?? 0),
    start_date: iso(t.startMs),
    end_date: iso(t.endMs),
    duration: t.startMs !== undefined ? ((t.endMs ?? now) - t.startMs) / 1000 : null,
    hostname: t.startMs !== undefined ? 'ip-10-0-1-23.ec2.internal' : '',
    pool: 'default_pool',
    queue: 'default',
    ...(major === 3 ? { operator_name: t.operator, logical_date: iso(run.queuedAt) } : { operator: t.operator, execution_date: iso(run.queuedAt) }),
  }));
  return { task_instances: instances, total_entries: instances.length };
}

/** The continuation token is the next line's position, like Airflow's log_pos, wrapped so clients treat it as opaque. */
const encodeToken = (pos: number, end: boolean) => Buffer.from(JSON.stringify({ log_pos: pos, end_of_log: end })).toString('base64url');
const decodeToken = (token: unknown): number => {
  try {
    return num((JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as { log_pos?: unknown }).log_pos, 0);
  } catch {
    return 0;
  }
};

/** Lines per log response: Airflow's JSON log endpoint answers in chunks when full_content is false. */
export const LOG_CHUNK_LINES = 1000;

function logJson(model: AirflowModelState, major: 2 | 3, parts: string[], q: Record<string, unknown>, now: number): Record<string, unknown> {
  const { dag, run } = findRun(model, parts[1], parts[3], major);
  const taskId = parts[5];
  const tryNumber = Number(parts[7]);
  const task = dag.tasks.find((t) => t.taskId === taskId);
  if (!task) throw new AirflowError(404, 'Task instance not found', major === 3 ? 'TaskInstance not found' : 'Task instance did not exist in the DB');
  const view = viewRun(dag, run, now).tasks.find((t) => t.taskId === taskId)!;
  if (!Number.isInteger(tryNumber) || tryNumber < 1 || tryNumber > view.tryNumber) {
    throw new AirflowError(404, 'Not Found', major === 3 ? `Task try ${parts[7]} of \`${taskId}\` was not found` : `Task instance ${taskId} has no try ${parts[7]}`);
  }
  const all = taskLogLines(dag, run, task, view, tryNumber, now);
  const from = q.token ? decodeToken(q.token) : 0;
  const to = Math.min(all.length, from + LOG_CHUNK_LINES);
  const chunk = all.slice(from, to);
  const running = view.state === 'running' && tryNumber === view.tryNumber;
  const token = encodeToken(to, to >= all.length && !running);
  if (major === 3) {
    return {
      content: chunk.map((line) => {
        const m = /^\[([^\]]+)\] \{[^}]+\} (\w+) - (.*)$/.exec(line);
        return m ? { timestamp: m[1].replace('+0000', 'Z'), level: m[2].toLowerCase(), event: m[3] } : { event: line };
      }),
      continuation_token: token,
    };
  }
  return { content: chunk.length ? `${chunk.join('\n')}\n` : '', continuation_token: token };
}

/** MWAA wraps Airflow's answer: 2xx in the output, 4xx as RestApiClientException, 5xx as RestApiServerException. */
export function wrapAirflowReply(reply: AirflowReply): { RestApiStatusCode: number; RestApiResponse: unknown } {
  if (reply.status >= 500) throw new ServiceError('RestApiServerException', 'The Apache Airflow REST API returned a server error.', 400, { RestApiStatusCode: reply.status, RestApiResponse: reply.body });
  if (reply.status >= 400) throw new ServiceError('RestApiClientException', 'The Apache Airflow REST API returned a client error.', 400, { RestApiStatusCode: reply.status, RestApiResponse: reply.body });
  return { RestApiStatusCode: reply.status, RestApiResponse: reply.body };
}
