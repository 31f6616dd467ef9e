// The execution view's messages: one union for each direction (house rule 14).

import type { StateRun } from '../core/runs/history';

export interface ExecutionSummary {
  executionArn: string;
  region: string;
  name: string;
  stateMachineArn?: string;
  status: string;
  startDate?: string;
  stopDate?: string;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  /** Why input and output are missing (METADATA_ONLY: no kms:Decrypt). */
  unreadable?: string;
  redrivable: boolean;
  redriveReason?: string;
  redriveCount: number;
  express: boolean;
}

export interface HistoryRow {
  id: number;
  type: string;
  timestamp: string;
  previousEventId?: number;
  /** The detail member flattened to `key: value` text for the table. */
  detail: string;
}

export interface MapRunRow {
  mapRunArn: string;
  status?: string;
  startDate?: string;
  stopDate?: string;
  total?: number;
  succeeded?: number;
  failed?: number;
  running?: number;
  pending?: number;
  aborted?: number;
  timedOut?: number;
}

export type ToView =
  | { type: 'execution'; execution: ExecutionSummary; states: StateRun[]; graphSvg?: string; graphNote?: string; outcomes: Record<string, string> }
  | { type: 'history'; rows: HistoryRow[]; more: boolean; withData: boolean; note?: string }
  | { type: 'mapRuns'; runs: MapRunRow[] }
  | { type: 'error'; message: string }
  | { type: 'busy'; busy: boolean }
  /** The view now shows another execution: the page starts again from nothing and says `ready`. */
  | { type: 'show'; state: ExecutionViewState }
  | { type: 'locked'; locked: boolean };

/** Each carries the execution the page showed when the user acted (a view's execution can change). */
export type FromView = (
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'moreHistory' }
  | { type: 'stop' }
  | { type: 'redrive' }
  | { type: 'startAgain' }
  | { type: 'copyArn' }
  | { type: 'openConsole' }
) & { executionArn?: string };

/** What the panel keeps across a reload (vscode.setState / WebviewPanelSerializer). */
export interface ExecutionViewState {
  executionArn: string;
  region: string;
  /** Ran on the local emulator (Run Locally): read from `awsWorkflows.emulatorEndpoint`, never from here. */
  local?: boolean;
  /** A locked view keeps its execution; an unlocked one shows the next execution opened. */
  locked?: boolean;
}
