// The Airflow REST API as the explorer uses it through MWAA's InvokeRestApi: one path builder per
// Airflow major version, and readers that turn either version's JSON into the same plain data.
// Paths are relative to the version's API base (/api/v1 on Airflow 2, /api/v2 on Airflow 3), as
// InvokeRestApi's Path is. No vscode, no AWS: unit tests drive it directly.

export type AirflowMajor = 2 | 3;

/** 2 or 3 from an MWAA AirflowVersion (`2.10.3`, `3.0.6`); undefined for anything else. */
export function airflowMajor(version: string | undefined): AirflowMajor | undefined {
  const m = /^(\d+)\./.exec(version ?? '');
  return m?.[1] === '2' ? 2 : m?.[1] === '3' ? 3 : undefined;
}

export type AirflowRequest =
  | { kind: 'listDags'; offset: number; limit: number }
  | { kind: 'setPaused'; dagId: string; paused: boolean }
  | { kind: 'listRuns'; dagId: string; offset: number; limit: number }
  /** The most recent runs of several DAGs at once (a page of DAGs' last run states). */
  | { kind: 'latestRuns'; dagIds: string[]; limit: number }
  | { kind: 'triggerRun'; dagId: string; runId: string; conf: Record<string, unknown> }
  | { kind: 'listTaskInstances'; dagId: string; runId: string; limit: number }
  | { kind: 'taskLog'; dagId: string; runId: string; taskId: string; tryNumber: number; token?: string };

export interface RestCall {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  query?: Record<string, string | number | boolean>;
  body?: Record<string, unknown>;
}

const seg = (s: string) => encodeURIComponent(s);

/** Where the two REST APIs differ, for the calls the explorer makes. */
interface VersionTraits {
  dagListQuery: Record<string, string | number | boolean>;
  /** The newest-first sort of runs. */
  runOrder: string;
  /** Fields a trigger must carry besides the run id and conf. */
  triggerFields: Record<string, unknown>;
}

function buildCall(r: AirflowRequest, maxPath: number, v: VersionTraits): RestCall {
  switch (r.kind) {
    case 'listDags':
      return { method: 'GET', path: '/dags', query: { limit: r.limit, offset: r.offset, ...v.dagListQuery } };
    case 'setPaused':
      return { method: 'PATCH', path: `/dags/${seg(r.dagId)}`, query: { update_mask: 'is_paused' }, body: { is_paused: r.paused } };
    case 'listRuns': {
      const path = `/dags/${seg(r.dagId)}/dagRuns`;
      if (path.length <= maxPath) return { method: 'GET', path, query: { limit: r.limit, offset: r.offset, order_by: v.runOrder } };
      return { method: 'POST', path: '/dags/~/dagRuns/list', body: { dag_ids: [r.dagId], order_by: v.runOrder, page_offset: r.offset, page_limit: r.limit } };
    }
    case 'latestRuns':
      return { method: 'POST', path: '/dags/~/dagRuns/list', body: { dag_ids: r.dagIds, order_by: v.runOrder, page_offset: 0, page_limit: r.limit } };
    case 'triggerRun':
      return { method: 'POST', path: `/dags/${seg(r.dagId)}/dagRuns`, body: { dag_run_id: r.runId, ...v.triggerFields, conf: r.conf } };
    case 'listTaskInstances': {
      const path = `/dags/${seg(r.dagId)}/dagRuns/${seg(r.runId)}/taskInstances`;
      if (path.length <= maxPath) return { method: 'GET', path, query: { limit: r.limit } };
      return { method: 'POST', path: '/dags/~/dagRuns/~/taskInstances/list', body: { dag_ids: [r.dagId], dag_run_ids: [r.runId], page_limit: r.limit } };
    }
    case 'taskLog':
      return {
        method: 'GET',
        path: `/dags/${seg(r.dagId)}/dagRuns/${seg(r.runId)}/taskInstances/${seg(r.taskId)}/logs/${r.tryNumber}`,
        query: r.token ? { full_content: false, token: r.token } : { full_content: false },
      };
  }
}

/**
 * Airflow 2's stable REST API (/api/v1): DAGs ordered by id and only the active ones, runs by
 * execution date. Lists of one DAG's runs and one run's task instances fall back to the batch
 * endpoints (`~` for "any") when the direct path would pass `maxPath` (InvokeRestApi's limit).
 */
export function airflow2Call(r: AirflowRequest, maxPath = Number.POSITIVE_INFINITY): RestCall {
  return buildCall(r, maxPath, { dagListQuery: { order_by: 'dag_id', only_active: true }, runOrder: '-execution_date', triggerFields: {} });
}

/**
 * Airflow 3's REST API (/api/v2): runs sort by run_after, and a trigger must name its
 * logical_date (null: "now"); the batch endpoints take the same `~` form.
 */
export function airflow3Call(r: AirflowRequest, maxPath = Number.POSITIVE_INFINITY): RestCall {
  return buildCall(r, maxPath, { dagListQuery: { order_by: 'dag_id' }, runOrder: '-run_after', triggerFields: { logical_date: null } });
}

export function airflowCall(major: AirflowMajor, r: AirflowRequest, maxPath?: number): RestCall {
  return major === 2 ? airflow2Call(r, maxPath) : airflow3Call(r, maxPath);
}

// ---- What the responses hold, the same for both versions ----

export interface AirflowDag {
  dagId: string;
  paused: boolean;
  /** A cron expression, a preset, a timedelta in words, or undefined (no schedule). */
  schedule?: string;
  description?: string;
  tags: string[];
  owners: string[];
}

export interface AirflowDagRun {
  dagId: string;
  runId: string;
  state: string;
  runType?: string;
  logicalDate?: Date;
  startDate?: Date;
  endDate?: Date;
  conf?: Record<string, unknown>;
}

export interface AirflowTaskInstance {
  taskId: string;
  state?: string;
  tryNumber: number;
  mapIndex: number;
  startDate?: Date;
  endDate?: Date;
  durationSeconds?: number;
  operator?: string;
}

export interface AirflowLogChunk {
  lines: string[];
  /** Present while the log may continue (a running task, or more to read). */
  continuationToken?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const date = (v: unknown): Date | undefined => {
  if (typeof v !== 'string' || !v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** Airflow 2's schedule_interval object or Airflow 3's timetable_summary, in words. */
function scheduleOf(dag: Json): string | undefined {
  const summary = str(dag.timetable_summary);
  if (summary) return summary;
  const interval = dag.schedule_interval;
  if (typeof interval === 'string') return interval;
  const i = obj(interval);
  if (i.__type === 'CronExpression') return str(i.value);
  if (i.__type === 'TimeDelta') {
    const days = Number(i.days ?? 0);
    const seconds = Number(i.seconds ?? 0);
    const parts = [days && `${days}d`, seconds >= 3600 && `${Math.floor(seconds / 3600)}h`, seconds % 3600 >= 60 && `${Math.floor((seconds % 3600) / 60)}m`].filter(Boolean);
    return `every ${parts.join(' ') || `${seconds}s`}`;
  }
  if (i.__type === 'RelativeDelta') return 'relative delta';
  return str(dag.timetable_description);
}

export function readDags(response: unknown): { dags: AirflowDag[]; total: number } {
  const r = obj(response);
  const dags = arr(r.dags).map((d) => {
    const dag = obj(d);
    return {
      dagId: String(dag.dag_id ?? ''),
      paused: dag.is_paused === true,
      schedule: scheduleOf(dag),
      description: str(dag.description),
      tags: arr(dag.tags).map((t) => String(obj(t).name ?? t)),
      owners: arr(dag.owners).map(String),
    };
  });
  return { dags, total: typeof r.total_entries === 'number' ? r.total_entries : dags.length };
}

export function readRuns(response: unknown): { runs: AirflowDagRun[]; total: number } {
  const r = obj(response);
  const runs = arr(r.dag_runs).map((x) => {
    const run = obj(x);
    return {
      dagId: String(run.dag_id ?? ''),
      runId: String(run.dag_run_id ?? run.run_id ?? ''),
      state: String(run.state ?? 'queued'),
      runType: str(run.run_type),
      logicalDate: date(run.logical_date) ?? date(run.execution_date) ?? date(run.run_after),
      startDate: date(run.start_date),
      endDate: date(run.end_date),
      conf: Object.keys(obj(run.conf)).length ? obj(run.conf) : undefined,
    };
  });
  return { runs, total: typeof r.total_entries === 'number' ? r.total_entries : runs.length };
}

export function readTaskInstances(response: unknown): AirflowTaskInstance[] {
  return arr(obj(response).task_instances).map((x) => {
    const ti = obj(x);
    return {
      taskId: String(ti.task_id ?? ''),
      state: str(ti.state),
      tryNumber: typeof ti.try_number === 'number' ? ti.try_number : 0,
      mapIndex: typeof ti.map_index === 'number' ? ti.map_index : -1,
      startDate: date(ti.start_date),
      endDate: date(ti.end_date),
      durationSeconds: typeof ti.duration === 'number' ? ti.duration : undefined,
      operator: str(ti.operator) ?? str(ti.operator_name),
    };
  });
}

/** Airflow 2 returns the log as one string; Airflow 3 as structured events (or a string for old logs). */
export function readLog(response: unknown): AirflowLogChunk {
  const r = obj(response);
  const content = r.content;
  let lines: string[];
  if (Array.isArray(content)) {
    lines = content.map((e) => {
      if (typeof e === 'string') return e;
      const ev = obj(e);
      const head = [str(ev.timestamp), ev.level ? String(ev.level).toUpperCase() : undefined].filter(Boolean).join(' ');
      return head ? `[${head}] ${String(ev.event ?? '')}` : String(ev.event ?? '');
    });
  } else {
    lines = typeof content === 'string' && content ? content.replace(/\n$/, '').split('\n') : [];
  }
  return { lines, continuationToken: str(r.continuation_token) };
}

/** Airflow's own words for a failed call: Airflow 2's problem JSON (title/detail) or Airflow 3's FastAPI detail. */
export function airflowErrorDetail(body: unknown): string | undefined {
  const b = obj(body);
  const detail = b.detail;
  if (typeof detail === 'string' && detail) return b.title && b.title !== detail ? `${String(b.title)}: ${detail}` : detail;
  if (Array.isArray(detail)) {
    const first = obj(detail[0]);
    const loc = arr(first.loc).map(String).join('.');
    if (first.msg) return `${loc ? `${loc}: ` : ''}${String(first.msg)}`;
  }
  return str(b.title) ?? str(b.message);
}

// ---- Trigger conf ----

/** At most this much JSON in a conf: Airflow keeps it in its metadata database, and InvokeRestApi carries it. */
export const MAX_CONF_BYTES = 64 * 1024;

/**
 * The conf a user typed: empty means `{}`; anything else must be a JSON object. Returns the object,
 * or the sentence that says what is wrong, before anything is sent.
 */
export function parseTriggerConf(text: string): { conf: Record<string, unknown> } | { problem: string } {
  const trimmed = text.trim();
  if (!trimmed) return { conf: {} };
  if (Buffer.byteLength(trimmed) > MAX_CONF_BYTES) return { problem: `The conf is ${Buffer.byteLength(trimmed)} bytes; keep it under ${MAX_CONF_BYTES / 1024} KB.` };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    return { problem: `The conf is not valid JSON: ${(err as Error).message.replace(/^JSON\.parse: /, '')}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: `The conf must be a JSON object ({"key": "value"}), not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}.` };
  }
  return { conf: value as Record<string, unknown> };
}

/**
 * A run id short enough to keep the run's task log paths within InvokeRestApi's 64 characters:
 * `vsc-` and the time in tenths of a second, base 36 (11 characters, unique per DAG in practice).
 */
export function newRunId(now = Date.now()): string {
  return `vsc-${Math.floor(now / 100).toString(36)}`;
}
