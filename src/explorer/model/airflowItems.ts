// What the explorer shows of an MWAA environment's Airflow, as plain data: DAG, run and task
// instance items, their one-line descriptions and the states that still move. No vscode here.

import type { AirflowDag, AirflowDagRun, AirflowTaskInstance } from '../../core/airflow/restApi';
import { formatTime } from './resources';

export interface DagItem {
  id: string;
  name: string;
  dag: AirflowDag;
  lastRun?: AirflowDagRun;
}

export interface DagRunItem {
  id: string;
  name: string;
  run: AirflowDagRun;
}

export interface TaskInstanceItem {
  id: string;
  name: string;
  task: AirflowTaskInstance;
  dagId: string;
  runId: string;
}

/** Run and task states Airflow has not finished with. */
const ACTIVE = new Set(['queued', 'running', 'scheduled', 'up_for_retry', 'up_for_reschedule', 'restarting', 'deferred']);

export function isActiveState(state: string | undefined): boolean {
  return state !== undefined && ACTIVE.has(state);
}

/** `paused · 0 2 * * * · last run failed` */
export function dagDescription(item: DagItem): string {
  const parts: string[] = [];
  if (item.dag.paused) parts.push('paused');
  parts.push(item.dag.schedule ?? 'no schedule');
  if (item.lastRun) parts.push(`last run ${item.lastRun.state}`);
  return parts.join(' · ');
}

/** `failed · 2026-11-30 10:00 UTC` */
export function runDescription(run: AirflowDagRun): string {
  const when = run.startDate ?? run.logicalDate;
  return [run.state, when && formatTime(when)].filter(Boolean).join(' · ');
}

/** `failed · try 2 · 1.5 s` (or `not started`). */
export function taskInstanceDescription(task: AirflowTaskInstance): string {
  if (!task.state && task.tryNumber === 0) return 'not started';
  const parts = [task.state ?? 'no state'];
  if (task.tryNumber > 0) parts.push(`try ${task.tryNumber}`);
  if (task.durationSeconds !== undefined) parts.push(formatDuration(task.durationSeconds));
  return parts.join(' · ');
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
