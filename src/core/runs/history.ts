// An execution's history as states: each entry of a state (Task, Map iteration…) with how it
// ended, its input and output, the error and cause, and how many times it was retried. Pure, so
// the execution view, the CLI and tests read histories the same way.

/** The members of a history event this reads (the SDK's HistoryEvent fits). */
export interface HistoryEventLike {
  id?: number;
  previousEventId?: number;
  type?: string;
  timestamp?: Date | string;
  [details: string]: unknown;
}

export type StateRunStatus = 'running' | 'succeeded' | 'caught' | 'failed' | 'aborted';

export interface StateRun {
  name: string;
  /** The state's type, from its entered event (`Task`, `Map`, …). */
  type: string;
  status: StateRunStatus;
  enteredAt?: string;
  exitedAt?: string;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  /** Attempts after the first (a failed task that ran again). */
  retries: number;
  /** The ids of its events, entered first. */
  eventIds: number[];
}

interface Open {
  run: StateRun;
  /** Whoever owned the event before it was entered (a Map, a Parallel, or nobody). */
  parent: Open | undefined;
  attempts: number;
}

const FAILURE = /^(Task|Activity|LambdaFunction)(Failed|TimedOut|StartFailed|SubmitFailed|ScheduleFailed)$/;
const ATTEMPT = /^(TaskScheduled|ActivityScheduled|LambdaFunctionScheduled)$/;

const iso = (t: Date | string | undefined) => (t === undefined ? undefined : typeof t === 'string' ? t : t.toISOString());

function details(e: HistoryEventLike): Record<string, unknown> {
  for (const [k, v] of Object.entries(e)) if (k.endsWith('EventDetails') && v && typeof v === 'object') return v as Record<string, unknown>;
  return {};
}

/** The state runs in the order they were entered; `ended` says how the execution ended, if it has. */
export function stateRuns(events: readonly HistoryEventLike[], ended?: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | string): StateRun[] {
  const runs: StateRun[] = [];
  const owner = new Map<number, Open | undefined>();
  const open: Open[] = [];
  for (const e of events) {
    const type = e.type ?? '';
    const id = e.id ?? 0;
    const d = details(e);
    const before = e.previousEventId !== undefined ? owner.get(e.previousEventId) : undefined;
    if (type.endsWith('StateEntered')) {
      const run: StateRun = { name: String(d.name ?? ''), type: type.replace(/StateEntered$/, ''), status: 'running', enteredAt: iso(e.timestamp), input: d.input as string | undefined, retries: 0, eventIds: [id] };
      runs.push(run);
      const entry: Open = { run, parent: before, attempts: 0 };
      open.push(entry);
      owner.set(id, entry);
      continue;
    }
    if (type.endsWith('StateExited')) {
      const entry = before && before.run.name === d.name ? before : [...open].reverse().find((o) => o.run.name === d.name);
      if (entry) {
        entry.run.eventIds.push(id);
        entry.run.exitedAt = iso(e.timestamp);
        entry.run.output = d.output as string | undefined;
        entry.run.status = entry.run.error ? 'caught' : 'succeeded';
        open.splice(open.indexOf(entry), 1);
        owner.set(id, entry.parent);
      }
      continue;
    }
    const entry = before;
    owner.set(id, entry);
    if (!entry) continue;
    entry.run.eventIds.push(id);
    if (ATTEMPT.test(type)) {
      entry.attempts++;
      entry.run.retries = entry.attempts - 1;
    } else if (FAILURE.test(type) || type === 'EvaluationFailed') {
      entry.run.error = d.error as string | undefined;
      entry.run.cause = d.cause as string | undefined;
    } else if (/StateAborted$/.test(type)) {
      entry.run.status = 'aborted';
      open.splice(open.indexOf(entry), 1);
    } else if (/^(Map|Parallel)StateFailed$/.test(type)) {
      entry.run.status = 'failed';
    }
  }
  // What is still open when the execution has ended is where it ended.
  for (const entry of open) {
    if (!ended || ended === 'RUNNING') continue;
    entry.run.status = ended === 'ABORTED' ? 'aborted' : ended === 'SUCCEEDED' ? 'succeeded' : 'failed';
  }
  const last = events.at(-1);
  if (last?.type === 'ExecutionFailed' || last?.type === 'ExecutionTimedOut') {
    const failed = [...runs].reverse().find((r) => r.status === 'failed' || r.type === 'Fail');
    if (failed) {
      failed.status = 'failed';
      const d = details(last);
      failed.error ??= d.error as string | undefined;
      failed.cause ??= d.cause as string | undefined;
    }
  }
  return runs;
}

/** How each state ended, its last run winning (for colouring a graph). */
export function stateOutcomes(runs: readonly StateRun[]): Record<string, StateRunStatus> {
  const out: Record<string, StateRunStatus> = {};
  for (const r of runs) out[r.name] = r.status;
  return out;
}
